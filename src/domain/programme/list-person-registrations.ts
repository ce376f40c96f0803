import { and, asc, count, eq, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Executor, schema } from "../../db/index.ts";
import type { RegistrationStatus } from "./register-for-slot.ts";

export type PersonRegistration = {
  id: string;
  slotId: string;
  status: Exclude<RegistrationStatus, "cancelled">;
  /** 1 is next in line; only for the wait-list. */
  waitListPosition: number | undefined;
  answers: Record<string, string>;
  meeting: { slug: string; title: string };
  track: string;
  startsAt: Date;
  endsAt: Date;
};

/** A person's active registrations (a place or a wait-list position), all of them or one meeting's. */
export async function listPersonRegistrations(
  tx: Executor,
  o: { tenantId: string; personId: string; meetingId?: string },
): Promise<PersonRegistration[]> {
  const ahead = alias(schema.registrations, "ahead");
  const waiting = tx
    .select({ n: count() })
    .from(ahead)
    .where(
      and(
        eq(ahead.slotId, schema.registrations.slotId),
        eq(ahead.status, "wait-listed"),
        lte(ahead.position, schema.registrations.position),
      ),
    );
  const rows = await tx
    .select({
      id: schema.registrations.id,
      slotId: schema.registrations.slotId,
      status: schema.registrations.status,
      answers: schema.registrations.answers,
      waitListPosition: sql<number>`(${waiting})`.mapWith(Number),
      meetingSlug: schema.meetings.slug,
      meetingTitle: schema.meetings.title,
      track: schema.meetingSlots.title,
      startsAt: schema.meetingSlots.startsAt,
      endsAt: schema.meetingSlots.endsAt,
    })
    .from(schema.registrations)
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .where(
      and(
        eq(schema.registrations.tenantId, o.tenantId),
        eq(schema.registrations.personId, o.personId),
        ne(schema.registrations.status, "cancelled"),
        o.meetingId ? eq(schema.registrations.meetingId, o.meetingId) : undefined,
      ),
    )
    .orderBy(asc(schema.meetingSlots.startsAt), asc(schema.meetingSlots.position));
  return rows.map((row) => ({
    id: row.id,
    slotId: row.slotId,
    status: row.status as PersonRegistration["status"],
    waitListPosition: row.status === "wait-listed" ? row.waitListPosition : undefined,
    answers: row.answers,
    meeting: { slug: row.meetingSlug, title: row.meetingTitle },
    track: row.track,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
  }));
}

export type SlotOccupancy = { slotId: string; registered: number; waitListed: number };

/** Places taken and people waiting per slot of one meeting (places left = capacity − registered). */
export async function listSlotOccupancy(
  tx: Executor,
  o: { tenantId: string; meetingId: string },
): Promise<SlotOccupancy[]> {
  const rows = await tx
    .select({ slotId: schema.registrations.slotId, status: schema.registrations.status, n: count() })
    .from(schema.registrations)
    .where(
      and(
        eq(schema.registrations.tenantId, o.tenantId),
        eq(schema.registrations.meetingId, o.meetingId),
        ne(schema.registrations.status, "cancelled"),
      ),
    )
    .groupBy(schema.registrations.slotId, schema.registrations.status);
  const bySlot = new Map<string, SlotOccupancy>();
  for (const row of rows) {
    const entry = bySlot.get(row.slotId) ?? { slotId: row.slotId, registered: 0, waitListed: 0 };
    if (row.status === "registered") entry.registered = row.n;
    else entry.waitListed = row.n;
    bySlot.set(row.slotId, entry);
  }
  return [...bySlot.values()];
}
