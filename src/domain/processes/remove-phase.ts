import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf, recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import { lockPhases } from "./phase-order.ts";
import { rescheduleTrack } from "./publish-process.ts";

export type RemovePhaseOptions = {
  tenantId: string;
  processId: string;
  phaseId: string;
  /** Why the phase goes; required once the process is published. */
  reason: string | null;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Removes a phase with its moments of influence (ADR 0021, addendum). A draft is the staff's own: any phase may go.
 * Once published, only a phase that has not started may go, with a reason, and one phase at least stays; what has
 * begun is the record of what residents were promised. The audit line keeps the phase, its moments and the reason.
 * A phase already gone is a repeat (a double click) and changes nothing.
 */
export async function removePhase(tx: Tx, o: RemovePhaseOptions): Promise<void> {
  const { process, phases } = await lockPhases(tx, o.tenantId, o.processId);
  const phase = phases.find((other) => other.id === o.phaseId);
  if (!phase) return;
  if (process.status === "published") {
    if (phase.startsOn <= dutchDateOf(o.now)) throw new ProcessesError("processes.phase-started");
    if (!o.reason) throw new ProcessesError("processes.reason-required");
    if (phases.length === 1) throw new ProcessesError("processes.no-phases");
  }
  const m = schema.processMoments;
  const moments = await tx
    .select({ title: m.title })
    .from(m)
    .where(and(eq(m.tenantId, o.tenantId), eq(m.phaseId, phase.id)));
  // The moments and their feedback go with the phase (foreign keys cascade); their queued mails find nothing to send.
  await tx.delete(schema.processPhases).where(eq(schema.processPhases.id, phase.id));
  await rescheduleTrack(tx, { tenantId: o.tenantId, processId: o.processId, actorPersonId: o.actorPersonId });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.phase-removed",
    subject: phase.id,
    details: {
      processId: o.processId,
      status: process.status,
      stage: phase.stage,
      title: phase.title,
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
      level: phase.level,
      moments: moments.map((moment) => moment.title),
      reason: o.reason,
    },
  });
}
