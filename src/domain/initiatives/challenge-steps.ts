import type { schema } from "../../db/index.ts";

export type ChallengeStatus = (typeof schema.challengeStatuses)[number];

/**
 * Uitdaagrecht in one table: staff start the assessment, then honour or refuse the request with reasons; a request
 * that cannot be taken up at all may be refused straight away.
 */
export const challengeSteps = {
  assess: { from: ["received"], to: "assessing" },
  honour: { from: ["assessing"], to: "honoured" },
  refuse: { from: ["received", "assessing"], to: "refused" },
} as const satisfies Record<string, { from: readonly ChallengeStatus[]; to: ChallengeStatus }>;
export type ChallengeStep = keyof typeof challengeSteps;
export const challengeStepNames = Object.keys(challengeSteps) as ChallengeStep[];

/** The steps a request in this status allows, in the table's order: what the staff page offers. */
export const allowedChallengeSteps = (status: ChallengeStatus): ChallengeStep[] =>
  challengeStepNames.filter((step) => (challengeSteps[step].from as readonly ChallengeStatus[]).includes(status));

/** A decision: the register shows it with its reasons. */
export const isDecided = (status: ChallengeStatus) => status === "honoured" || status === "refused";
