import { and, asc, eq, ne } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type MeetingRegistration = {
  id: string;
  slotId: string;
  track: string;
  name: string;
  email: string;
  organisation: string;
  status: "registered" | "wait-listed";
  /** A place at a meeting whose places staff confirm, not confirmed yet. */
  provisional: boolean;
  /** 1 is next in line; only for a wait-list spot. */
  waitListPosition: number | null;
  attended: boolean;
  registeredAt: Date;
};

/** Who has a place and who waits, per part of the meeting's programme in its order: the staff lists and exports. */
export async function listMeetingRegistrations(
  tx: Executor,
  o: { tenantId: string; meetingId: string },
): Promise<MeetingRegistration[]> {
  const rows = await tx
    .select({
      id: schema.registrations.id,
      slotId: schema.registrations.slotId,
      track: schema.meetingSlots.title,
      name: schema.people.displayName,
      email: schema.people.email,
      answers: schema.registrations.answers,
      status: schema.registrations.status,
      attended: schema.registrations.attended,
      registeredAt: schema.registrations.createdAt,
      confirmedAt: schema.registrations.confirmedAt,
      placesProvisional: schema.meetings.placesProvisional,
    })
    .from(schema.registrations)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .innerJoin(schema.people, eq(schema.people.id, schema.registrations.personId))
    .where(
      and(
        eq(schema.registrations.tenantId, o.tenantId),
        eq(schema.registrations.meetingId, o.meetingId),
        ne(schema.registrations.status, "cancelled"),
      ),
    )
    .orderBy(
      asc(schema.meetingSlots.startsAt),
      asc(schema.meetingSlots.position),
      asc(schema.registrations.status),
      asc(schema.registrations.position),
    );
  const waiting = new Map<string, number>();
  return rows.map(({ answers, status, confirmedAt, placesProvisional, ...row }) => {
    const place = status === "wait-listed" ? (waiting.get(row.slotId) ?? 0) + 1 : null;
    if (place !== null) waiting.set(row.slotId, place);
    return {
      ...row,
      organisation: answers.organisation ?? "",
      status: status as MeetingRegistration["status"],
      provisional: placesProvisional && status === "registered" && confirmedAt === null,
      waitListPosition: place,
    };
  });
}
