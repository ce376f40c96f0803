import { inTurn } from "../../../src/db/index.ts";
import { fundFigures, listFunds } from "../../../src/domain/initiatives/index.ts";
import { dutchDateOf } from "../../../src/domain/shared/index.ts";
import { problem, readMunicipalityForApi, sendList } from "../../api/respond.server.ts";
import { Fund } from "../../api/schemas.ts";
import type { Route } from "./+types/funds";

/** `funds`: per fund its rules and, for this year in cents, what the ledger derives; never an application or a name. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const year = Number(dutchDateOf(new Date()).slice(0, 4));
  const funds = await readMunicipalityForApi(context, params.slug, async (tx, tenantId) =>
    inTurn(await listFunds(tx, { tenantId }), async (fund) => ({ fund, figures: await fundFigures(tx, fund, year) })),
  );
  if (!funds) return problem(404, "Municipality not found");
  return sendList(
    Fund,
    funds.map(({ fund, figures }) => ({
      slug: fund.slug,
      name: fund.name,
      description: fund.description,
      rules: {
        maxPerApplication: fund.maxPerApplicationCents,
        yearlyBudget: fund.yearlyBudgetCents,
        coFinancingPercent: fund.coFinancingPercent,
        hourValue: fund.hourValueCents,
        leadTimeDays: fund.leadTimeDays,
        decisionTerm: { length: fund.decisionTermLength, unit: fund.decisionTermUnit, extension: fund.extensionLength },
        intake: fund.intake,
        decisionDates: fund.decisionDates,
        criteria: fund.criteria,
        requiredDocuments: fund.requiredDocuments,
        advancePercent: fund.advancePercent,
        reportTermWeeks: fund.reportTermWeeks,
      },
      year: figures.year,
      budget: figures.budget,
      granted: figures.granted,
      paid: figures.paid,
      available: figures.available,
    })),
  );
}
