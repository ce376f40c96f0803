import { z } from "zod";
// Pure modules past the indexes, which reach the database driver: the pages use these lists in the browser.
import { challengeStepNames } from "../../src/domain/initiatives/challenge-steps.ts";
import { initiativeStatuses, initiativeSupportKinds } from "../../src/domain/initiatives/kinds.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { euroAmount } from "./applications.ts";
import { emailAddress, formKey, honeypot, optionalText, requiredText } from "./fields.ts";
import {
  challengeStepLimits,
  extendTermLimits,
  messageLimits,
  statusLimits,
  submitChallengeLimits,
  submitInitiativeLimits,
} from "./initiatives-limits.ts";

const message = (key: MessageKey) => ({ error: key });
/** An area from the list, or none ("the whole municipality / I don't know"). */
const optionalArea = z.union([z.literal("").transform(() => null), z.uuid(message("form.choice"))]).default(null);

/** A resident's initiative at the desk (public; no account needed). */
export const submitInitiativeForm = z.object({
  ...formKey,
  ...honeypot,
  title: requiredText(submitInitiativeLimits.title.maxLength),
  description: requiredText(submitInitiativeLimits.description.maxLength),
  area: optionalArea,
  location: optionalText(submitInitiativeLimits.location.maxLength).default(""),
  involved: optionalText(submitInitiativeLimits.involved.maxLength).default(""),
  support: z
    .array(z.enum(initiativeSupportKinds, message("form.choice")), message("initiatives.support.required"))
    .min(1, message("initiatives.support.required"))
    .max(initiativeSupportKinds.length),
  supportNote: optionalText(submitInitiativeLimits.supportNote.maxLength).default(""),
  name: requiredText(submitInitiativeLimits.name.maxLength),
  email: emailAddress(),
  showcase: z.literal("on").optional(),
});

/** A message in the thread, from either side. */
export const messageForm = z.object({
  intent: z.literal("message"),
  ...formKey,
  body: requiredText(messageLimits.body.maxLength),
});

/** Staff: who is the contact person; `current` is the one the page showed, so a change meanwhile is not overwritten. */
export const assignForm = z.object({
  intent: z.literal("assign"),
  contact: z.uuid(message("initiatives.contact.required")),
  current: z.union([z.literal("").transform(() => null), z.uuid()]).default(null),
});

export const statusForm = z.object({
  intent: z.literal("status"),
  to: z.enum(initiativeStatuses, message("form.choice")),
  reason: requiredText(statusLimits.reason.maxLength),
});

const termNumber = (max: number) =>
  z
    .string(message("form.required"))
    .trim()
    .regex(/^\d{1,2}$/, message("initiatives.term.invalid"))
    .transform(Number)
    .pipe(z.number().int().min(1, message("initiatives.term.invalid")).max(max, message("initiatives.term.invalid")));

/** Staff: the municipality's terms. */
export const deskSettingsForm = z.object({
  intent: z.literal("settings"),
  assignWorkingDays: termNumber(60),
  challengeDecisionWeeks: termNumber(52),
});

/** Uitdaagrecht: a request to take over a municipal task (public; no account needed). */
export const submitChallengeForm = z
  .object({
    ...formKey,
    ...honeypot,
    task: requiredText(submitChallengeLimits.task.maxLength),
    plan: requiredText(submitChallengeLimits.plan.maxLength),
    budget: z.union([z.literal("").transform(() => 0), euroAmount()]).default(0),
    neighbourhoodSupport: requiredText(submitChallengeLimits.neighbourhoodSupport.maxLength),
    area: optionalArea,
    requester: z.enum(["residents", "organisation"], message("initiatives.requester.required")),
    organisation: optionalText(submitChallengeLimits.organisation.maxLength).default(""),
    name: requiredText(submitChallengeLimits.name.maxLength),
    email: emailAddress(),
  })
  .refine((value) => value.requester !== "organisation" || value.organisation !== "", {
    path: ["organisation"],
    message: "initiatives.organisation.required",
  });

export const challengeStepForm = z.object({
  intent: z.literal("step"),
  step: z.enum(challengeStepNames, message("form.choice")),
  reason: optionalText(challengeStepLimits.reason.maxLength).default(""),
});

/** Staff: the one extension of a decision term (an uitdaagrecht request, a fund's application), with the reason the applicant reads. */
export const extendTermForm = z.object({
  intent: z.literal("extend"),
  reason: requiredText(extendTermLimits.reason.maxLength),
});

/** "Send my link again" (public): the address the links went to. */
export const lostLinkForm = z.object({ email: emailAddress(), ...honeypot });
