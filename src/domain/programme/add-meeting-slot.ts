import { and, count, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import { requirePositive, requireText } from "./input-rules.ts";
import { requireTrajectory } from "./schedule-meeting.ts";

export type MeetingSlot = typeof schema.meetingSlots.$inferSelect;
export type MeetingSlotKind = MeetingSlot["kind"];

type SlotTime = { title: string; startsAt: Date; endsAt: Date };

/** A walk-in or plenary part is open to everyone at the meeting: no seats of its own, no trajectory. */
type OpenSlot = SlotTime & { kind: "walk-in" | "plenary" };
/** A parallel track people sign up for: it has seats, and usually belongs to one trajectory. */
type TrackSlot = SlotTime & { kind: "track"; capacity: number; trajectoryId?: string | null };

export type AddMeetingSlotOptions = { tenantId: string; meetingId: string } & (OpenSlot | TrackSlot);

/** A part of a meeting's programme. The meeting is locked, so slots added together keep their announced order. */
export async function addMeetingSlot(tx: Executor, o: AddMeetingSlotOptions): Promise<MeetingSlot> {
  requireText("title", o.title);
  if (!(o.endsAt > o.startsAt)) throw new ProgrammeError("programme.ends-before-start");
  if (o.kind === "track") {
    if (o.capacity === undefined || o.capacity === null) throw new ProgrammeError("programme.track-needs-capacity");
    requirePositive("capacity", o.capacity);
  }
  const [meeting] = await tx
    .select()
    .from(schema.meetings)
    .where(and(eq(schema.meetings.tenantId, o.tenantId), eq(schema.meetings.id, o.meetingId)))
    .for("update");
  if (!meeting) throw new ProgrammeError("programme.meeting-not-found");
  if (meeting.cancelledAt) throw new ProgrammeError("programme.meeting-cancelled");
  if (o.startsAt < meeting.startsAt || o.endsAt > meeting.endsAt)
    throw new ProgrammeError("programme.slot-outside-meeting");
  const trajectoryId = o.kind === "track" ? (o.trajectoryId ?? null) : null;
  if (trajectoryId) await requireTrajectory(tx, o.tenantId, trajectoryId);
  const [existing] = await tx
    .select({ n: count() })
    .from(schema.meetingSlots)
    .where(eq(schema.meetingSlots.meetingId, meeting.id));
  const [slot] = await tx
    .insert(schema.meetingSlots)
    .values({
      tenantId: o.tenantId,
      meetingId: meeting.id,
      kind: o.kind,
      title: o.title.trim(),
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      trajectoryId,
      capacity: o.kind === "track" ? o.capacity : null,
      position: (existing?.n ?? 0) + 1,
    })
    .returning();
  return slot!;
}
