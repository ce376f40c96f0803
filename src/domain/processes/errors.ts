import { DomainError } from "../shared/errors.ts";

/** Every refusal of the processes context; the route layer maps each to a status and a message. */
export type ProcessesErrorCode =
  | "processes.not-found"
  | "processes.slug-taken"
  | "processes.unknown-template"
  | "processes.phase-not-found"
  | "processes.phase-dates"
  | "processes.stage-taken"
  | "processes.phase-starts-past"
  | "processes.phase-started"
  | "processes.reason-required"
  | "processes.moment-not-found"
  | "processes.moment-dates"
  | "processes.moment-changed"
  | "processes.moment-outside-phase"
  | "processes.no-phases"
  | "processes.below-ordinance"
  | "processes.already-published"
  | "processes.feedback-empty"
  | "processes.not-closed"
  | "processes.no-remark"
  | "processes.round-not-found"
  | "processes.advice-not-found"
  | "processes.fund-not-found";

export class ProcessesError extends DomainError<ProcessesErrorCode> {}
