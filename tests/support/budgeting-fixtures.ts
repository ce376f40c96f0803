import { randomUUID } from "node:crypto";
import { type Database, schema, withPlatform, withTenant } from "../../src/db/index.ts";
import {
  countRound,
  createRound,
  type Eligibility,
  getRound,
  moderatePlan,
  type RoundRules,
  reviewFeasibility,
  roundPhases,
  submitPlan,
} from "../../src/domain/budgeting/index.ts";
import { movePhase, type PhaseDate } from "../../src/domain/shared/index.ts";
import { createTenant } from "../../src/domain/tenancy/index.ts";

export const KNAPSACK: RoundRules = {
  ballot: { form: "knapsack", minSharePercent: null },
  rule: "equal-shares-add1",
  comparisonRule: "greedy",
  tieBreak: "most-supporters",
  minAge: null,
};

export const NO_DATES: PhaseDate<(typeof roundPhases.phases)[number]>[] = roundPhases.phases
  .slice(1)
  .map((phase) => ({ phase, startsAt: null }));

export const MARCH = (day: number, hour = 9) => new Date(Date.UTC(2026, 2, day, hour));

export async function givenMunicipality(db: Database, slug = `gemeente-${randomUUID().slice(0, 8)}`) {
  const tenant = await withPlatform(db, (tx) =>
    createTenant(tx, { slug, name: `Gemeente ${slug}`, kind: "municipality" }),
  );
  const [person] = await db
    .insert(schema.people)
    .values({ displayName: "Medewerker", email: `${slug}@example.org` })
    .returning();
  return { tenantId: tenant.id, slug, personId: person!.id };
}

type PlanSpec = { area: number; title: string; cost: number };

/**
 * A round with areas and feasible plans, moved by hand up to the phase asked for (default: voting open). Plans go
 * through the same submit, publish and review steps as in the app.
 */
export async function givenRound(
  db: Database,
  o: {
    tenantId: string;
    personId: string;
    rules?: RoundRules;
    eligibility?: Eligibility;
    areas?: { name: string; budgetEuros: number }[];
    plans?: PlanSpec[];
    until?: "plans" | "review" | "voting";
  },
) {
  const { tenantId, personId } = o;
  const areas = o.areas ?? [{ name: "Centrum", budgetEuros: 100_000 }];
  const slug = `ronde-${randomUUID().slice(0, 8)}`;
  const round = await withTenant(db, { tenantId }, (tx) =>
    createRound(tx, {
      tenantId,
      actorPersonId: personId,
      slug,
      title: "Burgerbegroting",
      body: "",
      rules: o.rules ?? KNAPSACK,
      eligibility: o.eligibility,
      areas,
      schedule: NO_DATES,
      idempotencyKey: null,
      now: MARCH(1),
    }),
  );
  const move = async (from: (typeof roundPhases.phases)[number], to: (typeof roundPhases.phases)[number]) =>
    withTenant(db, { tenantId }, (tx) =>
      movePhase(tx, roundPhases, { tenantId, subjectId: round.id, from, to, actorPersonId: personId, now: MARCH(2) }),
    );
  await move("preparation", "plans");
  const { areas: roundAreas } = await withTenant(db, { tenantId }, (tx) => getRound(tx, { tenantId, id: round.id }));
  const plans: { id: string; reference: string; title: string }[] = [];
  for (const spec of o.plans ?? [{ area: 0, title: "Bankjes", cost: 10_000 }]) {
    const plan = await withTenant(db, { tenantId }, (tx) =>
      submitPlan(tx, {
        tenantId,
        roundSlug: slug,
        roundAreaId: roundAreas[spec.area]!.id,
        personId: null,
        title: spec.title,
        description: spec.title,
        location: "",
        estimatedCostEuros: spec.cost,
        idempotencyKey: randomUUID(),
        now: MARCH(3),
      }),
    );
    await withTenant(db, { tenantId }, async (tx) => {
      await moderatePlan(tx, {
        tenantId,
        roundId: round.id,
        planId: plan.id,
        actorPersonId: personId,
        decision: "publish",
      });
      await reviewFeasibility(tx, {
        tenantId,
        roundId: round.id,
        planId: plan.id,
        actorPersonId: personId,
        feasible: true,
        officialCostEuros: spec.cost,
        reason: "Kan.",
      });
    });
    plans.push({ ...plan, title: spec.title });
  }
  const until = o.until ?? "voting";
  if (until !== "plans") await move("plans", "review");
  if (until === "voting") await move("review", "voting");
  return { roundId: round.id, slug, areas: roundAreas, plans, move };
}

/**
 * Ballots in a round that is voting: `ballots` lists, per ballot, the indexes of the plans it names (all in the first
 * area). They go in as paper ballots already agreed, so no voting code is needed.
 */
export function givenBallots(
  db: Database,
  tenantId: string,
  round: Awaited<ReturnType<typeof givenRound>>,
  ballots: number[][],
) {
  return withTenant(db, { tenantId }, (tx) =>
    tx.insert(schema.pbBallots).values(
      ballots.map((names) => ({
        tenantId,
        roundId: round.roundId,
        roundAreaId: round.areas[0]!.id,
        castOn: "2026-03-08",
        source: "paper" as const,
        planIds: names.map((i) => round.plans[i]!.id),
      })),
    ),
  );
}

/** A round counted and published, with `ballots` as in `givenBallots`. */
export async function givenPublishedRound(db: Database, o: Parameters<typeof givenRound>[1] & { ballots: number[][] }) {
  const round = await givenRound(db, { ...o, until: "voting" });
  const { tenantId } = o;
  await givenBallots(db, tenantId, round, o.ballots);
  await round.move("voting", "counting");
  await withTenant(db, { tenantId }, (tx) => countRound(tx, { tenantId, roundId: round.roundId, now: MARCH(9) }));
  await round.move("counting", "results");
  return round;
}
