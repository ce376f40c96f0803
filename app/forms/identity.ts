import { z } from "zod";
import type { Role } from "../../src/domain/identity/index.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { emailAddress, honeypot, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });
const returnTo = z.string().max(500).optional();

export const magicLinkForm = z.object({ email: emailAddress(), terug: returnTo, ...honeypot });

export const passwordSignInForm = z.object({
  email: emailAddress(),
  password: requiredText(200),
  terug: returnTo,
  ...honeypot,
});

const sixDigits = z
  .string(message("form.required"))
  .trim()
  .regex(/^\d{6}$/, message("signIn.code.format"));

/** Six digits from the app, or a recovery code (`abcde-fghij`; case, spaces and dashes do not matter). */
const secondFactorCode = z
  .string(message("form.required"))
  .trim()
  .regex(/^(\d{6}|[A-Za-z2-7]{5}[\s-]?[A-Za-z2-7]{5})$/, message("signIn.code.format"));

export const secondFactorForm = z.object({ code: secondFactorCode });

/** The current factor for a step-up: the password, or the code from the app when TOTP is on. */
const currentFactor = z.string().max(200, message("form.tooLong")).optional();

export const setPasswordForm = z
  .object({
    current: currentFactor,
    password: z.string(message("form.required")).min(12, message("security.password.tooShort")).max(200),
    repeat: z.string(message("form.required")),
  })
  .refine((form) => form.password === form.repeat, { path: ["repeat"], ...message("security.password.mismatch") });

/** The 160-bit secret the set-up page offers (`totpSetupSecret`): 32 base-32 characters, no shorter. */
export const enableTotpForm = z.object({
  secret: z.string().regex(/^[A-Z2-7]{32}$/),
  code: sixDigits,
  current: currentFactor,
});

export const revokeSessionForm = z.object({ session: z.string().regex(/^[0-9a-f]{64}$/) });

export const deleteAccountForm = z.object({
  confirm: z.literal("on", message("account.delete.confirmRequired")),
});

/** Roles staff can hand out; the domain checks which fit the tenant (`teamRoles`). Kept here so no server code reaches the browser. */
const allTeamRoles = [
  "programme-staff",
  "supervisor",
  "municipal-coordinator",
  "municipal-staff",
  "council-member",
  "fund-committee",
] as const satisfies readonly Role[];
export const addTeamMemberForm = z.object({
  email: emailAddress(),
  role: z.enum(allTeamRoles, message("staff.team.roleRequired")),
});
