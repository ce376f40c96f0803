import type { TextLimits } from "./fields-limits.ts";

/** `signUpForm` */
export const signUpLimits = {
  organisation: { maxLength: 200 },
  input: { maxLength: 2000 },
} satisfies TextLimits;

/** `editionForm` */
export const editionLimits = {
  theme: { maxLength: 100 },
  subject: { maxLength: 150 },
  body: { maxLength: 20000 },
} satisfies TextLimits;
