import type { TextLimits } from "./fields-limits.ts";

/** `addDayOffForm` */
export const addDayOffLimits = {
  reason: { maxLength: 200 },
} satisfies TextLimits;
