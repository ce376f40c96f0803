import { and, asc, eq, inArray } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { ProcessDetails } from "./get-process.ts";
import { loadPhases } from "./get-process.ts";
import type { ProcessTrackPhase } from "./ladder.ts";

/**
 * The participation calendar: every process of the municipality with its phases and where it is. The public
 * calendar asks for published ones only; staff see drafts too.
 */
export async function listProcesses(
  tx: Executor,
  o: { tenantId: string; publishedOnly: boolean },
): Promise<ProcessDetails[]> {
  const p = schema.processes;
  const rows = await tx
    .select()
    .from(p)
    .where(and(eq(p.tenantId, o.tenantId), ...(o.publishedOnly ? [eq(p.status, "published")] : [])))
    .orderBy(asc(p.title));
  const ids = rows.map((row) => row.id);
  const phases = await loadPhases(tx, o.tenantId, ids);
  const t = schema.phaseTracks;
  const tracks = ids.length
    ? await tx
        .select({ subjectId: t.subjectId, phase: t.phase })
        .from(t)
        .where(and(eq(t.tenantId, o.tenantId), eq(t.kind, "process"), inArray(t.subjectId, ids)))
    : [];
  return rows.map((row, index) => ({
    ...row,
    phases: phases[index] ?? [],
    trackPhase: (tracks.find((track) => track.subjectId === row.id)?.phase as ProcessTrackPhase | undefined) ?? null,
  }));
}
