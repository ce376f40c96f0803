import { schema, type Tx } from "../../db/index.ts";
import { documentTypes, storeUpload } from "../../platform/uploads/index.ts";
import { recordAudit } from "../shared/index.ts";
import { type AdviceFileActor, lockAdviceForFiles } from "./advice-file-access.ts";
import { type AdviceFileSide, isSideOpen } from "./advice-states.ts";
import { CouncilsError } from "./errors.ts";

export type AttachAdviceFileOptions = AdviceFileActor & {
  side: AdviceFileSide;
  bytes: Uint8Array;
  fileName: string;
};

/**
 * A PDF for the request (its question, background documents), the council's advice or the municipality's response,
 * under the advice's lock. The upload module checks the size and the first bytes (`%PDF-`) and keeps the file
 * internal: the file route opens it to everyone only once its side is public.
 */
export async function attachAdviceFile(tx: Tx, o: AttachAdviceFileOptions): Promise<{ id: string; uploadId: string }> {
  const advice = await lockAdviceForFiles(tx, o);
  if (!isSideOpen(o.side, advice.status)) throw new CouncilsError("councils.advice-files-closed");
  const upload = await storeUpload(tx, {
    tenantId: o.tenantId,
    bytes: o.bytes,
    fileName: o.fileName,
    accept: documentTypes,
    visibility: "internal",
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
  const f = schema.adviceAttachments;
  const [attachment] = await tx
    .insert(f)
    .values({ tenantId: o.tenantId, adviceId: advice.id, side: o.side, uploadId: upload.id, createdAt: o.now })
    .returning({ id: f.id, uploadId: f.uploadId });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.advice-file-attach",
    subject: advice.id,
    details: {
      attachment: attachment!.id,
      side: o.side,
      upload: upload.id,
      bytes: upload.byteSize,
      sha256: upload.sha256,
    },
  });
  return attachment!;
}
