import { and, asc, count, eq, ne } from "drizzle-orm";
import { type Executor, postgresCode, schema, type Tx } from "../../db/index.ts";
import { enqueue } from "../../platform/queue/index.ts";
import { findPhaseTrack, recordAudit } from "../shared/index.ts";
import { dutchDay } from "./cast-ballot.ts";
import { type BallotChoice, checkBallot } from "./check-ballot.ts";
import { BudgetingError } from "./errors.ts";
import { getRound, type Round } from "./get-round.ts";
import { insertBallots } from "./insert-ballots.ts";
import { listPlans } from "./list-plans.ts";
import { COUNT_ROUND_JOB, roundPhases } from "./round-phases.ts";
import { PAPER_LABEL_MAX } from "./rules.ts";

export type PaperBallot = { planIds: string[]; points: number[] | null };

const batches = schema.pbPaperBatches;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const entries = schema.pbPaperEntries;

/** Paper ballots are entered while voting is open and after it closes, until the result is published. */
async function requirePaperPhase(tx: Executor, round: Round) {
  const track = await findPhaseTrack(tx, roundPhases, { tenantId: round.tenantId, subjectId: round.id });
  if (track?.phase !== "voting" && track?.phase !== "counting") throw new BudgetingError("budgeting.paper-closed");
  return track.phase;
}

export async function createPaperBatch(
  tx: Tx,
  o: { tenantId: string; roundId: string; roundAreaId: string; label: string; actorPersonId: string; now: Date },
): Promise<{ id: string }> {
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId });
  await requirePaperPhase(tx, round);
  if (!round.areas.some((a) => a.id === o.roundAreaId)) throw new BudgetingError("budgeting.area-not-found");
  const label = o.label.trim();
  if (!label || label.length > PAPER_LABEL_MAX) throw new BudgetingError("budgeting.paper-label-invalid");
  try {
    const [batch] = await tx
      .insert(batches)
      .values({
        tenantId: o.tenantId,
        roundId: round.id,
        roundAreaId: o.roundAreaId,
        label,
        createdBy: o.actorPersonId,
        createdAt: o.now,
      })
      .returning({ id: batches.id });
    await recordAudit(tx, {
      tenantId: o.tenantId,
      actorPersonId: o.actorPersonId,
      action: "budgeting.paper.create",
      subject: label,
      details: { roundId: round.id, batchId: batch!.id },
    });
    return batch!;
  } catch (error) {
    if (postgresCode(error) === "23505") throw new BudgetingError("budgeting.paper-label-taken", { label });
    throw error;
  }
}

/**
 * The typed stack: one ballot per line, the plans' reference numbers separated by commas ("3, 7, 12"), with points
 * as "3:5" on a cumulative ballot, in order of preference on a ranking. Empty lines are skipped. Each line is
 * checked against the round's rules like an online ballot; the first bad line is named.
 */
export function parsePaperLines(
  text: string,
  o: {
    rules: Round["rules"];
    plans: readonly { id: string; reference: string; costEuros: number }[];
    budgetEuros: number;
  },
): PaperBallot[] {
  const byReference = new Map(o.plans.map((p) => [p.reference, p.id]));
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const ballots: PaperBallot[] = [];
  lines.forEach((line, i) => {
    if (!line) return;
    const bad = () => {
      throw new BudgetingError("budgeting.paper-line-invalid", { line: i + 1 });
    };
    const choices: BallotChoice[] = line.split(/[,;]/).map((part) => {
      const match = /^\s*([^:\s]+)\s*(?::\s*(\d{1,6}))?\s*$/.exec(part);
      const planId = match ? byReference.get(match[1]!) : undefined;
      if (!planId) return bad();
      if (o.rules.ballot.form === "cumulative") {
        if (match![2] === undefined) return bad();
        return { planId, points: Number(match![2]) };
      }
      if (match![2] !== undefined) return bad();
      return { planId };
    });
    try {
      ballots.push(checkBallot(o.rules.ballot, { choices, plans: o.plans, budgetEuros: o.budgetEuros }));
    } catch {
      bad();
    }
  });
  if (ballots.length === 0) throw new BudgetingError("budgeting.paper-empty");
  if (ballots.length > 10_000) throw new BudgetingError("budgeting.paper-line-invalid", { line: 10_001 });
  return ballots;
}

