import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { findPhaseTrack } from "../shared/index.ts";
import { type BallotChoice, type BallotPlan, checkBallot } from "./check-ballot.ts";
import { BudgetingError } from "./errors.ts";
import { getRoundWith, type Round } from "./get-round.ts";
import { ballotPlansOf, listPlans } from "./list-plans.ts";
import { roundPhases } from "./round-phases.ts";
import { hashCode, newReceiptCode } from "./voting-codes.ts";
import { takeVotingPass } from "./voting-passes.ts";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });
/** The Dutch calendar day of an instant: the only time a ballot or the register keeps. */
export const dutchDay = (instant: Date) => dayFormat.format(instant);

/**
 * The round and its area for a ballot, with the phase track read under a share lock: a phase move (which locks the
 * track for update) waits for the ballots in flight, and a ballot after the move sees voting closed. `also` is read
 * by the same statement (a code's area and its ballot's plans): every statement here is paid by each of the last
 * day's voters.
 */
async function openBallotBox<A extends Record<string, SQL>>(
  tx: Tx,
  o: { tenantId: string; roundSlug: string },
  also: A,
) {
  const opened = await getRoundWith(tx, { tenantId: o.tenantId, slug: o.roundSlug, trackLock: "share" }, also);
  if (opened.round.track.phase !== "voting") throw new BudgetingError("budgeting.voting-closed");
  return opened;
}

/** The plans on an area's ballot, read on their own (a cast by pass, whose area the voter chose). */
async function ballotPlans(tx: Executor, round: Round, roundAreaId: string): Promise<BallotPlan[]> {
  const plans = await listPlans(tx, { tenantId: round.tenantId, roundId: round.id, roundAreaId, show: "ballot" });
  return plans.map((p) => ({ id: p.id, costEuros: p.officialCostEuros ?? p.estimatedCostEuros }));
}

