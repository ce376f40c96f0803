import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { type PhaseTrack, toTrack } from "../shared/index.ts";
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

type GetRoundOptions = { tenantId: string; slug?: string; id?: string; forUpdate?: boolean; trackLock?: "share" };

/**
 * A round by its slug (or id) with its areas and where it stands, in one statement (a ballot pays for every round
 * trip); `forUpdate` locks the round row, and `trackLock` takes that lock on the phase track as it is read (a ballot
 * holds the track under a share lock, so a phase move waits for the ballots in flight).
 */
export async function getRound(tx: Executor, o: GetRoundOptions): Promise<Round> {
  return (await getRoundWith(tx, o, {})).round;
}

/** What `also`'s expressions give, by name. */
type Also<A extends Record<string, SQL>> = { [K in keyof A]: A[K] extends SQL<infer T> ? T : never };

/**
 * `getRound`, with more that the same statement reads: `also`'s expressions (subqueries that may name the round's
 * columns), so a caller that needs the round and something of it pays one round trip, not two.
 */
export async function getRoundWith<A extends Record<string, SQL>>(
  tx: Executor,
  o: GetRoundOptions,
  also: A,
): Promise<{ round: Round; also: Also<A> }> {
  const areas = schema.pbRoundAreas;
  const tracks = schema.phaseTracks;
  const query = tx
    .select({
      // Typed by `Also` below: drizzle's selection types do not follow a generic record.
      also: also as Record<string, SQL>,
      round: rounds,
      track: tracks,
      areas: sql<RoundArea[]>`coalesce((
        select json_agg(json_build_object('id', ${areas.id}, 'areaId', ${areas.areaId}, 'name', ${areas.name},
          'budgetEuros', ${areas.budgetEuros}) order by ${areas.position})
        from ${areas} where ${areas.tenantId} = ${rounds.tenantId} and ${areas.roundId} = ${rounds.id}), '[]'::json)`,
    })
    .from(rounds)
    // Every round starts its track in the transaction that creates it (createRound), so the join loses none.
    .innerJoin(
      tracks,
      and(eq(tracks.tenantId, rounds.tenantId), eq(tracks.kind, roundPhases.kind), eq(tracks.subjectId, rounds.id)),
    )
    .where(and(eq(rounds.tenantId, o.tenantId), o.id ? eq(rounds.id, o.id) : eq(rounds.slug, o.slug ?? "")));
  const [row] = o.forUpdate
    ? await query.for("update", { of: rounds })
    : o.trackLock
      ? await query.for(o.trackLock, { of: tracks })
      : await query;
  if (!row) throw new BudgetingError("budgeting.round-not-found");
  return { round: toRound(row.round, row.track, row.areas), also: row.also as Also<A> };
}

function toRound(
  round: typeof rounds.$inferSelect,
  track: typeof schema.phaseTracks.$inferSelect,
  areas: RoundArea[],
): Round {
  return {
    id: round.id,
    tenantId: round.tenantId,
    slug: round.slug,
    title: round.title,
    body: round.body,
    rules: rulesFromColumns(round),
    eligibility: { residentsOnly: round.residentsOnly, identification: round.identification },
    importedFrom: round.importedFrom,
    rulesFixedAt: round.rulesFixedAt,
    areas,
    track: toTrack<RoundPhase>(track),
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