const same = (a: PaperBallot | undefined, b: PaperBallot | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * One staff member enters (or corrects) their entry of a batch, under the batch's row lock. With two entries from
 * two people the batch is compared line by line: equal, its ballots go into the count (once; a recount is queued
 * when voting has closed); different, it is blocked with the lines that differ until an entry is corrected.
 */
export async function enterPaperBatch(
  tx: Tx,
  o: { tenantId: string; roundId: string; batchId: string; personId: string; text: string; now: Date },
): Promise<{ status: "open" | "blocked" | "accepted"; differences: number[] }> {
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId });
  if (!UUID.test(o.batchId)) throw new BudgetingError("budgeting.paper-batch-not-found");
  const [batch] = await tx
    .select()
    .from(batches)
    .where(and(eq(batches.tenantId, o.tenantId), eq(batches.roundId, round.id), eq(batches.id, o.batchId)))
    .for("update");
  if (!batch) throw new BudgetingError("budgeting.paper-batch-not-found");
  if (batch.status === "accepted") throw new BudgetingError("budgeting.paper-batch-done");
  const phase = await requirePaperPhase(tx, round);
  const area = round.areas.find((a) => a.id === batch.roundAreaId)!;
  const plans = (
    await listPlans(tx, { tenantId: o.tenantId, roundId: round.id, roundAreaId: area.id, show: "ballot" })
  ).map((p) => ({ id: p.id, reference: p.reference, costEuros: p.officialCostEuros ?? p.estimatedCostEuros }));
  const ballots = parsePaperLines(o.text, { rules: round.rules, plans, budgetEuros: area.budgetEuros });
  const [{ others } = { others: 0 }] = await tx
    .select({ others: count() })
    .from(entries)
    .where(and(eq(entries.tenantId, o.tenantId), eq(entries.batchId, batch.id), ne(entries.enteredBy, o.personId)));
  if (others >= 2) throw new BudgetingError("budgeting.paper-third-person");
  await tx
    .insert(entries)
    .values({ tenantId: o.tenantId, batchId: batch.id, enteredBy: o.personId, ballots, enteredAt: o.now })
    .onConflictDoUpdate({ target: [entries.batchId, entries.enteredBy], set: { ballots, enteredAt: o.now } });
  const both = await tx
    .select({ ballots: entries.ballots })
    .from(entries)
    .where(and(eq(entries.tenantId, o.tenantId), eq(entries.batchId, batch.id)))
    .orderBy(asc(entries.enteredAt));
  let status: "open" | "blocked" | "accepted" = "open";
  let differences: number[] = [];
  if (both.length === 2) {
    const [a, b] = [both[0]!.ballots, both[1]!.ballots];
    differences = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i).flatMap((i) =>
      same(a[i], b[i]) ? [] : [i + 1],
    );
    status = differences.length === 0 ? "accepted" : "blocked";
  }
  await tx
    .update(batches)
    .set({ status, differences, acceptedAt: status === "accepted" ? o.now : null })
    .where(and(eq(batches.tenantId, o.tenantId), eq(batches.id, batch.id)));
  if (status === "accepted") {
    const castOn = dutchDay(o.now);
    await insertBallots(
      tx,
      ballots.map((ballot) => ({
        tenantId: o.tenantId,
        roundId: round.id,
        roundAreaId: area.id,
        castOn,
        source: "paper" as const,
        planIds: ballot.planIds,
        points: ballot.points,
      })),
    );
    if (phase === "counting") {
      await enqueue(tx, COUNT_ROUND_JOB, { tenantId: o.tenantId, roundId: round.id }, { runAt: o.now });
    }
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.personId,
    action: "budgeting.paper.enter",
    subject: batch.label,
    details: { roundId: round.id, batchId: batch.id, status, lines: ballots.length },
  });
  return { status, differences };
}

export type PaperBatch = {
  id: string;
  roundAreaId: string;
  areaName: string;
  label: string;
  status: "open" | "blocked" | "accepted";
  differences: number[];
  entries: number;
  enteredByMe: boolean;
  ballots: number;
};

export async function listPaperBatches(
  tx: Executor,
  o: { tenantId: string; roundId: string; personId: string },
): Promise<PaperBatch[]> {
  const rows = await tx
    .select({
      id: batches.id,
      roundAreaId: batches.roundAreaId,
      areaName: schema.pbRoundAreas.name,
      label: batches.label,
      status: batches.status,
      differences: batches.differences,
    })
    .from(batches)
    .innerJoin(schema.pbRoundAreas, eq(schema.pbRoundAreas.id, batches.roundAreaId))
    .where(and(eq(batches.tenantId, o.tenantId), eq(batches.roundId, o.roundId)))
    .orderBy(asc(batches.createdAt), asc(batches.label));
  const typed = await tx
    .select({ batchId: entries.batchId, enteredBy: entries.enteredBy, ballots: entries.ballots })
    .from(entries)
    .innerJoin(batches, eq(batches.id, entries.batchId))
    .where(and(eq(entries.tenantId, o.tenantId), eq(batches.roundId, o.roundId)));
  return rows.map((row) => {
    const mine = typed.filter((e) => e.batchId === row.id);
    return {
      ...row,
      entries: mine.length,
      enteredByMe: mine.some((e) => e.enteredBy === o.personId),
      ballots: mine[0]?.ballots.length ?? 0,
    };
  });
}
