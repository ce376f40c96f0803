import { z } from "zod";
// Pure modules, imported past the indexes: the pages read these lists too (through advice-limits.ts), and the
// indexes reach the database driver and the password hashing, which must stay out of the browser bundle.
import { adviceOutcomes } from "../../src/domain/councils/advice-states.ts";
import { termUnits } from "../../src/domain/shared/term-units.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { giveAdviceLimits, offerAdviceLimits, requestAdviceLimits, respondToAdviceLimits } from "./advice-limits.ts";
import { formKey, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });

const termLength = () =>
  z
    .string(message("form.required"))
    .trim()
    .regex(/^[1-9][0-9]{0,2}$/, message("advice.error.termLength"))
    .transform(Number)
    .refine((n) => n <= 365, message("advice.error.termLength"));
const termUnit = () => z.enum(termUnits, message("advice.error.termUnit"));

/** Staff ask a council for advice. */
export const requestAdviceForm = z.object({
  intent: z.literal("request"),
  ...formKey,
  council: z.uuid(message("advice.error.councilRequired")),
  subject: requiredText(requestAdviceLimits.subject.maxLength),
  question: requiredText(requestAdviceLimits.question.maxLength),
});

/** The municipality's advice terms. */
export const adviceTermsForm = z.object({
  intent: z.literal("terms"),
  councilLength: termLength(),
  councilUnit: termUnit(),
  responseLength: termLength(),
  responseUnit: termUnit(),
  reminderDays: z
    .string(message("form.required"))
    .trim()
    .regex(/^[0-9]{1,2}$/, message("advice.error.reminderDays"))
    .transform(Number)
    .refine((n) => n <= 30, message("advice.error.reminderDays")),
});

/** The municipality's response to a piece of advice. */
export const respondToAdviceForm = z.object({
  intent: z.literal("respond"),
  outcome: z.enum(adviceOutcomes, message("advice.error.outcomeRequired")),
  reasons: requiredText(respondToAdviceLimits.reasons.maxLength),
});

/** A council answers a request for advice. */
export const giveAdviceForm = z.object({
  intent: z.literal("give"),
  request: z.uuid(),
  advice: requiredText(giveAdviceLimits.advice.maxLength),
});

/** A council gives advice unasked. */
export const offerAdviceForm = z.object({
  intent: z.literal("offer"),
  ...formKey,
  subject: requiredText(offerAdviceLimits.subject.maxLength),
  advice: requiredText(offerAdviceLimits.advice.maxLength),
});

/** A PDF for one side of a piece of advice (the file itself is read apart from the schema). */
export const attachAdviceFileForm = z.object({
  intent: z.literal("attach"),
  advice: z.uuid(),
  side: z.enum(["request", "advice", "response"]),
});

/** Takes a file off a piece of advice. */
export const removeAdviceFileForm = z.object({
  intent: z.literal("remove-file"),
  advice: z.uuid(),
  file: z.uuid(),
});
