import { dueOn, type Term, type TermCalendar } from "../shared/index.ts";
import { InitiativesError } from "./errors.ts";

/**
 * The one extension of a decision term, for a fund's application and an uitdaagrecht request alike, with the reason
 * the applicant is told (Awb 4:14: the applicant hears why, before the term ends): refused without a reason, or when
 * the term was extended before; otherwise the extension counts from the day the term would have ended. The caller
 * reads `term` under the row's lock, so of two extensions at once the second sees the first and is refused.
 */
export function extendOnce(
  term: { dueOn: string; extendedAt: Date | null },
  extension: Term,
  o: { reason: string; now: Date; calendar?: TermCalendar },
): { dueOn: string; extendedAt: Date; extensionReason: string } {
  const extensionReason = o.reason.trim();
  if (extensionReason === "") throw new InitiativesError("initiatives.reason-required");
  if (term.extendedAt) throw new InitiativesError("initiatives.term-already-extended");
  return { dueOn: dueOn(term.dueOn, extension, o.calendar), extendedAt: o.now, extensionReason };
}
