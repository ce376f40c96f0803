import type { TextLimits } from "./fields-limits.ts";

/** The choices of the advice forms, from the domain's own lists. */
export { adviceOutcomes } from "../../src/domain/councils/advice-states.ts";
export { termUnits } from "../../src/domain/shared/term-units.ts";

/** `giveAdviceForm` */
export const giveAdviceLimits = {
  advice: { maxLength: 10000 },
} satisfies TextLimits;

/** `offerAdviceForm` */
export const offerAdviceLimits = {
  subject: { maxLength: 200 },
  advice: { maxLength: 10000 },
} satisfies TextLimits;

/** `respondToAdviceForm` */
export const respondToAdviceLimits = {
  reasons: { maxLength: 5000 },
} satisfies TextLimits;

/** `requestAdviceForm` */
export const requestAdviceLimits = {
  subject: { maxLength: 200 },
  question: { maxLength: 5000 },
} satisfies TextLimits;
