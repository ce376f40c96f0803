import { and, eq, isNotNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";
import { lockMeeting, raiseMeetingVersion } from "./meeting-access.ts";

export type RestoreMeetingDocumentOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  documentId: string;
  /** The meeting's `sequence` when the form was read. */
  version: number;
  actorPersonId: string;
  now: Date;
};

/**
 * Brings a removed document of a published meeting back: the row and its file were kept (ADR 0025, addendum), so it
 * is listed and served again, the very same bytes. Under the meeting's lock and conditional on the form's version;
 * the audit line names the file's checksum, so it can be matched with the one written at removal.
 */
export async function restoreMeetingDocument(tx: Tx, o: RestoreMeetingDocumentOptions): Promise<void> {
  await lockMeeting(tx, o);
  const d = schema.councilMeetingDocuments;
  const [document] = isUuid(o.documentId)
    ? await tx
        .update(d)
        .set({ removedAt: null })
        .where(
          and(eq(d.tenantId, o.tenantId), eq(d.meetingId, o.meetingId), eq(d.id, o.documentId), isNotNull(d.removedAt)),
        )
        .returning({ id: d.id, title: d.title, itemId: d.itemId, uploadId: d.uploadId })
    : [];
  if (!document) throw new CouncilsError("councils.meeting-document-not-found");
  await raiseMeetingVersion(tx, o);
  const u = schema.uploads;
  const [upload] = await tx
    .select({ sha256: u.sha256 })
    .from(u)
    .where(and(eq(u.tenantId, o.tenantId), eq(u.id, document.uploadId)));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.meeting-document-restore",
    subject: o.meetingId,
    details: {
      document: document.id,
      title: document.title,
      item: document.itemId,
      upload: document.uploadId,
      sha256: upload?.sha256 ?? null,
    },
  });
}
