import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { ProcessesError } from "./errors.ts";
import type { LadderLevel, ProcessStage } from "./ladder.ts";

/** What staff set of a phase, when they add it and when they adapt it. */
export type PhaseValues = {
  title: string;
  startsOn: string;
  endsOn: string;
  level: LadderLevel;
  participants: string[];
};

/**
 * Locks a process and reads its phases. Every change to a process's phases (dates, a phase added or removed) takes
 * this lock first, so two changes at once are decided one after the other against the same list of phases.
 */
export async function lockPhases(tx: Tx, tenantId: string, processId: string) {
  const p = schema.processes;
  const [process] = await tx
    .select({ id: p.id, status: p.status })
    .from(p)
    .where(and(eq(p.tenantId, tenantId), eq(p.id, processId)))
    .for("update");
  if (!process) throw new ProcessesError("processes.not-found");
  const ph = schema.processPhases;
  const phases = await tx
    .select()
    .from(ph)
    .where(and(eq(ph.tenantId, tenantId), eq(ph.processId, processId)));
  return { process, phases };
}

/**
 * Stages come in order, so their dates do too: a phase may not overlap any phase of an earlier or a later stage.
 * The first phase it runs into is named in the refusal.
 */
export function checkPhaseOrder(
  others: readonly { id: string; stage: ProcessStage; title: string; startsOn: string; endsOn: string }[],
  phase: { id?: string; stage: ProcessStage; startsOn: string; endsOn: string },
): void {
  if (phase.startsOn > phase.endsOn) throw new ProcessesError("processes.phase-dates");
  const order = schema.processStages;
  for (const other of others) {
    if (other.id === phase.id) continue;
    const before = order.indexOf(other.stage) < order.indexOf(phase.stage);
    if (before ? other.endsOn >= phase.startsOn : other.startsOn <= phase.endsOn) {
      throw new ProcessesError("processes.phase-dates", { other: other.title });
    }
  }
}
