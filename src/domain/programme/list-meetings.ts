import { and, asc, eq, gte, type SQL } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { Meeting } from "./schedule-meeting.ts";

const m = schema.meetings;

export type MeetingSummary = Pick<
  Meeting,
  | "id"
  | "slug"
  | "kind"
  | "title"
  | "startsAt"
  | "endsAt"
  | "allDay"
  | "region"
  | "city"
  | "venue"
  | "address"
  | "cancelledAt"
>;

export const meetingSummaryColumns = {
  id: m.id,
  slug: m.slug,
  kind: m.kind,
  title: m.title,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  allDay: m.allDay,
  region: m.region,
  city: m.city,
  venue: m.venue,
  address: m.address,
  cancelledAt: m.cancelledAt,
};

export type ListMeetingsOptions = { tenantId: string; endingFrom?: Date; limit?: number };

/** Meetings in date order; with `endingFrom` only those not over by then (the upcoming ones). Public. */
export function listMeetings(tx: Executor, o: ListMeetingsOptions): Promise<MeetingSummary[]> {
  return selectMeetings(
    tx,
    and(eq(m.tenantId, o.tenantId), o.endingFrom ? gte(m.endsAt, o.endingFrom) : undefined),
    o.limit,
  );
}

/** The regional design sessions (ontwerpsessies) in date order. Public. */
export function listDesignSessions(tx: Executor, tenantId: string): Promise<MeetingSummary[]> {
  return selectMeetings(tx, and(eq(m.tenantId, tenantId), eq(m.kind, "design-session")));
}

function selectMeetings(tx: Executor, where: SQL | undefined, limit?: number): Promise<MeetingSummary[]> {
  const query = tx.select(meetingSummaryColumns).from(m).where(where).orderBy(asc(m.startsAt), asc(m.title));
  return limit === undefined ? query : query.limit(limit);
}
