import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";
import { euroAmount } from "./applications.ts";
import { calendarDate, formKey, optionalText, requiredText } from "./fields.ts";

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
    title: requiredText(200),
    description: requiredText(4000),
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
export const completeForm = z.object({ intent: z.literal("complete"), explanation: optionalText(2000) });

/** The report after the activity; receipts and photos travel as `files`. */
export const reportForm = z.object({ intent: z.literal("report"), text: requiredText(4000) });

/** Staff send an application back as incomplete, saying what is missing. */
export const incompleteForm = z.object({ intent: z.literal("incomplete"), missing: requiredText(1000) });

export const extendForm = z.object({ intent: z.literal("extend") });

/** An assessor's declaration and, without a conflict, a score of 1–5 per criterion (`scores[0]`, `scores[1]`, …). */
export const assessForm = z.discriminatedUnion("conflict", [
  z.object({ intent: z.literal("assess"), conflict: z.literal("yes"), note: requiredText(500) }),
  z.object({
    intent: z.literal("assess"),
    conflict: z.literal("no"),
    scores: z.array(z.enum(["1", "2", "3", "4", "5"], message("funds.error.score")).transform(Number)).max(20),
    remarks: optionalText(2000),
  }),
]);

/** Granted with an amount and conditions, or refused with reasons. */
export const decideForm = z.discriminatedUnion("outcome", [
  z.object({
    intent: z.literal("decide"),
    outcome: z.literal("granted"),
    amount: euroAmount(),
    conditions: optionalText(2000),
  }),
  z.object({ intent: z.literal("decide"), outcome: z.literal("refused"), reasons: requiredText(4000) }),
]);

export const payForm = z.object({ intent: z.literal("pay"), tranche: z.enum(["advance", "final"]) });
