import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

const t = schema.trajectories;

const summaryColumns = {
  id: t.id,
  slug: t.slug,
  title: t.title,
  theme: t.theme,
  summary: t.summary,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  durationMonths: t.durationMonths,
  minMunicipalities: t.minMunicipalities,
  maxMunicipalities: t.maxMunicipalities,
  applicationDeadlineOn: t.applicationDeadlineOn,
  sharesLocalSupport: t.sharesLocalSupport,
};

export type TrajectorySummary = {
  [K in keyof typeof summaryColumns]: (typeof t.$inferSelect)[K];
};

export type ListTrajectoriesOptions = { tenantId: string; theme?: string | undefined };

/** The offer: every trajectory, or those of one theme, by start date and then title. Public. */
export function listTrajectories(tx: Executor, o: ListTrajectoriesOptions): Promise<TrajectorySummary[]> {
  return tx
    .select(summaryColumns)
    .from(t)
    .where(and(eq(t.tenantId, o.tenantId), o.theme ? eq(t.theme, o.theme) : undefined))
    .orderBy(asc(t.startsOn), asc(t.title));
}

/** The themes that have at least one trajectory, alphabetically: the choices of the catalogue's filter. */
export async function listTrajectoryThemes(tx: Executor, tenantId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ theme: t.theme })
    .from(t)
    .where(eq(t.tenantId, tenantId))
    .orderBy(asc(t.theme));
  return rows.map((row) => row.theme);
}
