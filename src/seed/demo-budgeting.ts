import { type Database, withTenant } from "../db/index.ts";
import { listAreas } from "../domain/areas/index.ts";
import {
  castBallot,
  countRound,
  createCodeBatch,
  createRound,
  deriveVotingCode,
  formatCode,
  getRound,
  moderatePlan,
  postPlanUpdate,
  type RealisationStatus,
  type RoundPhase,
  reviewFeasibility,
  roundPhases,
  submitPlan,
} from "../domain/budgeting/index.ts";
import { movePhase, type PhaseDate } from "../domain/shared/index.ts";
import { DEMO_VOTING_CODE_KEY } from "../platform/config.ts";

/** Fixed batch ids: with the demo key they give the same voting codes on every machine (listed in the README). */
export const DEMO_CODE_BATCHES = [
  "7d1a0c2e-0000-4000-8000-000000000001",
  "7d1a0c2e-0000-4000-8000-000000000002",
  "7d1a0c2e-0000-4000-8000-000000000003",
] as const;
const VEENHOVEN_BATCH = "7d1a0c2e-0000-4000-8000-000000000010";

/** The first codes of each Dijkstad batch, as the README lists them. */
export function demoVotingCodes(perBatch = 2): string[][] {
  return DEMO_CODE_BATCHES.map((batch) =>
    Array.from({ length: perBatch }, (_, i) => formatCode(deriveVotingCode(DEMO_VOTING_CODE_KEY, batch, i))),
  );
}

type DemoPlan = readonly [area: number, title: string, description: string, cost: number];

const DIJKSTAD_PLANS: readonly DemoPlan[] = [
  [0, "Groene speelplek aan de Havenkade", "Een speelplek met bomen en water om mee te spelen.", 35_000],
  [0, "Bankjes langs de Dijkweg", "Tien bankjes om uit te rusten tijdens een wandeling.", 12_000],
  [0, "Fietsenstalling bij het station", "Overdekte plaats voor 80 fietsen.", 28_000],
  [1, "Buurtmoestuin Molenwijk", "Samen groenten kweken op het braakliggende veld.", 18_000],
  [1, "Verlichting in het Molenpark", "Veilige verlichting op de paden in het park.", 30_000],
  [1, "Pannakooi bij de school", "Een kooi voor voetbal, na schooltijd open.", 25_000],
  [2, "Wandelpad door de polder", "Een onverhard pad van 2 km langs de sloot.", 22_000],
  [2, "Hondenlosloopveld", "Een omheind veld waar honden los mogen lopen.", 15_000],
  [2, "Jeu-de-boulesbaan", "Een baan bij het buurthuis voor jong en oud.", 8_000],
];

const VEENHOVEN_PLANS: readonly DemoPlan[] = [
  [0, "Nieuwe sporthal", "Een sporthal voor de clubs van Veenhoven.", 80_000],
  [0, "Speeltuin op de Brink", "Nieuwe toestellen voor de speeltuin.", 20_000],
  [0, "Bibliotheekhoek in Aldeveen", "Een leeshoek met boeken in het dorpshuis.", 20_000],
  [0, "Opknappen dorpshuis Witteveen", "Nieuwe keuken en verlichting.", 30_000],
];

/**
 * News on the plans Veenhoven's round funded (equal shares funds these three; greedy would have built the sports
 * hall instead), oldest first, with fixed dates: the same on every machine, whatever the clock says.
 */
