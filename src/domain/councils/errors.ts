import { DomainError } from "../shared/errors.ts";

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
  | "councils.term-already-ended"
  | "councils.seats-in-use"
  | "councils.no-secretary"
  // Advice (issue 10, item 3).
  | "councils.not-on-council"
  | "councils.advice-secretary-only"
  | "councils.advice-not-found"
  | "councils.advice-already-given"
  | "councils.advice-not-given-yet"
  | "councils.advice-already-answered"
  | "councils.advice-term-invalid"
  | "councils.advice-file-not-found"
  | "councils.advice-files-closed";

/** Meetings, their agenda, documents and report (issue 10, item 2). */
export type CouncilMeetingErrorCode =
  | "councils.meeting-not-found"
  | "councils.meeting-secretary-only"
  | "councils.meeting-times-invalid"
  | "councils.meeting-already-published"
  | "councils.meeting-agenda-empty"
  | "councils.meeting-not-published"
  | "councils.meeting-not-held-yet"
  | "councils.meeting-report-empty"
  | "councils.agenda-item-not-found"
  | "councils.meeting-cancelled"
  | "councils.meeting-changed-meanwhile"
  | "councils.meeting-held"
  | "councils.meeting-document-not-found";

export class CouncilsError extends DomainError<CouncilsErrorCode | CouncilMeetingErrorCode> {}
