import type { TextLimits } from "./fields-limits.ts";

/** `reverseForm` */
export const reverseLimits = {
  reason: { maxLength: 300 },
} satisfies TextLimits;

/** `commitmentForm` */
export const commitmentLimits = {
  minutesReference: { maxLength: 300 },
  description: { maxLength: 500 },
} satisfies TextLimits;

/** `expenditureForm` */
export const expenditureLimits = {
  description: { maxLength: 500 },
  reference: { maxLength: 200 },
} satisfies TextLimits;

/** `allocationForm` */
export const allocationLimits = {
  reference: { maxLength: 200 },
} satisfies TextLimits;
