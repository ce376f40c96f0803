import type { ProcessDetails, ProcessPhase } from "./get-process.ts";
import { processPhases } from "./ladder.ts";

export type PhasePosition = "done" | "current" | "coming";
export type ProcessPosition = { state: "draft" | "not-started" | "running" | "closed"; current: ProcessPhase | null };

/**
 * Where a process is today, for the timeline and the calendar: the phase the dated-phase machine has it in (a stage
 * the process skips counts as not started yet), or closed.
 */
export function positionOf(process: Pick<ProcessDetails, "status" | "phases" | "trackPhase">): ProcessPosition {
  if (process.status === "draft" || process.trackPhase === null) return { state: "draft", current: null };
  if (process.trackPhase === "closed") return { state: "closed", current: null };
  const current = process.phases.find((phase) => phase.stage === process.trackPhase) ?? null;
  if (current) return { state: "running", current };
  const order = processPhases.phases as readonly string[];
  const started = process.phases.some((phase) => order.indexOf(phase.stage) < order.indexOf(process.trackPhase!));
  return { state: started ? "running" : "not-started", current: null };
}

/** Each phase's place relative to today's position. */
export function phasePositions(process: Pick<ProcessDetails, "status" | "phases" | "trackPhase">): PhasePosition[] {
  const { state, current } = positionOf(process);
  if (state === "closed") return process.phases.map(() => "done");
  if (!current) return process.phases.map(() => "coming");
  const index = process.phases.indexOf(current);
  return process.phases.map((_, i) => (i < index ? "done" : i === index ? "current" : "coming"));
}
