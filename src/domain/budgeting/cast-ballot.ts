import { and, eq, sql } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { findPhaseTrack } from "../shared/index.ts";
import { type BallotChoice, checkBallot } from "./check-ballot.ts";
import { BudgetingError } from "./errors.ts";
import { getRound, type Round } from "./get-round.ts";
import { listPlans } from "./list-plans.ts";
import { roundPhases } from "./round-phases.ts";
import { hashCode, newReceiptCode } from "./voting-codes.ts";
import { takeVotingPass } from "./voting-passes.ts";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });
/** The Dutch calendar day of an instant: the only time a ballot or the register keeps. */
export const dutchDay = (instant: Date) => dayFormat.format(instant);

/**
 * The round and its area for a ballot, with the phase track read under a share lock: a phase move (which locks the
 * track for update) waits for the ballots in flight, and a ballot after the move sees voting closed.
 */
async function openBallotBox(tx: Tx, o: { tenantId: string; roundSlug: string }): Promise<Round> {
  // One read of the track, under the lock: every statement here is paid by each of the last day's voters.
  const round = await getRound(tx, { tenantId: o.tenantId, slug: o.roundSlug, trackLock: "share" });
  if (round.track.phase !== "voting") throw new BudgetingError("budgeting.voting-closed");
  return round;
}

async function checkedChoices(tx: Executor, round: Round, roundAreaId: string, choices: readonly BallotChoice[]) {
  const area = round.areas.find((a) => a.id === roundAreaId)!;
  const plans = await listPlans(tx, { tenantId: round.tenantId, roundId: round.id, roundAreaId, show: "ballot" });
  return checkBallot(round.rules.ballot, {
    choices,
    plans: plans.map((p) => ({ id: p.id, costEuros: p.officialCostEuros ?? p.estimatedCostEuros })),
    budgetEuros: area.budgetEuros,
  });
}

/**
 * Which area a voting code votes in; `code-invalid` for a code this round does not know, and `already-voted` for a
 * used one, so that a voter learns it before filling in the ballot rather than after.
 */
export async function findVotingCode(
  tx: Executor,
  o: { tenantId: string; roundId: string; code: string; key: string },
): Promise<{ id: string; roundAreaId: string }> {
  const track = await findPhaseTrack(tx, roundPhases, { tenantId: o.tenantId, subjectId: o.roundId });
  if (track?.phase !== "voting") throw new BudgetingError("budgeting.voting-closed");
  return unusedCode(tx, o);
}

/** The code's id and area if this round knows it and it has not voted; the caller has checked the phase. */
async function unusedCode(tx: Executor, o: { tenantId: string; roundId: string; code: string; key: string }) {
  const codes = schema.pbVotingCodes;
  const register = schema.pbVoterRegister;
  const [code] = await tx
    .select({ id: codes.id, roundAreaId: codes.roundAreaId, votedOn: register.votedOn })
    .from(codes)
    .leftJoin(
      register,
      and(
        eq(register.tenantId, codes.tenantId),
        eq(register.roundId, codes.roundId),
        eq(register.voterKey, sql`'code:' || ${codes.id}`),
      ),
    )
    .where(
      and(
        eq(codes.tenantId, o.tenantId),
        eq(codes.roundId, o.roundId),
        eq(codes.codeHash, hashCode(o.key, "code", o.code)),
      ),
    );
  if (!code) throw new BudgetingError("budgeting.code-invalid");
  if (code.votedOn !== null) throw new BudgetingError("budgeting.already-voted");
  return { id: code.id, roundAreaId: code.roundAreaId };
}

/** How the voter shows they may vote: a postal voting code, or a pass (from a mailed link or after DigiD) and an area. */
export type Voter = { code: string } | { pass: string; roundAreaId: string };

export type CastBallotOptions = {
  tenantId: string;
  roundSlug: string;
  choices: readonly BallotChoice[];
  key: string;
  now: Date;
} & Voter;

/**
 * The register's key and the area for a cast. A code names its area; a pass's voter chose one of the round's areas
 * (e-mail and DigiD do not tell where someone lives), and the pass is used up here, in the cast's transaction.
 */
