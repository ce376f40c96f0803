import { and, eq, isNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { documentTypes, storeUpload } from "../../platform/uploads/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";
import { lockMeeting } from "./meeting-access.ts";

export type AttachMeetingDocumentOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  /** The agenda item it belongs to; null for a document of the whole meeting. */
  itemId: string | null;
  title: string;
  bytes: Uint8Array;
  fileName: string;
  actorPersonId: string;
  now: Date;
};

/**
 * A PDF for a meeting or one of its items. The upload module checks the size and the first bytes (`%PDF-`) and keeps
 * the file as internal: only the meeting's document address serves it publicly, and only while it may be public.
 */
export async function attachMeetingDocument(tx: Tx, o: AttachMeetingDocumentOptions): Promise<{ id: string }> {
  await lockMeeting(tx, o);
  if (o.itemId !== null) {
    const i = schema.councilAgendaItems;
    const [item] = isUuid(o.itemId)
      ? await tx
          .select({ id: i.id })
          .from(i)
          .where(
            and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId), eq(i.id, o.itemId), isNull(i.withdrawnAt)),
          )
      : [];
    if (!item) throw new CouncilsError("councils.agenda-item-not-found");
  }
  const upload = await storeUpload(tx, {
    tenantId: o.tenantId,
    bytes: o.bytes,
    fileName: o.fileName,
    accept: documentTypes,
    visibility: "internal",
    actorPersonId: o.actorPersonId,
    now: o.now,
  });
  const d = schema.councilMeetingDocuments;
  const [document] = await tx
    .insert(d)
    .values({
      tenantId: o.tenantId,
      meetingId: o.meetingId,
      itemId: o.itemId,
      uploadId: upload.id,
      title: o.title,
      createdAt: o.now,
    })
    .returning({ id: d.id });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.meeting-document-attach",
    subject: o.meetingId,
    details: { document: document!.id, item: o.itemId, bytes: upload.byteSize },
  });
  return document!;
}
