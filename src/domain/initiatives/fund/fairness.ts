import { and, eq, gte, lt } from "drizzle-orm";
import { type Executor, schema } from "../../../db/index.ts";
import { type Area, listAreas } from "../../areas/index.ts";
import { addDays, dutchTime } from "../../shared/index.ts";
import { decisionDueOn, type Fund } from "./rules.ts";

/** One area's row: counts and sums only, per 1,000 residents where the CBS gives residents. */
export type FairnessRow = {
  areaId: string | null;
  area: string | null;
  residents: number | null;
  applications: number;
  decided: number;
  grants: number;
  grantedCents: number;
  applicationsPer1000: number | null;
  grantsPer1000: number | null;
  grantedCentsPer1000: number | null;
  /** Grants among decided applications, 0–1; null when none was decided. */
  grantRate: number | null;
};

export type Fairness = {
  year: number;
  rows: FairnessRow[];
  applications: number;
  /** Applications by someone who never applied before in this municipality, 0–1. */
  firstTimeShare: number | null;
  /** Calendar days from complete to decision, the median; null when nothing was decided. */
  medianDaysToDecision: number | null;
  /** The fund's term in calendar days, as the term of a complete application on 1 January would run. */
  termDays: number;
  /** Decisions on or before their due date, 0–1. */
  decidedInTimeShare: number | null;
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const per1000 = (n: number, residents: number | null) =>
  residents ? Math.round((n * 1000 * 100) / residents) / 100 : null;

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Whether a fund's money and attention reach every area (the workshop's "gelijke kansen"): per kern or wijk the
 * applications submitted in the year, the grants and amounts, per 1,000 residents, and the grant rate; the share of
 * first-time initiators; the median time to a decision against the term. Sums and counts only: no applicant, title
 * or single application leaves this function.
 */
export async function fundFairness(tx: Executor, o: { fund: Fund; year: number }): Promise<Fairness> {
  const { fund, year } = o;
  const a = schema.fundApplications;
  const rows = await tx
    .select({
      areaId: a.areaId,
      status: a.status,
      grantedCents: a.grantedCents,
      firstTime: a.firstTime,
      completeOn: a.completeOn,
      dueOn: a.dueOn,
      decidedOn: a.decidedOn,
    })
    .from(a)
    .where(
      and(
        eq(a.tenantId, fund.tenantId),
        eq(a.fundId, fund.id),
        gte(a.submittedAt, dutchTime(`${year}-01-01`)),
        lt(a.submittedAt, dutchTime(`${year + 1}-01-01`)),
      ),
    );
  const areas = await listAreas(tx, { tenantId: fund.tenantId });
  const byId = new Map(areas.map((area) => [area.id, area]));
  const top = (areaId: string | null): Area | undefined => {
    let area = areaId ? byId.get(areaId) : undefined;
    while (area?.kind === "buurt" && area.parentId) area = byId.get(area.parentId);
    return area?.kind === "municipality" ? undefined : area;
  };
  const tops = areas.filter((area) => area.kind === "kern" || area.kind === "wijk");
  const residentsOf = (area: Area) =>
    area.residents ??
    (areas.filter((child) => child.parentId === area.id).reduce((sum, child) => sum + (child.residents ?? 0), 0) ||
      null);
  const table = new Map<string | null, FairnessRow>(
    [...tops, undefined].map((area) => [
      area?.id ?? null,
      {
        areaId: area?.id ?? null,
        area: area?.name ?? null,
        residents: area ? residentsOf(area) : null,
        applications: 0,
        decided: 0,
        grants: 0,
        grantedCents: 0,
        applicationsPer1000: null,
        grantsPer1000: null,
        grantedCentsPer1000: null,
        grantRate: null,
      },
    ]),
  );
  for (const row of rows) {
    const entry = table.get(top(row.areaId)?.id ?? null)!;
    entry.applications += 1;
    if (row.status === "granted" || row.status === "refused") entry.decided += 1;
    if (row.status === "granted") {
      entry.grants += 1;
      entry.grantedCents += row.grantedCents ?? 0;
    }
  }
  const out = [...table.values()]
    .filter((row) => row.areaId !== null || row.applications > 0)
    .map((row) => ({
      ...row,
      applicationsPer1000: per1000(row.applications, row.residents),
      grantsPer1000: per1000(row.grants, row.residents),
      grantedCentsPer1000: row.residents ? Math.round((row.grantedCents * 1000) / row.residents) : null,
      grantRate: row.decided > 0 ? row.grants / row.decided : null,
    }));
  const decided = rows.filter((row) => row.decidedOn && row.completeOn);
  // The term as it runs for an application complete on the first Monday after 1 January (no holiday near it).
  const termStart = addDays(`${year}-01-01`, (8 - new Date(`${year}-01-01T00:00:00Z`).getUTCDay()) % 7 || 7);
  return {
    year,
    rows: out,
    applications: rows.length,
    firstTimeShare: rows.length ? rows.filter((row) => row.firstTime).length / rows.length : null,
    medianDaysToDecision: median(decided.map((row) => daysBetween(row.completeOn!, row.decidedOn!))),
    termDays: daysBetween(termStart, termDueFrom(fund, termStart)),
    decidedInTimeShare: decided.length
      ? decided.filter((row) => row.dueOn === null || row.decidedOn! <= row.dueOn).length / decided.length
      : null,
  };
}

const termDueFrom = (fund: Fund, from: string) => decisionDueOn({ ...fund, intake: "continuous" }, from);
