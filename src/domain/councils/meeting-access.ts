import { and, eq, isNull, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { rolesGrant, rolesInTenant } from "../identity/index.ts";
import { dutchDateOf } from "../shared/index.ts";
import { CouncilsError } from "./errors.ts";
import { isUuid } from "./lock-council.ts";
import { listSeatsOf } from "./read-councils.ts";

export type MeetingEditor = { tenantId: string; councilId: string; actorPersonId: string; now: Date };

/**
 * Only the council's secretary (the seat held on today's Dutch date) or the municipality's staff with the councils
 * right prepare a meeting, its agenda and its report. Everyone else, the chair included, is refused.
 */
export async function requireMeetingEditor(tx: Tx, o: MeetingEditor): Promise<void> {
  const seats = await listSeatsOf(tx, { tenantId: o.tenantId, personId: o.actorPersonId, today: dutchDateOf(o.now) });
  if (seats.some((seat) => seat.councilId === o.councilId && seat.role === "secretary")) return;
  const roles = await rolesInTenant(tx, { personId: o.actorPersonId, tenantId: o.tenantId });
  if (!rolesGrant(roles, "councils:manage")) throw new CouncilsError("councils.meeting-secretary-only");
}

/**
 * The meeting row of this council, locked after the editor is checked: changes to one meeting's agenda are decided
 * one after the other (parents before children). A cancelled meeting is final: nothing of it changes any more.
 */
export async function lockMeeting(tx: Tx, o: MeetingEditor & { meetingId: string }) {
  await requireMeetingEditor(tx, o);
  if (!isUuid(o.meetingId)) throw new CouncilsError("councils.meeting-not-found");
  const m = schema.councilMeetings;
  const [meeting] = await tx
    .select({
      id: m.id,
      status: m.status,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      onlineUrl: m.onlineUrl,
      sequence: m.sequence,
      cancelledAt: m.cancelledAt,
    })
    .from(m)
    .where(and(eq(m.tenantId, o.tenantId), eq(m.councilId, o.councilId), eq(m.id, o.meetingId)))
    .for("update");
  if (!meeting) throw new CouncilsError("councils.meeting-not-found");
  if (meeting.cancelledAt) throw new CouncilsError("councils.meeting-cancelled");
  return meeting;
}

/**
 * Raises the meeting's sequence if it is still at the version the form was read at; otherwise someone changed the
 * meeting meanwhile and the form is refused rather than acting on what its reader did not see. Under the lock.
 */
export async function raiseMeetingVersion(
  tx: Tx,
  o: { tenantId: string; meetingId: string; version: number },
): Promise<void> {
  const m = schema.councilMeetings;
  const [raised] = await tx
    .update(m)
    .set({ sequence: sql`${m.sequence} + 1` })
    .where(and(eq(m.tenantId, o.tenantId), eq(m.id, o.meetingId), eq(m.sequence, o.version), isNull(m.cancelledAt)))
    .returning({ id: m.id });
  if (!raised) throw new CouncilsError("councils.meeting-changed-meanwhile");
}
