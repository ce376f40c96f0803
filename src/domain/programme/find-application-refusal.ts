import { and, eq, notInArray } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { ProgrammeErrorCode } from "./errors.ts";

/** After its deadline day (a date in the programme's calendar), a trajectory takes no applications. */
export const applicationDeadlinePassed = (deadline: string | null, now: Date): boolean =>
  deadline !== null && now.toISOString().slice(0, 10) > deadline;

export type ApplicationRefusal = Extract<
  ProgrammeErrorCode,
  "programme.application-deadline-passed" | "programme.application-already-open"
>;

/**
 * Why a municipality cannot apply for a trajectory now, if it cannot: the deadline has passed, or it already has
 * an open application. Asked when the form is opened, so nobody fills it in for nothing; submitApplication still
 * decides (the unique index), as the answer can change in between. Read in the municipality's transaction, where
 * its own applications are visible.
 */
export async function findApplicationRefusal(
  tx: Executor,
  o: { trajectoryId: string; applicationDeadlineOn: string | null; municipalityId: string; now: Date },
): Promise<ApplicationRefusal | undefined> {
  if (applicationDeadlinePassed(o.applicationDeadlineOn, o.now)) return "programme.application-deadline-passed";
  const [open] = await tx
    .select({ id: schema.applications.id })
    .from(schema.applications)
    .where(
      and(
        eq(schema.applications.trajectoryId, o.trajectoryId),
        eq(schema.applications.municipalityId, o.municipalityId),
        notInArray(schema.applications.status, ["declined", "withdrawn"]),
      ),
    )
    .limit(1);
  return open ? "programme.application-already-open" : undefined;
}
