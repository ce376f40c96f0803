import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { findPhaseTrack, type PhaseTrack } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { type RoundPhase, roundPhases } from "./round-phases.ts";
import { type Eligibility, type RoundRules, rulesFromColumns } from "./rules.ts";

export type RoundArea = { id: string; areaId: string | null; name: string; budgetEuros: number };

export type Round = {
  id: string;
  tenantId: string;
  slug: string;
  title: string;
  body: string;
  rules: RoundRules;
  eligibility: Eligibility;
  /** The Pabulib file of a round the operator command imported, else null. */
  importedFrom: string | null;
  rulesFixedAt: Date | null;
  areas: RoundArea[];
  track: PhaseTrack<RoundPhase>;
};

const rounds = schema.pbRounds;

/**
 * A round by its slug (or id) with its areas and where it stands; `forUpdate` locks the round row first, and
 * `trackLock` takes that lock on the phase track as it is read (a ballot holds the track under a share lock).
 */
export async function getRound(
  tx: Executor,
  o: { tenantId: string; slug?: string; id?: string; forUpdate?: boolean; trackLock?: "share" },
): Promise<Round> {
  const query = tx
    .select()
    .from(rounds)
    .where(and(eq(rounds.tenantId, o.tenantId), o.id ? eq(rounds.id, o.id) : eq(rounds.slug, o.slug ?? "")));
  const [row] = o.forUpdate ? await query.for("update") : await query;
  if (!row) throw new BudgetingError("budgeting.round-not-found");
  // In turn: one transaction is one connection.
  const areas = await tx
    .select({
      id: schema.pbRoundAreas.id,
      areaId: schema.pbRoundAreas.areaId,
      name: schema.pbRoundAreas.name,
      budgetEuros: schema.pbRoundAreas.budgetEuros,
    })
    .from(schema.pbRoundAreas)
    .where(and(eq(schema.pbRoundAreas.tenantId, o.tenantId), eq(schema.pbRoundAreas.roundId, row.id)))
    .orderBy(asc(schema.pbRoundAreas.position));
  const track = await findPhaseTrack(tx, roundPhases, { tenantId: o.tenantId, subjectId: row.id, lock: o.trackLock });
  if (!track) throw new Error(`pb round ${row.id} has no phase track`);
  return {
    id: row.id,
    tenantId: row.tenantId,
    slug: row.slug,
    title: row.title,
    body: row.body,
    rules: rulesFromColumns(row),
    eligibility: { residentsOnly: row.residentsOnly, identification: row.identification },
    importedFrom: row.importedFrom,
    rulesFixedAt: row.rulesFixedAt,
    areas,
    track,
  };
}

export type RoundSummary = { id: string; slug: string; title: string; phase: RoundPhase };

export async function listRounds(tx: Executor, o: { tenantId: string }): Promise<RoundSummary[]> {
  const rows = await tx
    .select({ id: rounds.id, slug: rounds.slug, title: rounds.title, phase: schema.phaseTracks.phase })
    .from(rounds)
    .innerJoin(
      schema.phaseTracks,
      and(eq(schema.phaseTracks.kind, roundPhases.kind), eq(schema.phaseTracks.subjectId, rounds.id)),
    )
    .where(eq(rounds.tenantId, o.tenantId))
    .orderBy(asc(rounds.createdAt));
  return rows.map((r) => ({ ...r, phase: r.phase as RoundPhase }));
}
