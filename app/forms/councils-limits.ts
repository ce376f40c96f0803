import { honeypotLimits, type TextLimits } from "./fields-limits.ts";

/** `contactCouncilForm` */
export const contactCouncilLimits = {
  name: { maxLength: 150 },
  message: { maxLength: 5000 },
  ...honeypotLimits,
} satisfies TextLimits;

/** `seatMemberForm` */
export const seatMemberLimits = {
  name: { maxLength: 150 },
} satisfies TextLimits;

/** The fields `createCouncilForm` and `updateCouncilForm` share. */
export const councilLimits = {
  name: { maxLength: 150 },
  basisUrl: { maxLength: 500 },
  description: { maxLength: 5000 },
} satisfies TextLimits;

/** `createCouncilForm` */
export const createCouncilLimits = {
  slug: { maxLength: 80 },
  ...councilLimits,
} satisfies TextLimits;
