import { z } from "zod";
import { spendCategories } from "../../src/domain/area-budgets/kinds.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { euroAmount } from "./applications.ts";
import { allocationLimits, commitmentLimits, expenditureLimits, reverseLimits } from "./area-budgets-limits.ts";
import { calendarDate, formKey, optionalText, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });

/** The municipality's decision on an area's budget (staff). */
export const allocationForm = z.object({
  intent: z.literal("allocate"),
  ...formKey,
  area: z.uuid(message("areaBudgets.area.required")),
  amount: euroAmount(),
  decidedOn: calendarDate(),
  reference: requiredText(allocationLimits.reference.maxLength),
});

/** The carry-over rule: none, up to a percentage (1–99), or all. */
export const carryOverRuleForm = z
  .object({
    intent: z.literal("rule"),
    rule: z.enum(["none", "percentage", "all"], message("areaBudgets.rule.required")),
    percent: z
      .union([
        z.literal("").transform(() => undefined),
        z
          .string()
          .regex(/^[1-9][0-9]?$/, message("areaBudgets.error.percentage"))
          .transform(Number),
      ])
      .optional(),
  })
  .refine((value) => value.rule !== "percentage" || value.percent !== undefined, {
    path: ["percent"],
    message: "areaBudgets.error.percentage",
  });

/** Ends the year for every area: carry over by the rule, close the year. */
export const endYearForm = z.object({
  intent: z.literal("end-year"),
  confirm: z.literal("on", message("areaBudgets.endYear.confirmRequired")),
});

/** A council's decision to spend, with its date and where the minutes record it. */
export const commitmentForm = z.object({
  intent: z.literal("commit"),
  ...formKey,
  amount: euroAmount(),
  decidedOn: calendarDate(),
  minutesReference: requiredText(commitmentLimits.minutesReference.maxLength),
  description: requiredText(commitmentLimits.description.maxLength),
});

/** A payment; the receipt travels in the same (multipart) form and is checked by the upload module. */
export const expenditureForm = z.object({
  intent: z.literal("spend"),
  ...formKey,
  amount: euroAmount(),
  paidOn: calendarDate(),
  description: requiredText(expenditureLimits.description.maxLength),
  category: z.enum(spendCategories, message("areaBudgets.category.required")),
  commitment: z.union([z.literal("").transform(() => undefined), z.uuid()]).optional(),
  reference: optionalText(expenditureLimits.reference.maxLength),
});

export const releaseForm = z.object({
  intent: z.literal("release"),
  commitment: z.uuid(),
  reason: requiredText(300),
});

export const reverseForm = z.object({
  intent: z.literal("reverse"),
  entry: z.uuid(),
  reason: requiredText(reverseLimits.reason.maxLength),
});
