import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import { insertWithSlug, requirePositive, requireSlug, requireText } from "./input-rules.ts";
import { requireProgrammeTenant } from "./require-programme-tenant.ts";

export type Meeting = typeof schema.meetings.$inferSelect;
export type MeetingKind = (typeof schema.meetingKinds)[number];
export const meetingKinds = schema.meetingKinds;

export type ScheduleMeetingOptions = {
  tenantId: string;
  slug: string;
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
};

/** A bijeenkomst on the programme's calendar: a start session, a design session, or a meeting of one trajectory. */
export async function scheduleMeeting(tx: Executor, o: ScheduleMeetingOptions): Promise<Meeting> {
  requireSlug(o.slug);
  requireText("title", o.title);
  if (!(meetingKinds as readonly string[]).includes(o.kind)) throw new ProgrammeError("programme.unknown-meeting-kind");
  if (!(o.endsAt > o.startsAt)) throw new ProgrammeError("programme.ends-before-start");
  requirePositive("capacity", o.capacity);
  await requireProgrammeTenant(tx, o.tenantId);
  if (o.trajectoryId) await requireTrajectory(tx, o.tenantId, o.trajectoryId);
  return insertWithSlug(o.slug, () =>
    tx
      .insert(schema.meetings)
      .values({ ...o, allDay: o.allDay ?? false })
      .returning(),
  );
}

export async function requireTrajectory(tx: Executor, tenantId: string, trajectoryId: string): Promise<void> {
  const [trajectory] = await tx
    .select({ id: schema.trajectories.id })
    .from(schema.trajectories)
    .where(and(eq(schema.trajectories.tenantId, tenantId), eq(schema.trajectories.id, trajectoryId)));
  if (!trajectory) throw new ProgrammeError("programme.trajectory-not-found");
}
