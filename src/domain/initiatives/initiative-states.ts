import type { schema } from "../../db/index.ts";

export type InitiativeStatus = (typeof schema.initiativeStatuses)[number];

/**
 * The life of an initiative at the desk in one table: which status may follow which. Every step carries a reason
 * the initiator reads; `in-progress` needs a contact person first.
 */
export const nextInitiativeStatuses: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  received: ["in-progress"],
  "in-progress": ["supported", "referred", "declined"],
  supported: [],
  referred: [],
  declined: [],
};

/** The statuses an initiative may be in to move to `to`: the `WHERE` of the conditional update. */
export const initiativeStatusesBefore = (to: InitiativeStatus): InitiativeStatus[] =>
  (Object.keys(nextInitiativeStatuses) as InitiativeStatus[]).filter((from) =>
    nextInitiativeStatuses[from].includes(to),
  );

/** Still open: a step can follow, and the thread takes messages. */
export const isInitiativeOpen = (status: InitiativeStatus) => nextInitiativeStatuses[status].length > 0;
