import { z } from "zod";
import { calendarDate, requiredText } from "./fields.ts";
import { addDayOffLimits } from "./terms-limits.ts";

/** A municipality's own day off for its terms. */
export const addDayOffForm = z.object({
  intent: z.literal("add"),
  on: calendarDate(),
  reason: requiredText(addDayOffLimits.reason.maxLength),
});

export const removeDayOffForm = z.object({
  intent: z.literal("remove"),
  on: calendarDate(),
});
