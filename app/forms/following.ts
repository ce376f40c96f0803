import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";
import { emailAddress, honeypot } from "./fields.ts";

/** A resident follows something (a process, a council) by e-mail (double opt-in, ADR 0011). */
export const followForm = z.object({ intent: z.literal("follow"), email: emailAddress(), ...honeypot });

/** The same, for a page of several things to follow (the funded plans of a round): `subject` names the one. */
export const followOneOfForm = followForm.extend({
  subject: z.uuid({ error: "form.choice" satisfies MessageKey }),
});