function checkedChoices(round: Round, roundAreaId: string, plans: BallotPlan[], choices: readonly BallotChoice[]) {
  const area = round.areas.find((a) => a.id === roundAreaId)!;
  return checkBallot(round.rules.ballot, { choices, plans, budgetEuros: area.budgetEuros });
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

const codes = schema.pbVotingCodes;
const register = schema.pbVoterRegister;
/** The register's row of a code, if it has voted: its key is `code:<id>`. */
const codeRegistered = and(
  eq(register.tenantId, codes.tenantId),
  eq(register.roundId, codes.roundId),
  eq(register.voterKey, sql`'code:' || ${codes.id}`),
);

/** The code's id and area if this round knows it and it has not voted; the caller has checked the phase. */
async function unusedCode(tx: Executor, o: { tenantId: string; roundId: string; code: string; key: string }) {
  const [code] = await tx
    .select({ id: codes.id, roundAreaId: codes.roundAreaId, votedOn: register.votedOn })
    .from(codes)
    .leftJoin(register, codeRegistered)
    .where(
      and(
        eq(codes.tenantId, o.tenantId),
        eq(codes.roundId, o.roundId),
        eq(codes.codeHash, hashCode(o.key, "code", o.code)),
      ),
    );
  return usable(code && { id: code.id, roundAreaId: code.roundAreaId, voted: code.votedOn !== null });
}

type CodeOnBallot = { id: string; roundAreaId: string; voted: boolean };

function usable<C extends CodeOnBallot>(code: C | null | undefined): C {
  if (!code) throw new BudgetingError("budgeting.code-invalid");
  if (code.voted) throw new BudgetingError("budgeting.already-voted");
  return code;
}

/**
 * A code of the round being read (`getRoundWith`), with whether it has voted and the plans on its area's ballot, as
 * one JSON value (null for a code the round does not know): a cast by code reads all it needs in one statement.
 */
const codeOnBallot = (codeHash: string) => {
  const rounds = schema.pbRounds;
  return sql<(CodeOnBallot & { plans: BallotPlan[] }) | null>`(
    select json_build_object('id', ${codes.id}, 'roundAreaId', ${codes.roundAreaId},
      'voted', exists (select from ${register} where ${codeRegistered}),
      'plans', ${ballotPlansOf({ tenantId: codes.tenantId, roundId: codes.roundId, roundAreaId: codes.roundAreaId })})
    from ${codes}
    where ${codes.tenantId} = ${rounds.tenantId} and ${codes.roundId} = ${rounds.id} and ${codes.codeHash} = ${codeHash})`;
};

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
 * One transaction: the voter is marked in the register (has voted, and the day), the ballot goes in with a random id,
 * the day and no reference to the code or pass, and the receipt's keyed hash is stored. Of two casts for one voter at
 * once (one code, or one e-mail address or `sub` with several passes), the second loses on the register's primary
 * key and gets `already-voted`; its transaction rolls back, ballot, pass and all. A cast by code is two statements:
 * one read (round, track, code, plans) and one write (ballot and register).
 */
export async function castBallot(tx: Tx, o: CastBallotOptions): Promise<{ receipt: string; round: Round }> {
  if ("code" in o) {
    const { round, also } = await openBallotBox(tx, o, { code: codeOnBallot(hashCode(o.key, "code", o.code)) });
    if (round.eligibility.identification !== "postal-code") throw new BudgetingError("budgeting.wrong-identification");
    const code = usable(also.code);
    const voter = { voterKey: `code:${code.id}`, roundAreaId: code.roundAreaId };
    return storeBallot(tx, round, voter, checkedChoices(round, code.roundAreaId, code.plans, o.choices), o);
  }
  // A pass's voter chose one of the round's areas (e-mail and DigiD do not tell where someone lives); the pass is
  // used up here, in the cast's transaction.
  const { round } = await openBallotBox(tx, o, {});
  if (round.eligibility.identification === "postal-code") throw new BudgetingError("budgeting.wrong-identification");
  if (!round.areas.some((a) => a.id === o.roundAreaId)) throw new BudgetingError("budgeting.area-not-found");
  const { voterKey } = await takeVotingPass(tx, { tenantId: o.tenantId, roundId: round.id, pass: o.pass, now: o.now });
  const plans = await ballotPlans(tx, round, o.roundAreaId);
  const choices = checkedChoices(round, o.roundAreaId, plans, o.choices);
  return storeBallot(tx, round, { voterKey, roundAreaId: o.roundAreaId }, choices, o);
}

/**
 * The ballot and the register's row in one statement. The ballot goes in first (a data-modifying CTE), the register's
 * row after it; when the register already has the voter, the statement returns no row and the refusal rolls the
 * caller's transaction back, the ballot with it.
 */
async function storeBallot(
  tx: Tx,
  round: Round,
  voter: { voterKey: string; roundAreaId: string },
  choices: { planIds: string[]; points: number[] | null },
  o: { tenantId: string; key: string; now: Date },
) {
  const day = dutchDay(o.now);
  const receipt = newReceiptCode();
  const ballot = tx.$with("ballot").as(
    tx
      .insert(schema.pbBallots)
      .values({
        tenantId: o.tenantId,
        roundId: round.id,
        roundAreaId: voter.roundAreaId,
        castOn: day,
        source: "online",
        planIds: choices.planIds,
        points: choices.points,
        receiptHash: hashCode(o.key, "receipt", receipt),
      })
      .returning({ id: schema.pbBallots.id }),
  );
  const [registered] = await tx
    .with(ballot)
    .insert(register)
    .values({ tenantId: o.tenantId, roundId: round.id, voterKey: voter.voterKey, votedOn: day })
    .onConflictDoNothing()
    .returning({ roundId: register.roundId });
  if (!registered) throw new BudgetingError("budgeting.already-voted");
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
  const { round } = await openBallotBox(tx, o, {});
  const ballot = await ballotByReceipt(tx, { ...o, roundId: round.id, forUpdate: true });
  const plans = await ballotPlans(tx, round, ballot.roundAreaId);
  const { planIds, points } = checkedChoices(round, ballot.roundAreaId, plans, o.choices);
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
