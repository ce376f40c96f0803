import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";
import { euroAmount } from "./applications.ts";
import { calendarDate, formKey, isCalendarDate, optionalText, requiredText } from "./fields.ts";
import {
  applyLimits,
  assessLimits,
  completeLimits,
  decideLimits,
  fundLimits,
  incompleteLimits,
  newFundLimits,
  recoveryLimits,
  reportLimits,
} from "./initiative-funds-limits.ts";

const message = (key: MessageKey) => ({ error: key });

/** An amount that may be left empty (counts as 0). */
const optionalEuro = () =>
  z
    .union([z.literal("").transform(() => 0), euroAmount()])
    .optional()
    .transform((v) => v ?? 0);

/** A resident's application; the documents travel in the same (multipart) form as `document-0`, `document-1`, … */
export const applyForm = z
  .object({
    ...formKey,
    title: requiredText(applyLimits.title.maxLength),
    description: requiredText(applyLimits.description.maxLength),
    area: z
      .union([z.literal("").transform(() => null), z.uuid()])
      .optional()
      .transform((v) => v ?? null),
    activityOn: calendarDate(),
    totalCost: euroAmount(),
    requested: euroAmount(),
    ownMoney: optionalEuro(),
    ownHours: z
      .union([
        z.literal("").transform(() => 0),
        z
          .string()
          .regex(/^\d{1,5}$/, message("funds.error.hours"))
          .transform(Number),
      ])
      .optional()
      .transform((v) => v ?? 0),
  })
  .refine((v) => v.requested <= v.totalCost, { path: ["requested"], message: "funds.error.requestedAboveCost" });

/** The applicant adds what was missing. */
export const completeForm = z.object({
  intent: z.literal("complete"),
  explanation: optionalText(completeLimits.explanation.maxLength),
});

/** The report after the activity; receipts and photos travel as `files`. */
export const reportForm = z.object({ intent: z.literal("report"), text: requiredText(reportLimits.text.maxLength) });

/** Staff send an application back as incomplete, saying what is missing. */
export const incompleteForm = z.object({
  intent: z.literal("incomplete"),
  missing: requiredText(incompleteLimits.missing.maxLength),
});

/** An assessor's declaration and, without a conflict, a score of 1–5 per criterion (`scores[0]`, `scores[1]`, …). */
export const assessForm = z.discriminatedUnion("conflict", [
  z.object({
    intent: z.literal("assess"),
    conflict: z.literal("yes"),
    note: requiredText(assessLimits.note.maxLength),
  }),
  z.object({
    intent: z.literal("assess"),
    conflict: z.literal("no"),
    scores: z.array(z.enum(["1", "2", "3", "4", "5"], message("funds.error.score")).transform(Number)).max(20),
    remarks: optionalText(assessLimits.remarks.maxLength),
  }),
]);

/** Granted with an amount and conditions, or refused with reasons. */
export const decideForm = z.discriminatedUnion("outcome", [
  z.object({
    intent: z.literal("decide"),
    outcome: z.literal("granted"),
    amount: euroAmount(),
    conditions: optionalText(decideLimits.conditions.maxLength),
  }),
  z.object({
    intent: z.literal("decide"),
    outcome: z.literal("refused"),
    reasons: requiredText(decideLimits.reasons.maxLength),
  }),
]);

export const payForm = z.object({ intent: z.literal("pay"), tranche: z.enum(["advance", "final"]) });

/** A whole number between `min` and `max`, as typed in a box. */
const whole = (min: number, max: number) =>
  z
    .string(message("form.required"))
    .trim()
    .regex(/^\d{1,7}$/, message("funds.error.whole"))
    .transform(Number)
    .pipe(z.number().min(min, message("form.outOfRange")).max(max, message("form.outOfRange")));

/** A whole number that may be left empty (null: the rule does not apply). */
const optionalWhole = (min: number, max: number) =>
  z
    .union([z.literal("").transform(() => null), whole(min, max)])
    .optional()
    .transform((v) => v ?? null);

