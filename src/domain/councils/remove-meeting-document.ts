import { and, eq, isNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";
import { lockMeeting } from "./meeting-access.ts";

export type RemoveMeetingDocumentOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  documentId: string;
  actorPersonId: string;
  now: Date;
};

/**
 * Takes a document off a meeting, under the meeting's lock. A draft's document was never public: it is deleted
 * with its file. Once the meeting is published the document may have been read and cited, so it is only marked
 * removed: no page lists it and its address is a 404, but the row and the file stay, and the audit line names the
 * file and its checksum (ADR 0025, addendum).
 */
export async function removeMeetingDocument(tx: Tx, o: RemoveMeetingDocumentOptions): Promise<"deleted" | "removed"> {
  const meeting = await lockMeeting(tx, o);
  const d = schema.councilMeetingDocuments;
  const u = schema.uploads;
  const [document] = isUuid(o.documentId)
    ? await tx
        .select({ id: d.id, title: d.title, itemId: d.itemId, uploadId: d.uploadId, sha256: u.sha256 })
        .from(d)
        .innerJoin(u, and(eq(u.tenantId, d.tenantId), eq(u.id, d.uploadId)))
        .where(
          and(eq(d.tenantId, o.tenantId), eq(d.meetingId, o.meetingId), eq(d.id, o.documentId), isNull(d.removedAt)),
        )
    : [];
  if (!document) throw new CouncilsError("councils.meeting-document-not-found");
  const mode = meeting.status === "draft" ? "deleted" : "removed";
  if (mode === "removed")
    await tx
      .update(d)
      .set({ removedAt: o.now })
      .where(and(eq(d.tenantId, o.tenantId), eq(d.id, document.id)));
  // The document row goes with its upload (on delete cascade).
  else await tx.delete(u).where(and(eq(u.tenantId, o.tenantId), eq(u.id, document.uploadId)));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.meeting-document-remove",
    subject: o.meetingId,
    details: {
      document: document.id,
      title: document.title,
      item: document.itemId,
      upload: document.uploadId,
      sha256: document.sha256,
      mode,
    },
  });
  return mode;
}
