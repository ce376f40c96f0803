import { createHash } from "node:crypto";
import { schema, type Tx } from "../../db/index.ts";
import { DomainError } from "../../domain/shared/index.ts";
import { MAX_UPLOAD_BYTES } from "./limits.ts";
import { sniffUploadType, type UploadType, uploadTypes } from "./sniff.ts";

export type UploadErrorCode =
  | "uploads.empty"
  | "uploads.too-large"
  | "uploads.type-not-allowed"
  | "uploads.alt-text-required";

export class UploadError extends DomainError<UploadErrorCode> {}

export type Upload = Omit<typeof schema.uploads.$inferSelect, "data">;

export type StoreUploadOptions = {
  tenantId: string;
  bytes: Uint8Array;
  fileName: string;
  /** What this use accepts: receipts take PDFs and photos, council documents only PDFs. */
  accept: readonly UploadType[];
  visibility: Upload["visibility"];
  /** Required for a public image: a photo on a public page needs a text alternative. */
  altText?: string | null;
  maxBytes?: number;
  actorPersonId: string | null;
  now: Date;
};

/** Checks the size and the sniffed type, then stores the file in the tenant's rows. */
export async function storeUpload(tx: Tx, o: StoreUploadOptions): Promise<Upload> {
  const maxBytes = Math.min(o.maxBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
  if (o.bytes.byteLength === 0) throw new UploadError("uploads.empty");
  if (o.bytes.byteLength > maxBytes)
    throw new UploadError("uploads.too-large", { maxMegabytes: maxBytes / 1024 / 1024 });
  const type = sniffUploadType(o.bytes);
  if (!type || !o.accept.includes(type))
    throw new UploadError("uploads.type-not-allowed", { accepted: o.accept.join(", ").toUpperCase() });
  const altText = o.altText?.trim() || null;
  if (type !== "pdf" && o.visibility === "public" && !altText) throw new UploadError("uploads.alt-text-required");
  const [stored] = await tx
    .insert(schema.uploads)
    .values({
      tenantId: o.tenantId,
      contentType: uploadTypes[type],
      byteSize: o.bytes.byteLength,
      sha256: createHash("sha256").update(o.bytes).digest("hex"),
      fileName: safeFileName(o.fileName, type),
      altText,
      visibility: o.visibility,
      data: o.bytes,
      createdById: o.actorPersonId,
      createdAt: o.now,
    })
    .returning({
      id: schema.uploads.id,
      tenantId: schema.uploads.tenantId,
      contentType: schema.uploads.contentType,
      byteSize: schema.uploads.byteSize,
      sha256: schema.uploads.sha256,
      fileName: schema.uploads.fileName,
      altText: schema.uploads.altText,
      visibility: schema.uploads.visibility,
      createdById: schema.uploads.createdById,
      createdAt: schema.uploads.createdAt,
    });
  return stored!;
}

const extensions = { pdf: "pdf", jpeg: "jpg", png: "png", webp: "webp" } as const satisfies Record<UploadType, string>;

/** A name that is safe in a Content-Disposition header and ends in the sniffed type's extension. */
export function safeFileName(name: string, type: UploadType): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/\.[^.]*$/, "")
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "bestand"}.${extensions[type]}`;
}
