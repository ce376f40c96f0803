import { and, eq, inArray } from "drizzle-orm";
import { type Executor, inTurn, schema } from "../../db/index.ts";
import { getRound, type RoundPhase } from "../budgeting/index.ts";
import { ProcessesError } from "./errors.ts";
import type { MomentMethod } from "./ladder.ts";

/**
 * The round a moment may point at: only a moment of the method `pb-round`, and only a round of the same
 * municipality. Any other method keeps its plain-text description and no link.
 */
export async function linkableRound(
  tx: Executor,
  tenantId: string,
  method: MomentMethod,
  roundId: string | null | undefined,
): Promise<string | null> {
  if (!roundId || method !== "pb-round") return null;
  const [round] = await tx
    .select({ id: schema.pbRounds.id })
    .from(schema.pbRounds)
    .where(and(eq(schema.pbRounds.tenantId, tenantId), eq(schema.pbRounds.id, roundId)));
  if (!round) throw new ProcessesError("processes.round-not-found");
  return round.id;
}

/** What the card shows of a linked round: its page, where it stands, and when each of its phases starts. */
export type LinkedRound = {
  id: string;
  slug: string;
  title: string;
  phase: RoundPhase;
  schedule: { phase: RoundPhase; startsAt: Date | null }[];
};

export async function linkedRounds(tx: Executor, tenantId: string, roundIds: string[]): Promise<LinkedRound[]> {
  const unique = [...new Set(roundIds)];
  return inTurn(unique, async (id) => {
    const round = await getRound(tx, { tenantId, id });
    return {
      id: round.id,
      slug: round.slug,
      title: round.title,
      phase: round.track.phase,
      schedule: round.track.schedule.map(({ phase, startsAt }) => ({ phase, startsAt })),
    };
  });
}

/** The published processes a round is a moment of influence in: its public page links back to them. */
export async function processesForRound(
  tx: Executor,
  o: { tenantId: string; roundId: string },
): Promise<{ slug: string; title: string; moment: string }[]> {
  const m = schema.processMoments;
  const p = schema.processes;
  const rows = await tx
    .select({ slug: p.slug, title: p.title, moment: m.title })
    .from(m)
    .innerJoin(p, eq(p.id, m.processId))
    .where(and(eq(m.tenantId, o.tenantId), eq(m.budgetRoundId, o.roundId), inArray(p.status, ["published"])));
  return rows;
}
