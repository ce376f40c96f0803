import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import type { LadderLevel } from "./ladder.ts";
import { rescheduleTrack } from "./publish-process.ts";

export type UpdatePhaseOptions = {
  tenantId: string;
  phaseId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  level: LadderLevel;
  participants: string[];
  actorPersonId: string | null;
};

/**
 * Sets a phase's dates, its level on the ladder and who takes part. Phases may not overlap the one before or after
 * (stages come in order); on a published process the dated-phase machine follows the new dates.
 */
export async function updatePhase(tx: Tx, o: UpdatePhaseOptions): Promise<void> {
  if (o.startsOn > o.endsOn) throw new ProcessesError("processes.phase-dates");
  const ph = schema.processPhases;
  const [phase] = await tx
    .select({ processId: ph.processId, stage: ph.stage })
    .from(ph)
    .where(and(eq(ph.tenantId, o.tenantId), eq(ph.id, o.phaseId)));
  if (!phase) throw new ProcessesError("processes.phase-not-found");
  await tx
    .select({ id: schema.processes.id })
    .from(schema.processes)
    .where(eq(schema.processes.id, phase.processId))
    .for("update");
  const siblings = await tx
    .select()
    .from(ph)
    .where(and(eq(ph.tenantId, o.tenantId), eq(ph.processId, phase.processId)));
  const order = schema.processStages;
  for (const other of siblings) {
    if (other.id === o.phaseId) continue;
    const before = order.indexOf(other.stage) < order.indexOf(phase.stage);
    if (before ? other.endsOn >= o.startsOn : other.startsOn <= o.endsOn) {
      throw new ProcessesError("processes.phase-dates", { other: other.title });
    }
  }
  const { tenantId, phaseId, actorPersonId, ...values } = o;
  await tx.update(ph).set(values).where(eq(ph.id, phaseId));
  await rescheduleTrack(tx, { tenantId, processId: phase.processId, actorPersonId });
  await recordAudit(tx, {
    tenantId,
    actorPersonId,
    action: "processes.phase-updated",
    subject: phaseId,
    details: { level: o.level, startsOn: o.startsOn, endsOn: o.endsOn },
  });
}
