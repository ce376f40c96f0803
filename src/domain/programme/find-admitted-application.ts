import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";

/**
 * The municipality behind an application that belongs to the learning group; what only admitted municipalities
 * have (costs to share, a learning agenda) starts here. `refusal` names what was attempted. The row is held with a
 * share lock until the caller's transaction ends, so a withdrawal cannot slip in between this check and the row the
 * caller records; other records for the same application do not wait for each other.
 */
export async function findAdmittedApplication(
  tx: Tx,
  programmeTenantId: string,
  applicationId: string,
  refusal: "programme.costs-need-admission" | "programme.agenda-needs-admission",
): Promise<{ municipalityId: string }> {
  const [application] = await tx
    .select({ status: schema.applications.status, municipalityId: schema.applications.municipalityId })
    .from(schema.applications)
    .where(and(eq(schema.applications.tenantId, programmeTenantId), eq(schema.applications.id, applicationId)))
    .for("share");
  if (!application) throw new ProgrammeError("programme.application-not-found");
  if (application.status !== "admitted") throw new ProgrammeError(refusal);
  return application;
}
