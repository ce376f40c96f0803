import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";

/**
 * Field rules shared by every form. Messages are catalogue keys, translated where the form is shown, so the
 * same schema serves Dutch and English readers.
 */
const message = (key: MessageKey) => ({ error: key });

export const requiredText = (max = 200) =>
  z.string(message("form.required")).trim().min(1, message("form.required")).max(max, message("form.tooLong"));

export const optionalText = (max = 2000) => z.string().trim().max(max, message("form.tooLong")).optional();

export const emailAddress = () =>
  z
    .string(message("form.required"))
    .trim()
    .toLowerCase()
    .pipe(z.email(message("form.email")).max(254));

/** A hidden field people never see; a bot that fills it is refused without a word. */
export const honeypot = { website: z.string().max(0).optional() };

/**
 * The hidden key of a form that creates something without a natural key: made fresh each time the form is shown,
 * kept when the form comes back with errors, so submitting it twice creates one thing.
 */
export const formKey = { key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) };
