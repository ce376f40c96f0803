import { and, eq, inArray, isNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";
import { lockMeeting } from "./meeting-access.ts";
import type { MeetingReportKind } from "./meeting-kinds.ts";

export type RecordMeetingReportOptions = {
  tenantId: string;
  councilId: string;
  meetingId: string;
  /** Notulen or a besluitenlijst: what the texts below are. */
  kind: MeetingReportKind;
  /** For the meeting as a whole; empty when the items say it all. */
  report: string;
  /** Per agenda item; an empty text leaves the item without one. */
  items: ReadonlyArray<{ itemId: string; report: string }>;
  actorPersonId: string;
  now: Date;
};

/**
 * After the meeting: its minutes or list of decisions, for the meeting and per item. Only for a published meeting
 * that has begun (the database checks that too); writing it again replaces the earlier text.
 */
export async function recordMeetingReport(tx: Tx, o: RecordMeetingReportOptions): Promise<void> {
  const meeting = await lockMeeting(tx, o);
  if (meeting.status !== "published") throw new CouncilsError("councils.meeting-not-published");
  if (o.now < meeting.startsAt) throw new CouncilsError("councils.meeting-not-held-yet");
  const report = o.report.trim();
  const items = o.items.map((item) => ({ itemId: item.itemId, report: item.report.trim() }));
  if (!report && items.every((item) => !item.report)) throw new CouncilsError("councils.meeting-report-empty");
  const i = schema.councilAgendaItems;
  const ids = items.map((item) => item.itemId);
  if (ids.some((id) => !isUuid(id))) throw new CouncilsError("councils.agenda-item-not-found");
  const known =
    ids.length === 0
      ? []
      : await tx
          .select({ id: i.id })
          .from(i)
          .where(
            and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId), inArray(i.id, ids), isNull(i.withdrawnAt)),
          );
  if (known.length !== new Set(ids).size) throw new CouncilsError("councils.agenda-item-not-found");
  const m = schema.councilMeetings;
  await tx
    .update(m)
    .set({ reportKind: o.kind, report: report || null, reportedAt: o.now })
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.meetingId)));
  for (const item of items)
    await tx
      .update(i)
      .set({ report: item.report || null })
      .where(and(eq(i.tenantId, o.tenantId), eq(i.meetingId, o.meetingId), eq(i.id, item.itemId)));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.meeting-report",
    subject: o.meetingId,
    details: { kind: o.kind, items: items.filter((item) => item.report).length },
  });
}
