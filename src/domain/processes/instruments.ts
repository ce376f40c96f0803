import { and, eq, inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Executor, inTurn, schema } from "../../db/index.ts";
import { getRound, type RoundPhase } from "../budgeting/index.ts";
import { ProcessesError, type ProcessesErrorCode } from "./errors.ts";
import type { MomentMethod } from "./ladder.ts";

/**
 * The other instrument a moment of influence is, at most one: a burgerbegroting round (method `pb-round`), an advice
 * request to a council (`council-advice`) or an initiatives fund (`fund-round`).
 */
export type InstrumentLinks = { budgetRoundId: string | null; adviceId: string | null; fundId: string | null };

const rounds = schema.pbRounds;
const advice = schema.advice;
const funds = schema.initiativeFunds;

/**
 * The links a moment may keep: only the one its method names, and only to a record of the same municipality (an
 * unknown one is refused). Any other method keeps its plain-text description and no link.
 */
export async function linkableInstrument(
  tx: Executor,
  tenantId: string,
  o: { method: MomentMethod } & Partial<InstrumentLinks>,
): Promise<InstrumentLinks> {
  const none: InstrumentLinks = { budgetRoundId: null, adviceId: null, fundId: null };
  const check = async (table: LinkableTable, id: string, refusal: ProcessesErrorCode) => {
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.tenantId, tenantId), eq(table.id, id)));
    if (!row) throw new ProcessesError(refusal);
  };
  if (o.method === "pb-round" && o.budgetRoundId) {
    await check(rounds, o.budgetRoundId, "processes.round-not-found");
    return { ...none, budgetRoundId: o.budgetRoundId };
  }
  if (o.method === "council-advice" && o.adviceId) {
    await check(advice, o.adviceId, "processes.advice-not-found");
    return { ...none, adviceId: o.adviceId };
  }
  if (o.method === "fund-round" && o.fundId) {
    await check(funds, o.fundId, "processes.fund-not-found");
    return { ...none, fundId: o.fundId };
  }
  return none;
}

type LinkableTable = PgTable & { id: AnyPgColumn; tenantId: AnyPgColumn };

/** What the card shows of a linked round: its page, where it stands, and when each of its phases starts. */
export type LinkedRound = {
  id: string;
  slug: string;
  title: string;
  phase: RoundPhase;
  schedule: { phase: RoundPhase; startsAt: Date | null }[];
};

/** What the card shows of a linked advice request: the council, the subject, where it stands and its deadlines. */
export type LinkedAdvice = {
  id: string;
  council: string;
  subject: string;
  status: (typeof schema.adviceStatuses)[number];
  adviceDueOn: string | null;
  responseDueOn: string | null;
};

/** What the card shows of a linked fund: its name, and its page. */
export type LinkedFund = { id: string; slug: string; name: string };

export type LinkedInstruments = { rounds: LinkedRound[]; advice: LinkedAdvice[]; funds: LinkedFund[] };

/** The records the given moments link to, read once for all of them. */
export async function linkedInstruments(
  tx: Executor,
  tenantId: string,
  moments: readonly InstrumentLinks[],
): Promise<LinkedInstruments> {
  const ids = (pick: (links: InstrumentLinks) => string | null) => [
    ...new Set(moments.flatMap((m) => (pick(m) ? [pick(m)!] : []))),
  ];
  const roundIds = ids((m) => m.budgetRoundId);
  const adviceIds = ids((m) => m.adviceId);
  const fundIds = ids((m) => m.fundId);
  return {
    rounds: await inTurn(roundIds, async (id) => {
      const round = await getRound(tx, { tenantId, id });
      return {
        id: round.id,
        slug: round.slug,
        title: round.title,
        phase: round.track.phase,
        schedule: round.track.schedule.map(({ phase, startsAt }) => ({ phase, startsAt })),
      };
    }),
    advice: adviceIds.length
      ? await tx
          .select({
            id: advice.id,
            council: schema.councils.name,
            subject: advice.subject,
            status: advice.status,
            adviceDueOn: advice.adviceDueOn,
            responseDueOn: advice.responseDueOn,
          })
          .from(advice)
          .innerJoin(
            schema.councils,
            and(eq(schema.councils.tenantId, advice.tenantId), eq(schema.councils.id, advice.councilId)),
          )
          .where(and(eq(advice.tenantId, tenantId), inArray(advice.id, adviceIds)))
      : [],
    funds: fundIds.length
      ? await tx
          .select({ id: funds.id, slug: funds.slug, name: funds.name })
          .from(funds)
          .where(and(eq(funds.tenantId, tenantId), inArray(funds.id, fundIds)))
      : [],
  };
}

/**
 * The published processes that rounds, advice requests or funds are a moment of influence in, per linked record:
 * their pages link back.
 */
export async function processesLinkedTo(
  tx: Executor,
  o: { tenantId: string; instrument: "round" | "advice" | "fund"; ids: readonly string[] },
): Promise<{ linkedId: string; slug: string; title: string; moment: string }[]> {
  if (o.ids.length === 0) return [];
  const m = schema.processMoments;
  const p = schema.processes;
  const column = { round: m.budgetRoundId, advice: m.adviceId, fund: m.fundId }[o.instrument];
  const rows = await tx
    .select({ linkedId: column, slug: p.slug, title: p.title, moment: m.title })
    .from(m)
    .innerJoin(p, eq(p.id, m.processId))
    .where(and(eq(m.tenantId, o.tenantId), inArray(column, [...o.ids]), eq(p.status, "published")));
  return rows.map((row) => ({ ...row, linkedId: row.linkedId! }));
}
