import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { Upload } from "./store-upload.ts";

export type StoredFile = Upload & { data: Uint8Array };

/** One of the tenant's files with its bytes, for the route that serves it after checking who asks. */
export async function readUpload(
  tx: Executor,
  o: { tenantId: string; uploadId: string },
): Promise<StoredFile | undefined> {
  const [found] = await tx
    .select()
    .from(schema.uploads)
    .where(and(eq(schema.uploads.tenantId, o.tenantId), eq(schema.uploads.id, o.uploadId)));
  return found;
}
