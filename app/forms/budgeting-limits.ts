import { ROUND_PHASES } from "../../src/domain/budgeting/round-phase-names.ts";
import { PAPER_LABEL_MAX } from "../../src/domain/budgeting/rules.ts";
import { honeypotLimits, type TextLimits } from "./fields-limits.ts";

/** Rows of the area table on the round form; a row left empty is skipped. */
export const AREA_ROWS = 6;
/** The phases with a start date on the form: every phase after preparation. */
export const DATED_PHASES = ROUND_PHASES.slice(1);

/** `planUpdateForm` */
export const planUpdateLimits = {
  body: { maxLength: 2000 },
  photoAlt: { maxLength: 300 },
} satisfies TextLimits;

/** `roundForm` */
export const roundLimits = {
  title: { maxLength: 200 },
  slug: { maxLength: 60 },
  body: { maxLength: 5000 },
} satisfies TextLimits;

/** `staffRoundForms["paper-batch"]` */
export const paperBatchLimits = {
  label: { maxLength: PAPER_LABEL_MAX },
} satisfies TextLimits;

/** `staffRoundForms["paper-entry"]` */
export const paperEntryLimits = {
  ballots: { maxLength: 500000 },
} satisfies TextLimits;

/** `planForm` */
export const planLimits = {
  ...honeypotLimits,
  title: { maxLength: 120 },
  description: { maxLength: 4000 },
  location: { maxLength: 200 },
  photoAlt: { maxLength: 300 },
} satisfies TextLimits;
