import type { CouncilsErrorCode } from "./errors.ts";

export type AdviceKind = "solicited" | "unsolicited";
export type AdviceStatus = "requested" | "advised" | "responded";
export type AdviceOutcome = "adopted" | "partly-adopted" | "not-adopted";
/** Whose part of the advice an attached file belongs to. */
export type AdviceFileSide = "request" | "advice" | "response";
export const adviceOutcomes = ["adopted", "partly-adopted", "not-adopted"] as const satisfies readonly AdviceOutcome[];

/**
 * The state table of a piece of advice. Solicited: requested → advised → responded. Unsolicited advice is born
 * advised. Each step names the one status it leaves; the refusal for every other status says why, so a second click
 * or a second person gets a clear answer instead of a change.
 */
export const adviceSteps = {
  give: {
    from: "requested",
    to: "advised",
    refusals: { advised: "councils.advice-already-given", responded: "councils.advice-already-given" },
  },
  respond: {
    from: "advised",
    to: "responded",
    refusals: { requested: "councils.advice-not-given-yet", responded: "councils.advice-already-answered" },
  },
} as const satisfies Record<
  string,
  { from: AdviceStatus; to: AdviceStatus; refusals: Partial<Record<AdviceStatus, CouncilsErrorCode>> }
>;
export type AdviceStep = keyof typeof adviceSteps;

/** Why `step` may not be taken from `status`, or null when it may. */
export function refusalOf(step: AdviceStep, status: AdviceStatus): CouncilsErrorCode | null {
  const rule = adviceSteps[step];
  if (status === rule.from) return null;
  return (rule.refusals as Partial<Record<AdviceStatus, CouncilsErrorCode>>)[status] ?? "councils.advice-not-found";
}

/** The steps open from a status, for pages that show only the forms that can work. */
export const stepsFrom = (status: AdviceStatus): AdviceStep[] =>
  (Object.keys(adviceSteps) as AdviceStep[]).filter((step) => adviceSteps[step].from === status);

/**
 * Whether a side of the advice is public, and so its files: the request from the moment it is sent (it has no
 * draft), the council's advice once given, the municipality's response once recorded.
 */
export function isSidePublic(side: AdviceFileSide, status: AdviceStatus): boolean {
  if (side === "request") return true;
  if (side === "advice") return status !== "requested";
  return status === "responded";
}

/**
 * Whether files may still be attached to a side: to the request while the council has not answered; to the advice
 * until the municipality responds (unasked advice is born given, so its files follow it); to the response while it
 * is being written.
 */
export function isSideOpen(side: AdviceFileSide, status: AdviceStatus): boolean {
  if (side === "request") return status === "requested";
  if (side === "advice") return status !== "responded";
  return status === "advised";
}
