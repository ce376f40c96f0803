import { and, eq, isNull, ne } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { enqueue } from "../../platform/queue/index.ts";
import { definePhases, type PhaseMove } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { ROUND_PHASES, type RoundPhase } from "./round-phase-names.ts";

export { ROUND_PHASES, type RoundPhase };

/**
 * A round's phases (issue 11): plans come in, staff review them, residents vote, the queue counts, staff publish the
 * results, and the funded plans are carried out. Once voting has opened there is no way back: the rules are fixed
 * and ballots exist.
 */

export const roundPhases = definePhases<RoundPhase>({
  kind: "pb-round",
  phases: ROUND_PHASES,
  noWayBackFrom: ["voting", "counting", "results", "realisation"],
  onEnter: (tx, move) => enterRoundPhase(tx, move),
});
export const COUNT_ROUND_JOB = "budgeting.count-round";
/** Mails the round's followers that voting opened or the result is out (round-news.ts). */
export const ROUND_NEWS_JOB = "budgeting.round-news";
export type RoundNews = "voting-opened" | "result-published";

async function enterRoundPhase(tx: Tx, move: PhaseMove<RoundPhase>): Promise<void> {
  const where = and(eq(schema.pbRounds.tenantId, move.tenantId), eq(schema.pbRounds.id, move.subjectId));
  if (move.to === "voting") {
    await requireFeasiblePlans(tx, move.tenantId, move.subjectId);
    // Fixed once; the database refuses any later change of the rules, the areas or their budgets.
    await tx
      .update(schema.pbRounds)
      .set({ rulesFixedAt: move.at })
      .where(and(where, isNull(schema.pbRounds.rulesFixedAt)));
    await enqueueNews(tx, move, "voting-opened");
  }
  if (move.to === "counting") {
    await enqueue(tx, COUNT_ROUND_JOB, { tenantId: move.tenantId, roundId: move.subjectId }, { runAt: move.at });
  }
  if (move.to === "results") {
    await requirePaperDone(tx, { tenantId: move.tenantId, roundId: move.subjectId });
    const [published] = await tx
      .update(schema.pbResults)
      .set({ status: "published", publishedAt: move.at, publishedBy: move.actorPersonId })
      .where(and(eq(schema.pbResults.tenantId, move.tenantId), eq(schema.pbResults.roundId, move.subjectId)))
      .returning({ roundId: schema.pbResults.roundId });
    if (!published) throw new BudgetingError("budgeting.not-counted");
    await enqueueNews(tx, move, "result-published");
  }
}

/** After the move commits, in a job of its own: the mail's links need the municipality's address (round-news.ts). */
function enqueueNews(tx: Tx, move: PhaseMove<RoundPhase>, news: RoundNews) {
  return enqueue(tx, ROUND_NEWS_JOB, { tenantId: move.tenantId, roundId: move.subjectId, news }, { runAt: move.at });
}

/** Every area of the round needs at least one feasible plan on its ballot. */
async function requireFeasiblePlans(tx: Executor, tenantId: string, roundId: string) {
  const areas = await tx
    .select({ id: schema.pbRoundAreas.id, name: schema.pbRoundAreas.name })
    .from(schema.pbRoundAreas)
    .where(and(eq(schema.pbRoundAreas.tenantId, tenantId), eq(schema.pbRoundAreas.roundId, roundId)));
  const feasible = await tx
    .selectDistinct({ areaId: schema.pbPlans.roundAreaId })
    .from(schema.pbPlans)
    .where(
      and(
        eq(schema.pbPlans.tenantId, tenantId),
        eq(schema.pbPlans.roundId, roundId),
        eq(schema.pbPlans.status, "published"),
        eq(schema.pbPlans.feasibility, "feasible"),
      ),
    );
  const withPlans = new Set(feasible.map((f) => f.areaId));
  const empty = areas.find((a) => !withPlans.has(a.id));
  if (areas.length === 0 || empty) throw new BudgetingError("budgeting.no-feasible-plans", { area: empty?.name ?? "" });
}

/** Publishing waits for every paper batch (paper-ballots.ts): none may be open or blocked. */
async function requirePaperDone(tx: Executor, o: { tenantId: string; roundId: string }) {
  const batches = schema.pbPaperBatches;
  const [pending] = await tx
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.tenantId, o.tenantId), eq(batches.roundId, o.roundId), ne(batches.status, "accepted")))
    .limit(1);
  if (pending) throw new BudgetingError("budgeting.paper-pending");
}
