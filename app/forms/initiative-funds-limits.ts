import type { TextLimits } from "./fields-limits.ts";

/** `applyForm` */
export const applyLimits = {
  title: { maxLength: 200 },
  description: { maxLength: 4000 },
} satisfies TextLimits;

/** `completeForm` */
export const completeLimits = {
  explanation: { maxLength: 2000 },
} satisfies TextLimits;

/** `reportForm` */
export const reportLimits = {
  text: { maxLength: 4000 },
} satisfies TextLimits;

/** `assessForm` */
export const assessLimits = {
  note: { maxLength: 500 },
  remarks: { maxLength: 2000 },
} satisfies TextLimits;

/** `decideForm` */
export const decideLimits = {
  conditions: { maxLength: 2000 },
  reasons: { maxLength: 4000 },
} satisfies TextLimits;

/** `incompleteForm` */
export const incompleteLimits = {
  missing: { maxLength: 1000 },
} satisfies TextLimits;

/** `recoveryForm` */
export const recoveryLimits = {
  reasons: { maxLength: 2000 },
} satisfies TextLimits;

/** The rules of a fund: `fundRulesForm`, and `newFundForm` with its address. */
export const fundLimits = {
  name: { maxLength: 200 },
  description: { maxLength: 2000 },
} satisfies TextLimits;

/** `newFundForm` */
export const newFundLimits = {
  ...fundLimits,
  slug: { maxLength: 60 },
} satisfies TextLimits;
