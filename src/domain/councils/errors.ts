import { DomainError } from "../shared/index.ts";

/** Every refusal of the councils context; the web layer maps each to a status and a plain-Dutch message. */
export type CouncilsErrorCode =
  | "councils.not-found"
  | "councils.slug-taken"
  | "councils.area-not-found"
  | "councils.no-area"
  | "councils.seat-taken"
  | "councils.person-seated"
  | "councils.no-free-seat"
  | "councils.term-invalid"
  | "councils.member-not-found"
  | "councils.term-already-ended";

export class CouncilsError extends DomainError<CouncilsErrorCode> {}