/** One item per line (criteria, documents, dates); empty lines are skipped, the same item twice is refused. */
const lines = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ""),
    )
    .pipe(
      z
        .array(z.string().max(200, message("funds.error.lineTooLong")))
        .max(max, message("funds.error.tooManyLines"))
        .refine((items) => new Set(items).size === items.length, message("funds.error.sameLineTwice")),
    );

/** Slugs a fund cannot have: the staff pages' own words on the same level (`/beheer/fondsen/nieuw`). */
export const RESERVED_FUND_SLUGS = ["nieuw", "aanvragen", "aanvraag"] as const;

/**
 * A fund's rules as staff set them (issue 12): amounts in euros, terms as whole numbers, criteria, documents and
 * decision dates one per line. What depends on the fund's state (its slug taken) is the domain's to refuse.
 */
const fundFields = {
  name: requiredText(fundLimits.name.maxLength),
  description: optionalText(fundLimits.description.maxLength),
  maxPerApplication: euroAmount().pipe(z.number().min(1, message("funds.error.maxZero"))),
  yearlyBudget: euroAmount(),
  coFinancingPercent: optionalWhole(1, 100),
  hourValue: z
    .union([z.literal("").transform(() => null), euroAmount().pipe(z.number().min(1, message("form.outOfRange")))])
    .optional()
    .transform((v) => v ?? null),
  leadTimeDays: whole(0, 730),
  decisionTermLength: whole(1, 365),
  decisionTermUnit: z.enum(["calendar-days", "weeks", "working-days"], message("form.choice")),
  extensionLength: whole(0, 365),
  intake: z.enum(["continuous", "decision-dates"], message("form.choice")),
  decisionDates: lines(24).refine((dates) => dates.every(isCalendarDate), message("funds.error.decisionDate")),
  criteria: lines(20).refine((items) => items.length > 0, message("funds.error.criteria")),
  requiredDocuments: lines(10),
  advancePercent: whole(1, 100),
  reportTermWeeks: whole(1, 104),
};

type FundFields = z.infer<z.ZodObject<typeof fundFields>>;

function fundRuleChecks(value: FundFields, ctx: z.RefinementCtx) {
  if (value.intake === "decision-dates" && value.decisionDates.length === 0)
    ctx.addIssue({ code: "custom", path: ["decisionDates"], message: "funds.error.decisionDatesNeeded" });
  if (value.hourValue !== null && value.coFinancingPercent === null)
    ctx.addIssue({ code: "custom", path: ["hourValue"], message: "funds.error.hourValueWithoutShare" });
  if (value.yearlyBudget > 0 && value.maxPerApplication > value.yearlyBudget)
    ctx.addIssue({ code: "custom", path: ["maxPerApplication"], message: "funds.error.maxAboveBudget" });
}

/** Staff change a fund's rules; its address stays. */
export const fundRulesForm = z.object(fundFields).superRefine(fundRuleChecks);

/** Staff make a new fund: its rules, and the address it will have (`/{gemeente}/fondsen/{slug}`). */
export const newFundForm = z
  .object({
    ...fundFields,
    slug: z
      .string(message("form.required"))
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message("funds.error.slug"))
      .max(newFundLimits.slug.maxLength, message("form.tooLong"))
      .refine(
        (slug) => !(RESERVED_FUND_SLUGS as readonly string[]).includes(slug),
        message("funds.error.slugReserved"),
      ),
  })
  .superRefine(fundRuleChecks);

/** Staff book what came back of a reclaimed grant, or waive an amount with reasons. */
export const recoveryForm = z
  .object({
    intent: z.literal("recovery"),
    ...formKey,
    kind: z.enum(["recovered", "waived"], message("form.choice")),
    amount: euroAmount().pipe(z.number().min(1, message("form.outOfRange"))),
    reasons: optionalText(recoveryLimits.reasons.maxLength),
  })
  .refine((v) => v.kind === "recovered" || Boolean(v.reasons), {
    path: ["reasons"],
    message: "funds.error.waiverReasons",
  });
