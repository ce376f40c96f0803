/**
 * How large a request body may be, per kind of route. The HTTP server refuses a larger body by its `Content-Length`
 * with 413 before any of it is read (`server/body-limits.ts`), and `readForm` counts what it reads.
 *
 * Every route takes small forms unless it says otherwise. A route that takes files declares it in its module:
 *
 * ```ts
 * export const handle = acceptsUpload();                  // up to UPLOAD_BODY_LIMIT
 * export const handle = { ...breadcrumbs(…), ...acceptsUpload(5 * MB) };
 * // in its action: const form = await readMultipartForm(request) (app/server/uploads.server.ts)
 * ```
 */
import { MAX_UPLOAD_BYTES } from "../../src/platform/uploads/limits.ts";

export const MB = 1024 * 1024;
export const FORM_BODY_LIMIT = 256 * 1024;
/** One file of at most MAX_UPLOAD_BYTES, plus room for the form's other fields and the multipart boundaries. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

export type BodyLimitHandle = { readonly bodyLimit: number };

/** The route's `handle` (or part of it) for a route whose forms carry files (receipts, photos, PDFs). */
export function acceptsUpload(maxBytes = UPLOAD_BODY_LIMIT): BodyLimitHandle {
  return { bodyLimit: maxBytes };
}

/** The limit a route module declares through its `handle`, or the form limit. */
export function bodyLimitOf(module: { handle?: unknown } | undefined): number {
  const declared = (module?.handle as Partial<BodyLimitHandle> | undefined)?.bodyLimit;
  return typeof declared === "number" && declared > 0 ? declared : FORM_BODY_LIMIT;
}
