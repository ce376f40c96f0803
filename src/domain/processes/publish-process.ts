import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { addDays, type PhaseDate, recordAudit, setPhaseSchedule, startPhases } from "../shared/index.ts";
import { startOfDay } from "./dates.ts";
import { ProcessesError } from "./errors.ts";
import { getProcess, type ProcessPhase } from "./get-process.ts";
import { type ProcessTrackPhase, processPhases } from "./ladder.ts";
import { scheduleMomentMails } from "./moment-jobs.ts";
import { findOrdinanceFlags } from "./ordinance.ts";

/**
 * The dates at which the machine enters each stage after the first: a stage the process uses starts on its first
 * day; one it skips starts with the next stage it does use; `closed` starts the day after the last phase ends.
 */
export function trackSchedule(phases: readonly Pick<ProcessPhase, "stage" | "startsOn" | "endsOn">[]) {
  const later = processPhases.phases.slice(1) as ProcessTrackPhase[];
  // biome-ignore lint/complexity/useMathMinMax: the dates are ISO strings, compared as text; Math.max would give NaN
  const lastEnd = phases.reduce((end, phase) => (phase.endsOn > end ? phase.endsOn : end), phases[0]!.endsOn);
  const closedAt = startOfDay(addDays(lastEnd, 1));
  const schedule: PhaseDate<ProcessTrackPhase>[] = [];
  for (const [index, stage] of later.entries()) {
    const next = later
      .slice(index)
      .map((s) => phases.find((phase) => phase.stage === s))
      .find(Boolean);
    schedule.push({ phase: stage, startsAt: next ? startOfDay(next.startsOn) : closedAt });
  }
  return schedule;
}

export type PublishProcessOptions = {
  tenantId: string;
  tenantSlug: string;
  processId: string;
  /** Staff saw the ordinance flags and publish all the same. */
  acceptFlags: boolean;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Publishes a draft: it shows on the municipality's pages from now on, the dated-phase machine takes it through its
 * stages, and the mails of its moments are queued. A process that falls below its ordinance rule is refused unless
 * staff accept the flags (they were shown them first).
 */
export async function publishProcess(tx: Tx, o: PublishProcessOptions): Promise<void> {
  const p = schema.processes;
  const [locked] = await tx
    .select({ status: p.status })
    .from(p)
    .where(and(eq(p.tenantId, o.tenantId), eq(p.id, o.processId)))
    .for("update");
  if (!locked) throw new ProcessesError("processes.not-found");
  if (locked.status === "published") throw new ProcessesError("processes.already-published");
  const process = (await getProcess(tx, { tenantId: o.tenantId, id: o.processId }))!;
  if (process.phases.length === 0) throw new ProcessesError("processes.no-phases");
  const flags = await findOrdinanceFlags(tx, o.tenantId, process);
  if (flags.length > 0 && !o.acceptFlags) throw new ProcessesError("processes.below-ordinance");
  await tx.update(p).set({ status: "published", publishedAt: o.now }).where(eq(p.id, o.processId));
  await startPhases(tx, processPhases, {
    tenantId: o.tenantId,
    subjectId: o.processId,
    schedule: trackSchedule(process.phases),
    now: o.now,
  });
  for (const moment of process.phases.flatMap((phase) => phase.moments)) {
    await scheduleMomentMails(tx, { tenantId: o.tenantId, tenantSlug: o.tenantSlug, moment, now: o.now });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.published",
    subject: o.processId,
    details: { flags: flags.map((flag) => flag.kind) },
  });
}

/** After a published process's phases changed: the machine follows the new dates. */
export async function rescheduleTrack(
  tx: Tx,
  o: { tenantId: string; processId: string; actorPersonId: string | null },
) {
  const process = await getProcess(tx, { tenantId: o.tenantId, id: o.processId });
  if (process?.status !== "published" || process.phases.length === 0) return;
  await setPhaseSchedule(tx, processPhases, {
    tenantId: o.tenantId,
    subjectId: o.processId,
    schedule: trackSchedule(process.phases),
    actorPersonId: o.actorPersonId,
  });
}
