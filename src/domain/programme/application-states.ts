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
