import { honeypotLimits, type TextLimits } from "./fields-limits.ts";

/** `extendTermForm` */
export const extendTermLimits = {
  reason: { maxLength: 2000 },
} satisfies TextLimits;

/** `messageForm` */
export const messageLimits = {
  body: { maxLength: 5000 },
} satisfies TextLimits;

/** `submitChallengeForm` */
export const submitChallengeLimits = {
  ...honeypotLimits,
  task: { maxLength: 300 },
  plan: { maxLength: 8000 },
  neighbourhoodSupport: { maxLength: 3000 },
  organisation: { maxLength: 200 },
  name: { maxLength: 150 },
} satisfies TextLimits;

/** `challengeStepForm` */
export const challengeStepLimits = {
  reason: { maxLength: 3000 },
} satisfies TextLimits;

/** `statusForm` */
export const statusLimits = {
  reason: { maxLength: 2000 },
} satisfies TextLimits;

/** `submitInitiativeForm` */
export const submitInitiativeLimits = {
  ...honeypotLimits,
  title: { maxLength: 150 },
  description: { maxLength: 5000 },
  location: { maxLength: 300 },
  involved: { maxLength: 2000 },
  supportNote: { maxLength: 2000 },
  name: { maxLength: 150 },
} satisfies TextLimits;
