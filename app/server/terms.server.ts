import type { TermsErrorCode } from "../../src/domain/shared/index.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";

/** Every refusal of the days-off form, with its status and plain-language message. */
export const termsErrors = {
  "terms.already-a-day-off": { status: 409, message: "terms.error.alreadyDayOff", field: "on" },
  "terms.day-off-not-found": { status: 404, message: "terms.error.dayOffNotFound" },
} as const satisfies Record<TermsErrorCode, DomainErrorAnswer>;
