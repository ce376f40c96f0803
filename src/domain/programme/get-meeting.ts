import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { MeetingSlot } from "./add-meeting-slot.ts";
import { type Audience, listInvitedMunicipalities } from "./meeting-audience.ts";
import type { Meeting } from "./schedule-meeting.ts";

export type ProgrammeSlot = Pick<MeetingSlot, "id" | "kind" | "title" | "startsAt" | "endsAt" | "capacity"> & {
  trajectory: { slug: string; title: string } | null;
};

export type MeetingDetails = Meeting & {
  trajectory: { slug: string; title: string } | null;
  /** The programme in time order; parallel tracks share a start and keep their announced order. */
  slots: ProgrammeSlot[];
  /** For an `invited` meeting, the municipalities whose people may register. */
  invited: Audience["invited"];
};

export type GetMeetingOptions = { tenantId: string; slug: string };

/** One meeting with its programme, or undefined. Public. */
export async function getMeeting(tx: Executor, o: GetMeetingOptions): Promise<MeetingDetails | undefined> {
  const { meetings: m, meetingSlots: s, trajectories: t } = schema;
  const [row] = await tx
    .select({ meeting: m, trajectorySlug: t.slug, trajectoryTitle: t.title })
    .from(m)
    .leftJoin(t, eq(t.id, m.trajectoryId))
    .where(and(eq(m.tenantId, o.tenantId), eq(m.slug, o.slug)));
  if (!row) return undefined;
  const slots = await tx
    .select({
      id: s.id,
      kind: s.kind,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      trajectorySlug: t.slug,
      trajectoryTitle: t.title,
    })
    .from(s)
    .leftJoin(t, eq(t.id, s.trajectoryId))
    .where(and(eq(s.tenantId, o.tenantId), eq(s.meetingId, row.meeting.id)))
    .orderBy(asc(s.startsAt), asc(s.position));
  const invited =
    row.meeting.audience === "invited"
      ? await listInvitedMunicipalities(tx, { tenantId: o.tenantId, meetingId: row.meeting.id })
      : [];
  return {
    ...row.meeting,
    invited,
    trajectory: linked(row.trajectorySlug, row.trajectoryTitle),
    slots: slots.map(({ trajectorySlug, trajectoryTitle, ...slot }) => ({
      ...slot,
      trajectory: linked(trajectorySlug, trajectoryTitle),
    })),
  };
}

function linked(slug: string | null, title: string | null) {
  return slug && title ? { slug, title } : null;
}
