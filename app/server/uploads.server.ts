import { data } from "react-router";
import { MAX_UPLOAD_BYTES, type StoredFile } from "../../src/platform/uploads/index.ts";

/** Room for the form's other fields and the multipart boundaries around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The one place that reads a multipart form (a form with a file): the body is read as a stream and cut off with
 * 413 as soon as it passes the upload limit, before it is parsed, so a huge body never fills the memory.
 */
export async function readMultipartForm(request: Request, maxFileBytes = MAX_UPLOAD_BYTES): Promise<FormData> {
  const limit = maxFileBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > limit) throw tooLarge();
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!request.body) return new FormData();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Response(Buffer.concat(chunks), { headers: { "Content-Type": contentType } }).formData();
}

function tooLarge() {
  return data(null, { status: 413 });
}

export type SubmittedFile = { bytes: Uint8Array; name: string };

/** The file in a form field, or undefined when none was chosen (browsers send an empty part then). */
export async function fileIn(form: FormData, field: string): Promise<SubmittedFile | undefined> {
  const value = form.get(field);
  if (!(value instanceof File) || (value.size === 0 && value.name === "")) return undefined;
  return { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name };
}

/**
 * A stored file as the answer: the type is the one sniffed at upload; the browser may not guess another, and a PDF
 * or image shown here runs no script. Public files may be cached, the others never.
 */
export function fileResponse(file: StoredFile, access: "public" | "private"): Response {
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.byteSize),
      "Content-Disposition": `inline; filename="${file.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "Cache-Control": access === "public" ? "public, max-age=3600" : "private, no-store",
      ETag: `"${file.sha256}"`,
    },
  });
}
