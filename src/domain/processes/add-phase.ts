import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf, recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import type { ProcessStage } from "./ladder.ts";
import { checkPhaseOrder, lockPhases, type PhaseValues } from "./phase-order.ts";
import { rescheduleTrack } from "./publish-process.ts";

export type AddPhaseOptions = PhaseValues & {
  tenantId: string;
  processId: string;
  stage: ProcessStage;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Adds a phase for a stage the process does not use yet, between the phases of the stages around it. On a published
 * process the new phase must start after today (what has begun is history) and the dated-phase machine follows.
 * The same phase sent twice (a double click, a retry) is added once.
 */
export async function addPhase(tx: Tx, o: AddPhaseOptions): Promise<{ id: string }> {
  const { process, phases } = await lockPhases(tx, o.tenantId, o.processId);
  const taken = phases.find((phase) => phase.stage === o.stage);
  if (taken) {
    const repeat = taken.title === o.title && taken.startsOn === o.startsOn && taken.endsOn === o.endsOn;
    if (repeat) return { id: taken.id };
    throw new ProcessesError("processes.stage-taken", { other: taken.title });
  }
  if (process.status === "published" && o.startsOn <= dutchDateOf(o.now)) {
    throw new ProcessesError("processes.phase-starts-past");
  }
  checkPhaseOrder(phases, o);
  const [row] = await tx
    .insert(schema.processPhases)
    .values({
      tenantId: o.tenantId,
      processId: o.processId,
      stage: o.stage,
      title: o.title,
      startsOn: o.startsOn,
      endsOn: o.endsOn,
      level: o.level,
      participants: o.participants,
    })
    .returning({ id: schema.processPhases.id });
  await rescheduleTrack(tx, { tenantId: o.tenantId, processId: o.processId, actorPersonId: o.actorPersonId });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.phase-added",
    subject: row!.id,
    details: { processId: o.processId, stage: o.stage, level: o.level, startsOn: o.startsOn, endsOn: o.endsOn },
  });
  return row!;
}
