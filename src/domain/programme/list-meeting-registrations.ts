import { and, asc, count, eq, inArray, lt, ne, or } from "drizzle-orm";
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

/** Registrations on one page of the staff meeting page: a meeting of the programme can draw thousands. */
export const MEETING_REGISTRATIONS_PER_PAGE = 50;

/**
 * A meeting's registrations, except the cancelled ones, per part of its programme in its order, places before the
 * wait list, each in the order they came (`position`, unique): a total order, so pages neither skip nor repeat.
 */
function registrationRows(tx: Executor, o: { tenantId: string; meetingId: string; only?: string[] }) {
  return tx
    .select({
      id: schema.registrations.id,
      position: schema.registrations.position,
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
        o.only ? inArray(schema.registrations.id, o.only) : undefined,
      ),
    )
    .orderBy(
      asc(schema.meetingSlots.startsAt),
      asc(schema.meetingSlots.position),
      asc(schema.registrations.status),
      asc(schema.registrations.position),
    );
}

type Row = Awaited<ReturnType<typeof registrationRows>>[number];

/** The rows as staff read them; `ahead` counts, per part, the wait-list spots before the first of these rows. */
function asRegistrations(rows: readonly Row[], ahead: ReadonlyMap<string, number>): MeetingRegistration[] {
  const waiting = new Map(ahead);
  return rows.map(({ answers, status, confirmedAt, placesProvisional, position: _position, ...row }) => {
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

/** Who has a place and who waits, per part of the meeting's programme in its order, all of them: the exports. */
export async function listMeetingRegistrations(
  tx: Executor,
  o: { tenantId: string; meetingId: string },
): Promise<MeetingRegistration[]> {
  return asRegistrations(await registrationRows(tx, o), new Map());
}

/**
 * One page (from 1) of the same list, for the staff meeting page; `hasMore` when a next page has registrations.
 * The page is found on `registrations_slot_status_idx`: per part, only the rows up to the end of the page, in the
 * index's order, so page 1 reads 51 rows of each part however many registered. A wait-list spot's number counts
 * the spots before it on earlier pages too: one count per part whose wait list the page shows.
 */
export async function pageMeetingRegistrations(
  tx: Executor,
  o: { tenantId: string; meetingId: string; page: number },
): Promise<{ registrations: MeetingRegistration[]; hasMore: boolean }> {
  const r = schema.registrations;
  const slot = schema.meetingSlots;
  const upToThisPage = tx
    .select({ id: r.id, status: r.status, position: r.position })
    .from(r)
    .where(and(eq(r.slotId, slot.id), ne(r.status, "cancelled")))
    .orderBy(asc(r.status), asc(r.position))
    .limit(o.page * MEETING_REGISTRATIONS_PER_PAGE + 1)
    .as("up_to_this_page");
  const page = await tx
    .select({ id: upToThisPage.id })
    .from(slot)
    .crossJoinLateral(upToThisPage)
    .where(and(eq(slot.tenantId, o.tenantId), eq(slot.meetingId, o.meetingId)))
    .orderBy(asc(slot.startsAt), asc(slot.position), asc(upToThisPage.status), asc(upToThisPage.position))
    .limit(MEETING_REGISTRATIONS_PER_PAGE + 1)
    .offset((o.page - 1) * MEETING_REGISTRATIONS_PER_PAGE);
  const ids = page.slice(0, MEETING_REGISTRATIONS_PER_PAGE).map((row) => row.id);
  const shown = ids.length === 0 ? [] : await registrationRows(tx, { ...o, only: ids });
  const firstWaiting = new Map<string, number>();
  for (const row of shown) {
    if (row.status === "wait-listed" && !firstWaiting.has(row.slotId)) firstWaiting.set(row.slotId, row.position);
  }
  const ahead =
    firstWaiting.size === 0
      ? []
      : await tx
          .select({ slotId: r.slotId, n: count() })
          .from(r)
          .where(
            and(
              eq(r.tenantId, o.tenantId),
              eq(r.status, "wait-listed"),
              or(...[...firstWaiting].map(([slotId, position]) => and(eq(r.slotId, slotId), lt(r.position, position)))),
            ),
          )
          .groupBy(r.slotId);
  return {
    registrations: asRegistrations(shown, new Map(ahead.map((row) => [row.slotId, row.n]))),
    hasMore: page.length > MEETING_REGISTRATIONS_PER_PAGE,
  };
}
