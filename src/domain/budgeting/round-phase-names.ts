/** A round's phases in order; a file of its own so forms in the browser can name them without the database. */
export const ROUND_PHASES = ["preparation", "plans", "review", "voting", "counting", "results", "realisation"] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];
