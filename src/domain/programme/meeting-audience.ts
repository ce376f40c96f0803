import { and, asc, eq, inArray } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { listMemberships, type Membership, type Role } from "../identity/index.ts";
import { ProgrammeError } from "./errors.ts";

export type MeetingAudience = (typeof schema.meetingAudiences)[number];
export const meetingAudiences = schema.meetingAudiences;

/** Who may register for a meeting: its audience and, for `invited`, the invited municipalities by name. */
export type Audience = { audience: MeetingAudience; invited: Array<{ id: string; name: string }> };

/** Working for or in a municipality's government: coordinators, staff and council members (councillors). */
const municipalRoles: readonly Role[] = ["municipal-coordinator", "municipal-staff", "council-member"];
/** Those who run the programme register for any meeting. */
const programmeRoles: readonly Role[] = ["programme-staff", "supervisor"];

/**
 * The one rule of who may register (ADR 0033): anyone for an open meeting; programme staff and supervisors for every
 * meeting; a municipal role in any municipality for a `municipal` one, in an invited municipality for an `invited` one.
 */
export function admits(
  meeting: { audience: MeetingAudience; invited: ReadonlyArray<{ id: string }> },
  programmeTenantId: string,
  memberships: ReadonlyArray<Pick<Membership, "tenantId" | "role">>,
): boolean {
  if (meeting.audience === "open") return true;
  return memberships.some(
    ({ tenantId, role }) =>
      (tenantId === programmeTenantId && programmeRoles.includes(role)) ||
      (municipalRoles.includes(role) &&
        (meeting.audience === "municipal" || meeting.invited.some((municipality) => municipality.id === tenantId))),
  );
}

/** The audience of one meeting, with the invited municipalities in name order. Public. */
export async function getAudience(tx: Executor, o: { tenantId: string; meetingId: string }): Promise<Audience> {
  const [meeting] = await tx
    .select({ audience: schema.meetings.audience })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.tenantId, o.tenantId), eq(schema.meetings.id, o.meetingId)));
  if (!meeting) throw new ProgrammeError("programme.meeting-not-found");
  return { audience: meeting.audience, invited: await listInvitedMunicipalities(tx, o) };
}

/** The municipalities invited to a meeting, by name. Public, as the meeting page names them. */
export function listInvitedMunicipalities(
  tx: Executor,
  o: { tenantId: string; meetingId: string },
): Promise<Audience["invited"]> {
  const { meetingInvitations: invitations, tenants } = schema;
  return tx
    .select({ id: tenants.id, name: tenants.name })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.municipalityId))
    .where(and(eq(invitations.tenantId, o.tenantId), eq(invitations.meetingId, o.meetingId)))
    .orderBy(asc(tenants.name));
}

/** Whether the person belongs to the meeting's audience; the person's own roles are visible to them in any tenant. */
export async function isInAudience(
  tx: Executor,
  o: { tenantId: string; audience: Audience; personId: string },
): Promise<boolean> {
  return o.audience.audience === "open" || admits(o.audience, o.tenantId, await listMemberships(tx, o.personId));
}

/** Refuses a sign-up from outside the meeting's audience; called under the slot's row lock. */
export async function requireAudience(
  tx: Executor,
  o: { tenantId: string; meetingId: string; personId: string },
): Promise<void> {
  const audience = await getAudience(tx, o);
  if (await isInAudience(tx, { tenantId: o.tenantId, audience, personId: o.personId })) return;
  throw new ProgrammeError(
    audience.audience === "municipal" ? "programme.meeting-for-municipal-roles" : "programme.meeting-for-invited-only",
  );
}

/** What staff choose: the audience and, for `invited`, at least one municipality on the platform. */
export async function requireAudienceChoice(
  tx: Executor,
  o: { audience: MeetingAudience; invitedMunicipalityIds?: readonly string[] | undefined },
): Promise<void> {
  if (!(meetingAudiences as readonly string[]).includes(o.audience))
    throw new ProgrammeError("programme.unknown-audience");
  if (o.audience !== "invited") return;
  const ids = [...new Set(o.invitedMunicipalityIds ?? [])];
  if (ids.length === 0) throw new ProgrammeError("programme.invited-municipality-needed");
  const found = await tx
    .select({ id: schema.tenants.id })
    .from(schema.tenants)
    .where(and(inArray(schema.tenants.id, ids), eq(schema.tenants.kind, "municipality")));
  if (found.length !== ids.length) throw new ProgrammeError("programme.unknown-municipality");
}

/** Replaces a meeting's invited municipalities: the chosen ones for `invited`, none otherwise. */
export async function writeInvitations(
  tx: Executor,
  o: { tenantId: string; meetingId: string; audience: MeetingAudience; invitedMunicipalityIds?: readonly string[] },
): Promise<void> {
  await tx
    .delete(schema.meetingInvitations)
    .where(
      and(eq(schema.meetingInvitations.tenantId, o.tenantId), eq(schema.meetingInvitations.meetingId, o.meetingId)),
    );
  if (o.audience !== "invited") return;
  const ids = [...new Set(o.invitedMunicipalityIds ?? [])];
  await tx
    .insert(schema.meetingInvitations)
    .values(ids.map((municipalityId) => ({ tenantId: o.tenantId, meetingId: o.meetingId, municipalityId })));
}
