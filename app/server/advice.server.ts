import type { Executor } from "../../src/db/index.ts";
import {
  type AdviceTiming,
  adviceYearOf,
  type CouncilsErrorCode,
  listAdvice,
  listCouncilNames,
  type PublicAdvice,
  tallyAdvice,
  timingOf,
} from "../../src/domain/councils/index.ts";
import { councilErrors } from "./councils.server.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";

/**
 * The councils context's refusals as the advice forms show them: the context's own table, with "no such council"
 * pointed at the request form's council field.
 */
export const adviceErrors = {
  ...councilErrors,
  "councils.not-found": { status: 404, message: "advice.error.councilNotFound", field: "council" },
} as const satisfies Record<CouncilsErrorCode, DomainErrorAnswer>;

export type AdviceRow = PublicAdvice & { councilName: string; timing: AdviceTiming; year: number };
export type AdviceFilter = { councilId?: string; year?: number };

/**
 * The register as pages, the CSV and the API read it: each advice with its council's name, its timing at `now` and
 * its year, and the tallies per council and year (of the same filter). No person appears in it.
 */
export async function readAdviceRegister(tx: Executor, tenantId: string, now: Date, filter: AdviceFilter = {}) {
  const councils = await listCouncilNames(tx, { tenantId });
  const names = new Map(councils.map((council) => [council.id, council.name]));
  const all = await listAdvice(tx, { tenantId, councilId: filter.councilId });
  const rows: AdviceRow[] = all
    .map((row) => ({
      ...row,
      councilName: names.get(row.councilId) ?? "",
      timing: timingOf(row, now),
      year: adviceYearOf(row),
    }))
    .filter((row) => filter.year === undefined || row.year === filter.year);
  const years = [...new Set(all.map(adviceYearOf))].sort((a, b) => b - a);
  const tallies = tallyAdvice(rows, now)
    .map((tally) => ({ ...tally, councilName: names.get(tally.councilId) ?? "" }))
    .sort((a, b) => a.councilName.localeCompare(b.councilName, "nl") || b.year - a.year);
  return { councils, rows, tallies, years };
}

/** The filter a register URL asks for (`?raad=…&jaar=2026`); anything else is ignored, never an error. */
export function adviceFilterOf(request: Request): AdviceFilter {
  const search = new URL(request.url).searchParams;
  const council = search.get("raad") ?? "";
  const year = search.get("jaar") ?? "";
  return {
    councilId: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(council) ? council : undefined,
    year: /^\d{4}$/.test(year) ? Number(year) : undefined,
  };
}
