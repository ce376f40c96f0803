import type { schema } from "../../db/index.ts";

export type ApplicationStatus = (typeof schema.applicationStatuses)[number];

/** Which state may follow which: the whole life of an application in one table. */
export const nextStatuses: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ["intake-scheduled", "declined", "withdrawn"],
  "intake-scheduled": ["intake-scheduled", "intake-held", "withdrawn"],
  "intake-held": ["admitted", "wait-listed", "declined", "withdrawn"],
  "wait-listed": ["admitted", "declined", "withdrawn"],
  admitted: ["withdrawn"],
  declined: [],
  withdrawn: [],
};

export const statusesBefore = (to: ApplicationStatus): ApplicationStatus[] =>
  (Object.keys(nextStatuses) as ApplicationStatus[]).filter((from) => nextStatuses[from].includes(to));

/** Staff (intake, admission) move an application; withdrawing is the municipality's own step, and its only one. */
export type ApplicationSide = "programme" | "municipality";

const takenBy = (to: ApplicationStatus): ApplicationSide => (to === "withdrawn" ? "municipality" : "programme");

/** The steps this side may take from this state, in the table's order: what its page offers. */
export function applicationSteps(side: ApplicationSide, status: ApplicationStatus): ApplicationStatus[] {
  return nextStatuses[status].filter((to) => takenBy(to) === side);
}

/** Still open: some step can follow (declined and withdrawn are final). */
export const isApplicationOpen = (status: ApplicationStatus) => nextStatuses[status].length > 0;

/** Whether this side may ever take the step to `to`. */
export const sideMayMoveTo = (side: ApplicationSide, to: ApplicationStatus) => takenBy(to) === side;
