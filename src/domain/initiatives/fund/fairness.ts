import { and, eq, gte, lt } from "drizzle-orm";
import { type Executor, schema } from "../../../db/index.ts";
import { type Area, listAreas } from "../../areas/index.ts";
import { addDays, dutchTime } from "../../shared/index.ts";
import { decisionDueOn, type Fund } from "./rules.ts";

/**
 * An area with fewer applications than this shows no figures of its own: with one or two applications, a grant
 * rate or an amount is one resident's decision. The rule is stated on the page and applies to the CSV alike.
 */
export const SMALL_COUNT_THRESHOLD = 5;

/**
 * One area's row: counts and sums only, per 1,000 residents where the CBS gives residents. A suppressed row has
 * every figure null (`suppressed`); the suppressed areas are counted together in one row (`combined`, their names
 * in `areas`), which shows figures only when it reaches the threshold itself.
 */
export type FairnessRow = {
  areaId: string | null;
  area: string | null;
  residents: number | null;
  suppressed: boolean;
  /** For the row that takes the suppressed areas together: their names (the row without an area as null). */
  combined: Array<string | null> | null;
  applications: number | null;
  decided: number | null;
  grants: number | null;
  grantedCents: number | null;
  applicationsPer1000: number | null;
  grantsPer1000: number | null;
  grantedCentsPer1000: number | null;
  /** Grants among decided applications, 0–1; null when none was decided. */
  grantRate: number | null;
};

export type Fairness = {
  year: number;
  rows: FairnessRow[];
  threshold: number;
  applications: number;
  /** Applications by someone who never applied before in this municipality, 0–1; null below the threshold. */
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
  const table = new Map<string | null, Counted>(
    [...tops, undefined].map((area) => [
      area?.id ?? null,
      {
        areaId: area?.id ?? null,
        area: area?.name ?? null,
        residents: area ? residentsOf(area) : null,
        suppressed: false,
        combined: null,
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
  const out = suppressSmallCounts(
    [...table.values()]
      .filter((row) => row.areaId !== null || (row.applications ?? 0) > 0)
      .map((row) => withRates(row)),
  );
  const decided = rows.filter((row) => row.decidedOn && row.completeOn);
  const enough = rows.length >= SMALL_COUNT_THRESHOLD;
  // The term as it runs for an application complete on the first Monday after 1 January (no holiday near it).
  const termStart = addDays(`${year}-01-01`, (8 - new Date(`${year}-01-01T00:00:00Z`).getUTCDay()) % 7 || 7);
  return {
    year,
    rows: out,
    threshold: SMALL_COUNT_THRESHOLD,
    applications: rows.length,
    firstTimeShare: enough ? rows.filter((row) => row.firstTime).length / rows.length : null,
    medianDaysToDecision:
      decided.length >= SMALL_COUNT_THRESHOLD
        ? median(decided.map((row) => daysBetween(row.completeOn!, row.decidedOn!)))
        : null,
    termDays: daysBetween(termStart, termDueFrom(fund, termStart)),
    decidedInTimeShare:
      decided.length >= SMALL_COUNT_THRESHOLD
        ? decided.filter((row) => row.dueOn === null || row.decidedOn! <= row.dueOn).length / decided.length
        : null,
  };
}

type Counted = FairnessRow & { applications: number; decided: number; grants: number; grantedCents: number };

function withRates<Row extends Counted>(row: Row): Row {
  return {
    ...row,
    applicationsPer1000: per1000(row.applications, row.residents),
    grantsPer1000: per1000(row.grants, row.residents),
    grantedCentsPer1000: row.residents ? Math.round((row.grantedCents * 1000) / row.residents) : null,
    grantRate: row.decided > 0 ? row.grants / row.decided : null,
  };
}

const hidden = (row: FairnessRow): FairnessRow => ({
  ...row,
  suppressed: true,
  applications: null,
  decided: null,
  grants: null,
  grantedCents: null,
  applicationsPer1000: null,
  grantsPer1000: null,
  grantedCentsPer1000: null,
  grantRate: null,
});

/**
 * Small-count suppression. Primary: every area with 1 to threshold − 1 applications. Secondary: while the
 * suppressed areas together stay below the threshold, the smallest shown area joins them, because the fund's
 * public totals minus the shown rows would otherwise give a suppressed area's figures back. The suppressed areas
 * then appear as one row, with figures only when it reaches the threshold. Areas without applications show their
 * zeros: a zero says nothing about anyone.
 */
export function suppressSmallCounts(rows: readonly Counted[]): FairnessRow[] {
  const small = (row: Counted) => row.applications > 0 && row.applications < SMALL_COUNT_THRESHOLD;
  const suppressed = new Set(rows.filter(small));
  const total = () => [...suppressed].reduce((sum, row) => sum + row.applications, 0);
  const shownBySize = rows.filter((row) => !suppressed.has(row) && row.applications > 0);
  shownBySize.sort((a, b) => a.applications - b.applications);
  while (total() > 0 && total() < SMALL_COUNT_THRESHOLD && shownBySize.length > 0) suppressed.add(shownBySize.shift()!);
  if (suppressed.size === 0) return [...rows];
  // In the table's order, so the combined row names its areas as the table lists them.
  const members = rows.filter((row) => suppressed.has(row));
  const sum = (key: "applications" | "decided" | "grants" | "grantedCents") =>
    members.reduce((s, row) => s + row[key], 0);
  const together: Counted = withRates({
    areaId: null,
    area: null,
    residents: null,
    suppressed: false,
    combined: members.map((row) => row.area),
    applications: sum("applications"),
    decided: sum("decided"),
    grants: sum("grants"),
    grantedCents: sum("grantedCents"),
    applicationsPer1000: null,
    grantsPer1000: null,
    grantedCentsPer1000: null,
    grantRate: null,
  });
  return [
    ...rows.map((row) => (suppressed.has(row) ? hidden(row) : row)),
    together.applications >= SMALL_COUNT_THRESHOLD ? together : { ...hidden(together), combined: together.combined },
  ];
}

const termDueFrom = (fund: Fund, from: string) => decisionDueOn({ ...fund, intake: "continuous" }, from);