const VEENHOVEN_UPDATES: readonly (readonly [plan: string, status: RealisationStatus, on: string, body: string])[] = [
  [
    "Speeltuin op de Brink",
    "planned",
    "2026-01-20",
    "De kinderen van basisschool De Brink hebben de toestellen gekozen: een kabelbaan, een glijbaan en een zandbak met water.",
  ],
  [
    "Bibliotheekhoek in Aldeveen",
    "in-progress",
    "2026-02-16",
    "De kasten staan in het dorpshuis. De bibliotheek brengt 400 boeken, vrijwilligers zetten ze in de kasten.",
  ],
  [
    "Speeltuin op de Brink",
    "in-progress",
    "2026-04-07",
    "De oude toestellen zijn weg. De nieuwe komen eind april; tot dan is de speeltuin dicht.",
  ],
  [
    "Bibliotheekhoek in Aldeveen",
    "realised",
    "2026-04-21",
    "De leeshoek is open op dinsdag- en donderdagmiddag. Lenen kan met de bibliotheekpas, en zonder pas ook.",
  ],
  [
    "Speeltuin op de Brink",
    "realised",
    "2026-05-16",
    "De speeltuin is weer open. De dorpsraad heeft hem samen met de kinderen geopend.",
  ],
  [
    "Opknappen dorpshuis Witteveen",
    "planned",
    "2026-06-09",
    "De nieuwe keuken is besteld. De verlichting volgt na de zomer, als er minder activiteiten zijn.",
  ],
  [
    "Opknappen dorpshuis Witteveen",
    "in-progress",
    "2026-09-28",
    "De keuken staat erin. Deze maand komt de nieuwe verlichting; het dorpshuis blijft open.",
  ],
];

const dates = (): PhaseDate<RoundPhase>[] => roundPhases.phases.slice(1).map((phase) => ({ phase, startsAt: null }));

async function seedRound(
  db: Database,
  o: {
    tenantId: string;
    now: Date;
    slug: string;
    title: string;
    body: string;
    areas: { name: string; budgetEuros: number }[];
    plans: readonly DemoPlan[];
  },
) {
  const { tenantId, now } = o;
  // Each budget belongs to one of the municipality's CBS areas (seeded before this), found by its name.
  const known = await withTenant(db, { tenantId }, (tx) => listAreas(tx, { tenantId }));
  const areaIdOf = (name: string) =>
    known.find((a) => a.kind !== "buurt" && (a.name === name || `Gemeente ${a.name}` === name))?.id ?? null;
  const round = await withTenant(db, { tenantId }, (tx) =>
    createRound(tx, {
      tenantId,
      actorPersonId: null,
      slug: o.slug,
      title: o.title,
      body: o.body,
      rules: {
        ballot: { form: "knapsack", minSharePercent: null },
        rule: "equal-shares-add1",
        comparisonRule: "greedy",
        tieBreak: "most-supporters",
        minAge: 12,
      },
      areas: o.areas.map((area) => ({ ...area, areaId: areaIdOf(area.name) })),
      schedule: dates(),
      idempotencyKey: null,
      now,
    }),
  );
  const move = (from: RoundPhase, to: RoundPhase) =>
    withTenant(db, { tenantId }, (tx) =>
      movePhase(tx, roundPhases, { tenantId, subjectId: round.id, from, to, actorPersonId: null, now }),
    );
  await move("preparation", "plans");
  const { areas } = await withTenant(db, { tenantId }, (tx) => getRound(tx, { tenantId, id: round.id }));
  const planIds: string[] = [];
  for (const [i, [area, title, description, cost]] of o.plans.entries()) {
    await withTenant(db, { tenantId }, async (tx) => {
      const plan = await submitPlan(tx, {
        tenantId,
        roundSlug: o.slug,
        roundAreaId: areas[area]!.id,
        personId: null,
        title,
        description,
        location: "",
        estimatedCostEuros: cost,
        idempotencyKey: `demo-${o.slug}-${i}`,
        now,
      });
      await moderatePlan(tx, {
        tenantId,
        roundId: round.id,
        planId: plan.id,
        actorPersonId: null,
        decision: "publish",
      });
      await reviewFeasibility(tx, {
        tenantId,
        roundId: round.id,
        planId: plan.id,
        actorPersonId: null,
        feasible: true,
        officialCostEuros: cost,
        reason: "De gemeente kan dit uitvoeren voor dit bedrag.",
      });
      planIds.push(plan.id);
    });
  }
  await move("plans", "review");
  await move("review", "voting");
  return { roundId: round.id, areas, planIds, move };
}

/**
 * Dijkstad: a round in three wijken with voting open and demo voting codes. Veenhoven: a finished, published round
 * whose ballots are generated here, so that greedy and equal shares choose visibly different plans, now in its
 * realisation with dated news on the funded plans.
 */
