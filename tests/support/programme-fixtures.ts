import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson } from "../../src/domain/identity/index.ts";
import {
  type MoveApplicationOptions,
  moveApplication,
  scheduleMeeting,
  submitApplication,
} from "../../src/domain/programme/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";

/**
 * A programme tenant with municipalities, a staff member and a coordinator, and the steps of an application as
 * one-liners, all through the domain's own use cases.
 */
export async function givenProgramme(handle: DatabaseHandle, options: { municipalities: number; now: Date }) {
  const { now } = options;
  const { programmeId, municipalities, staffId, coordinatorId } = await withPlatform(handle.db, async (tx) => {
    const programme = await createTenant(tx, { slug: "dia", name: "Democratie in Actie", kind: "programme" });
    const municipalities: string[] = [];
    for (let i = 0; i < options.municipalities; i++) {
      municipalities.push(
        (await createTenant(tx, { slug: `gemeente-${i}`, name: `Gemeente ${i}`, kind: "municipality" })).id,
      );
    }
    const staff = await findOrCreatePerson(tx, { email: "staf@example.org", displayName: "Staflid" });
    const coordinator = await findOrCreatePerson(tx, { email: "coordinator@example.org", displayName: "Coördinator" });
    return { programmeId: programme.id, municipalities, staffId: staff.id, coordinatorId: coordinator.id };
  });

  const givenTrajectory = (
    limits: { max?: number | null; min?: number | null; deadline?: string | null; theme?: string } = {},
  ) =>
    withTenant(handle.db, { tenantId: programmeId }, async (tx) => {
      const [row] = await tx
        .insert(schema.trajectories)
        .values({
          tenantId: programmeId,
          slug: `t-${crypto.randomUUID()}`,
          title: "Kernendemocratie",
          theme: limits.theme ?? "kernen",
          summary: "s",
          maxMunicipalities: limits.max ?? null,
          minMunicipalities: limits.min ?? null,
          applicationDeadlineOn: limits.deadline ?? null,
        })
        .returning();
      return row!.id;
    });

  const apply = (trajectoryId: string, municipalityId: string) =>
    withTenant(handle.db, { tenantId: municipalityId, personId: coordinatorId }, (tx) =>
      submitApplication(tx, {
        programmeTenantId: programmeId,
        trajectoryId,
        municipalityId,
        personId: coordinatorId,
        project: "Dorpsraden na de herindeling",
        learningQuestion: "Hoe geven we kernen zeggenschap?",
        commitment: { college: "wethouder Jansen", council: "raadsbreed", civilService: "team participatie" },
        contacts: [{ name: "A. de Vries", email: "a.devries@example.org", role: "coördinator" }],
        now,
      }),
    );

  const move = (
    applicationId: string,
    to: MoveApplicationOptions["to"],
    extra: { intakeAt?: Date; note?: string } = {},
  ) =>
    withTenant(handle.db, { tenantId: programmeId, personId: staffId }, (tx) =>
      moveApplication(tx, { programmeTenantId: programmeId, applicationId, to, actorPersonId: staffId, now, ...extra }),
    );

  const throughIntake = async (trajectoryId: string, municipalityId: string) => {
    const application = await apply(trajectoryId, municipalityId);
    await move(application.id, "intake-scheduled", { intakeAt: new Date(now.getTime() + 86_400_000) });
    await move(application.id, "intake-held");
    return application;
  };

  const admitted = async (trajectoryId: string, municipalityId: string) => {
    const application = await throughIntake(trajectoryId, municipalityId);
    return move(application.id, "admitted");
  };

  const givenMeeting = (o: { slug: string; title: string; startsAt: Date; endsAt: Date; city?: string }) =>
    withTenant(handle.db, { tenantId: programmeId }, async (tx) => {
      const meeting = await scheduleMeeting(tx, { tenantId: programmeId, kind: "start-session", ...o });
      return meeting.id;
    });

  const givenPeople = (n: number) =>
    withPlatform(handle.db, async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const email = `deelnemer-${crypto.randomUUID()}@example.org`;
        ids.push((await findOrCreatePerson(tx, { email, displayName: `Deelnemer ${i + 1}` })).id);
      }
      return ids;
    });

  return {
    programmeId,
    municipalities,
    staffId,
    coordinatorId,
    givenTrajectory,
    givenMeeting,
    givenPeople,
    apply,
    move,
    throughIntake,
    admitted,
  };
}
