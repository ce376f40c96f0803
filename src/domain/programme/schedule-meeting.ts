import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { insertWithSlug, requirePositive, requireSlug, requireText } from "./input-rules.ts";
import { type MeetingAudience, requireAudienceChoice, writeInvitations } from "./meeting-audience.ts";
import { requireProgrammeTenant } from "./require-programme-tenant.ts";

export type Meeting = typeof schema.meetings.$inferSelect;
export type MeetingKind = (typeof schema.meetingKinds)[number];
export const meetingKinds = schema.meetingKinds;

/** What staff set of a meeting, when they schedule it and when they change it. */
export type MeetingFields = {
  kind: MeetingKind;
  title: string;
  description?: string;
  startsAt: Date;
  endsAt: Date;
  /** Announced by date only; times follow later. */
  allDay?: boolean;
  trajectoryId?: string | null;
  region?: string | null;
  city?: string | null;
  venue?: string | null;
  address?: string | null;
  capacity?: number | null;
  /** Places provisional until staff confirm each one (the staff form proposes it for a start session). */
  placesProvisional?: boolean;
  /** Who may register (ADR 0033); a new meeting is open unless said otherwise, a change leaves it as it was. */
  audience?: MeetingAudience;
  /** The invited municipalities of an `invited` meeting; ignored for the other audiences. */
  invitedMunicipalityIds?: readonly string[];
};

export type ScheduleMeetingOptions = MeetingFields & {
  tenantId: string;
  slug: string;
  /** Staff who scheduled it, for the audit line; null for the seed. */
  actorPersonId?: string | null;
};

/** A bijeenkomst on the programme's calendar: a start session, a design session, or a meeting of one trajectory. */
export async function scheduleMeeting(tx: Executor, o: ScheduleMeetingOptions): Promise<Meeting> {
  requireSlug(o.slug);
  await requireMeetingDetails(tx, o.tenantId, o);
  const { actorPersonId, invitedMunicipalityIds, ...values } = o;
  const audience = o.audience ?? "open";
  const meeting = await insertWithSlug(o.slug, () =>
    tx
      .insert(schema.meetings)
      .values({
        ...values,
        allDay: o.allDay ?? false,
        placesProvisional: o.placesProvisional ?? false,
        audience,
      })
      .returning(),
  );
  await writeInvitations(tx, { tenantId: o.tenantId, meetingId: meeting.id, audience, invitedMunicipalityIds });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: actorPersonId ?? null,
    action: "programme.meeting-scheduled",
    subject: meeting.id,
    details: {
      slug: meeting.slug,
      kind: meeting.kind,
      startsAt: meeting.startsAt.toISOString(),
      audience,
      ...(audience === "invited" ? { invited: invitedMunicipalityIds } : {}),
    },
  });
  return meeting;
}

/** The checks a meeting's details pass whether it is new or changed. */
export async function requireMeetingDetails(tx: Executor, tenantId: string, o: MeetingFields): Promise<void> {
  requireText("title", o.title);
  if (!(meetingKinds as readonly string[]).includes(o.kind)) throw new ProgrammeError("programme.unknown-meeting-kind");
  if (!(o.endsAt > o.startsAt)) throw new ProgrammeError("programme.ends-before-start");
  requirePositive("capacity", o.capacity);
  await requireProgrammeTenant(tx, tenantId);
  if (o.audience)
    await requireAudienceChoice(tx, { audience: o.audience, invitedMunicipalityIds: o.invitedMunicipalityIds });
  if (o.trajectoryId) await requireTrajectory(tx, tenantId, o.trajectoryId);
}

export async function requireTrajectory(tx: Executor, tenantId: string, trajectoryId: string): Promise<void> {
  const [trajectory] = await tx
    .select({ id: schema.trajectories.id })
    .from(schema.trajectories)
    .where(and(eq(schema.trajectories.tenantId, tenantId), eq(schema.trajectories.id, trajectoryId)));
  if (!trajectory) throw new ProgrammeError("programme.trajectory-not-found");
}
