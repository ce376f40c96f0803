import { and, eq } from "drizzle-orm";
import { postgresCode, schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { applicationDeadlinePassed } from "./find-application-refusal.ts";

export type Application = typeof schema.applications.$inferSelect;

export type SubmitApplicationOptions = {
  programmeTenantId: string;
  trajectoryId: string;
  municipalityId: string;
  personId: string;
  project: string;
  learningQuestion: string;
  commitment: { college: string; council: string; civilService: string };
  contacts: { name: string; email: string; role: string }[];
  now: Date;
};

/**
 * A municipal coordinator applies on behalf of the municipality. One open application per municipality and
 * trajectory: the partial unique index decides, so a double submit cannot create two.
 */
export async function submitApplication(tx: Tx, o: SubmitApplicationOptions): Promise<Application> {
  const [trajectory] = await tx
    .select({ id: schema.trajectories.id, deadline: schema.trajectories.applicationDeadlineOn })
    .from(schema.trajectories)
    .where(and(eq(schema.trajectories.tenantId, o.programmeTenantId), eq(schema.trajectories.id, o.trajectoryId)));
  if (!trajectory) throw new ProgrammeError("programme.trajectory-not-found");
  if (applicationDeadlinePassed(trajectory.deadline, o.now)) {
    throw new ProgrammeError("programme.application-deadline-passed", { deadline: trajectory.deadline ?? "" });
  }
  if (o.contacts.length === 0) throw new ProgrammeError("programme.application-needs-contact");
  let application: Application | undefined;
  try {
    [application] = await tx
      .insert(schema.applications)
      .values({
        tenantId: o.programmeTenantId,
        trajectoryId: o.trajectoryId,
        municipalityId: o.municipalityId,
        submittedBy: o.personId,
        project: o.project,
        learningQuestion: o.learningQuestion,
        commitmentCollege: o.commitment.college,
        commitmentCouncil: o.commitment.council,
        commitmentCivilService: o.commitment.civilService,
        contacts: o.contacts,
        status: "submitted",
        submittedAt: o.now,
      })
      .returning();
  } catch (error) {
    if (postgresCode(error) === "23505") throw new ProgrammeError("programme.application-already-open");
    throw error;
  }
  await tx.insert(schema.applicationEvents).values({
    tenantId: o.programmeTenantId,
    municipalityId: o.municipalityId,
    applicationId: application!.id,
    toStatus: "submitted",
    actorPersonId: o.personId,
    at: o.now,
  });
  await recordAudit(tx, {
    tenantId: o.municipalityId,
    actorPersonId: o.personId,
    action: "programme.application.submit",
    subject: application!.id,
    details: { trajectoryId: o.trajectoryId },
  });
  return application!;
}
