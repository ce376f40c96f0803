import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";
import { emailAddress, formKey, honeypot, optionalText, requiredText } from "./fields.ts";
import { editionLimits, signUpLimits } from "./participation-limits.ts";

const message = (key: MessageKey) => ({ error: key });
const id = z.uuid(message("participation.form.unknownChoice"));

/** Signing up for a track, with the questions asked before the meeting. */
export const signUpForm = z.object({
  slotId: id,
  organisation: requiredText(signUpLimits.organisation.maxLength),
  input: optionalText(signUpLimits.input.maxLength),
});

export const withdrawForm = z.object({ registrationId: id });

export const subscribeForm = z.object({
  email: emailAddress(),
  themes: z
    .array(z.string().trim().min(1).max(100), message("participation.newsletter.themes.required"))
    .min(1, message("participation.newsletter.themes.required"))
    .max(20),
  ...honeypot,
});

/**
 * An edition goes out in two steps: `preview` shows the mail as readers get it and how many get it; only the
 * preview's own form says `send`.
 */
export const editionForm = z.object({
  ...formKey,
  intent: z.enum(["preview", "send"]),
  theme: requiredText(editionLimits.theme.maxLength),
  subject: requiredText(editionLimits.subject.maxLength),
  body: requiredText(editionLimits.body.maxLength),
});