export async function seedBudgeting(
  db: Database,
  tenantIds: ReadonlyMap<string, string>,
  { now, publicUrl }: { now: Date; publicUrl: string },
) {
  const key = DEMO_VOTING_CODE_KEY;
  const dijkstad = tenantIds.get("dijkstad");
  if (dijkstad) {
    const round = await seedRound(db, {
      tenantId: dijkstad,
      now,
      slug: "burgerbegroting-2026",
      title: "Burgerbegroting Dijkstad 2026",
      body: "Inwoners van drie wijken bepalen samen waar het geld voor hun wijk aan wordt besteed.",
      areas: [
        { name: "Centrum", budgetEuros: 60_000 },
        { name: "Dijkstad-Noord", budgetEuros: 50_000 },
        { name: "Polderzoom", budgetEuros: 40_000 },
      ],
      plans: DIJKSTAD_PLANS,
    });
    for (const [i, batchId] of DEMO_CODE_BATCHES.entries()) {
      await withTenant(db, { tenantId: dijkstad }, (tx) =>
        createCodeBatch(tx, {
          tenantId: dijkstad,
          roundId: round.roundId,
          roundAreaId: round.areas[i]!.id,
          size: 20,
          key,
          actorPersonId: null,
          now,
          batchId,
        }),
      );
    }
  }
  const veenhoven = tenantIds.get("veenhoven");
  if (veenhoven) {
    const round = await seedRound(db, {
      tenantId: veenhoven,
      now,
      slug: "dorpsbudget-2025",
      title: "Dorpsbudget Veenhoven 2025",
      body: "De uitslag van het dorpsbudget: iedere stemmer had evenveel invloed op de verdeling.",
      areas: [{ name: "Gemeente Veenhoven", budgetEuros: 100_000 }],
      plans: VEENHOVEN_PLANS,
    });
    const [sporthal, speeltuin, bibliotheek, dorpshuis] = round.planIds as [string, string, string, string];
    await withTenant(db, { tenantId: veenhoven }, (tx) =>
      createCodeBatch(tx, {
        tenantId: veenhoven,
        roundId: round.roundId,
        roundAreaId: round.areas[0]!.id,
        size: 100,
        key,
        actorPersonId: null,
        now,
        batchId: VEENHOVEN_BATCH,
      }),
    );
    // 60 voters want the sports hall and the playground, 40 the library corner and the village hall.
    for (let i = 0; i < 100; i++) {
      const choice = i < 60 ? [sporthal, speeltuin] : [bibliotheek, dorpshuis];
      await withTenant(db, { tenantId: veenhoven }, (tx) =>
        castBallot(tx, {
          tenantId: veenhoven,
          roundSlug: "dorpsbudget-2025",
          code: deriveVotingCode(key, VEENHOVEN_BATCH, i),
          choices: choice.map((planId) => ({ planId })),
          key,
          now,
        }),
      );
    }
    await round.move("voting", "counting");
    await withTenant(db, { tenantId: veenhoven }, (tx) =>
      countRound(tx, { tenantId: veenhoven, roundId: round.roundId, now }),
    );
    await round.move("counting", "results");
    const base = `${publicUrl}/veenhoven`;
    for (const [i, [title, status, happenedOn, body]] of VEENHOVEN_UPDATES.entries()) {
      await withTenant(db, { tenantId: veenhoven }, (tx) =>
        postPlanUpdate(tx, {
          tenantId: veenhoven,
          roundSlug: "dorpsbudget-2025",
          planId: round.planIds[VEENHOVEN_PLANS.findIndex((plan) => plan[1] === title)]!,
          status,
          body,
          happenedOn,
          actorPersonId: null,
          idempotencyKey: `demo-dorpsbudget-2025-${i}`,
          realisationUrl: `${base}/burgerbegroting/dorpsbudget-2025/uitvoering`,
          unsubscribeBase: `${base}/volgen/afmelden`,
          now,
        }),
      );
    }
    await round.move("results", "realisation");
  }
}