async function registerEntry(tx: Tx, round: Round, o: CastBallotOptions) {
  if ("code" in o) {
    const code = await unusedCode(tx, { tenantId: o.tenantId, roundId: round.id, code: o.code, key: o.key });
    return { voterKey: `code:${code.id}`, roundAreaId: code.roundAreaId };
  }
  if (round.eligibility.identification === "postal-code") throw new BudgetingError("budgeting.wrong-identification");
  if (!round.areas.some((a) => a.id === o.roundAreaId)) throw new BudgetingError("budgeting.area-not-found");
  const { voterKey } = await takeVotingPass(tx, { tenantId: o.tenantId, roundId: round.id, pass: o.pass, now: o.now });
  return { voterKey, roundAreaId: o.roundAreaId };
}

/**
 * One transaction: the voter is marked in the register (has voted, and the day), the ballot goes in with a random id,
 * the day and no reference to the code or pass, and the receipt's keyed hash is stored. Of two casts for one voter at
 * once (one code, or one e-mail address or `sub` with several passes), the second loses on the register's primary
 * key and gets `already-voted`; its transaction rolls back, pass and all.
 */
export async function castBallot(tx: Tx, o: CastBallotOptions): Promise<{ receipt: string; round: Round }> {
  const round = await openBallotBox(tx, o);
  if ("code" in o && round.eligibility.identification !== "postal-code") {
    throw new BudgetingError("budgeting.wrong-identification");
  }
  const { voterKey, roundAreaId } = await registerEntry(tx, round, o);
  const { planIds, points } = await checkedChoices(tx, round, roundAreaId, o.choices);
  const day = dutchDay(o.now);
  const [registered] = await tx
    .insert(schema.pbVoterRegister)
    .values({ tenantId: o.tenantId, roundId: round.id, voterKey, votedOn: day })
    .onConflictDoNothing()
    .returning({ roundId: schema.pbVoterRegister.roundId });
  if (!registered) throw new BudgetingError("budgeting.already-voted");
  const receipt = newReceiptCode();
  await tx.insert(schema.pbBallots).values({
    tenantId: o.tenantId,
    roundId: round.id,
    roundAreaId,
    castOn: day,
    source: "online",
    planIds,
    points,
    receiptHash: hashCode(o.key, "receipt", receipt),
  });
  return { receipt, round };
}

export type ChangeBallotOptions = {
  tenantId: string;
  roundSlug: string;
  receipt: string;
  choices: readonly BallotChoice[];
  key: string;
  now: Date;
};

async function ballotByReceipt(
  tx: Executor,
  o: { tenantId: string; roundId: string; receipt: string; key: string; forUpdate?: boolean },
) {
  const ballots = schema.pbBallots;
  const query = tx
    .select({ id: ballots.id, roundAreaId: ballots.roundAreaId, planIds: ballots.planIds, points: ballots.points })
    .from(ballots)
    .where(
      and(
        eq(ballots.tenantId, o.tenantId),
        eq(ballots.roundId, o.roundId),
        eq(ballots.receiptHash, hashCode(o.key, "receipt", o.receipt)),
      ),
    );
  const [ballot] = o.forUpdate ? await query.for("update") : await query;
  if (!ballot) throw new BudgetingError("budgeting.receipt-invalid");
  return ballot;
}

/** The voter's receipt finds the ballot, whose choices are replaced; the register does not change. */
export async function changeBallot(tx: Tx, o: ChangeBallotOptions): Promise<{ round: Round }> {
  const round = await openBallotBox(tx, o);
  const ballot = await ballotByReceipt(tx, { ...o, roundId: round.id, forUpdate: true });
  const { planIds, points } = await checkedChoices(tx, round, ballot.roundAreaId, o.choices);
  await tx.update(schema.pbBallots).set({ planIds, points }).where(eq(schema.pbBallots.id, ballot.id));
  return { round };
}

/** The ballot a receipt names, to show the voter their choices before changing them. */
export async function findBallotByReceipt(
  tx: Executor,
  o: { tenantId: string; roundId: string; receipt: string; key: string },
): Promise<{ roundAreaId: string; planIds: string[]; points: number[] | null }> {
  const { roundAreaId, planIds, points } = await ballotByReceipt(tx, o);
  return { roundAreaId, planIds, points };
}
