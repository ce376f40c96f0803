import { honeypotLimits, type TextLimits } from "./fields-limits.ts";

/** `evaluationForm` */
export const evaluationLimits = {
  remark: { maxLength: 2000 },
  ...honeypotLimits,
} satisfies TextLimits;

/** `processForm` */
export const processLimits = {
  title: { maxLength: 160 },
  description: { maxLength: 4000 },
  fixed: { maxLength: 4000 },
  open: { maxLength: 4000 },
  decisionKind: { maxLength: 60 },
  responsible: { maxLength: 200 },
} satisfies TextLimits;

/** A phase: `phaseForm` and `addPhaseForm`. */
export const phaseLimits = {
  title: { maxLength: 160 },
  participants: { maxLength: 500 },
} satisfies TextLimits;

/** `removePhaseForm` */
export const removePhaseLimits = {
  reason: { maxLength: 1000 },
} satisfies TextLimits;

/** `addMomentForm` */
export const addMomentLimits = {
  title: { maxLength: 160 },
  subject: { maxLength: 500 },
  methodDetail: { maxLength: 1000 },
  feedbackHow: { maxLength: 500 },
} satisfies TextLimits;

/** `feedbackForm` */
export const feedbackLimits = {
  "points[].point": { maxLength: 500 },
  "points[].reason": { maxLength: 1000 },
} satisfies TextLimits;

/** `createProcessForm` */
export const createProcessLimits = {
  title: { maxLength: 160 },
  responsible: { maxLength: 200 },
} satisfies TextLimits;

/** `ruleForm` */
export const ruleLimits = {
  decisionKind: { maxLength: 60 },
  label: { maxLength: 200 },
} satisfies TextLimits;
