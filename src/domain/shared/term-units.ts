/**
 * The units a term can count in. A module of its own, without the holiday library, so that forms in the browser can
 * offer the units without bundling the holidays (terms.ts does the arithmetic).
 */
export type TermUnit = "calendar-days" | "weeks" | "working-days";
export const termUnits = ["calendar-days", "weeks", "working-days"] as const satisfies readonly TermUnit[];
export type Term = { length: number; unit: TermUnit };
