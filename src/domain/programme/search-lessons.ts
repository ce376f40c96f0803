import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { bundledLessonColumns, type LessonHit } from "./lesson.ts";

export type SearchLessonsOptions = { query: string; theme?: string; trajectoryId?: string; limit?: number };

/**
 * Published lessons matching the words people type, best first; Dutch stemming finds "dorpsraden" for
 * "dorpsraad". The snippet marks the matches with <mark>, every other character of the text escaped.
 */
export async function searchLessons(tx: Executor, o: SearchLessonsOptions): Promise<LessonHit[]> {
  const query = sql`websearch_to_tsquery('dutch', ${o.query})`;
  const rank = sql<number>`ts_rank(${schema.lessons.searchVector}, ${query})`;
  const escapedBody = sql`replace(replace(replace(${schema.lessons.body}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
  return tx
    .select({
      ...bundledLessonColumns,
      rank,
      snippet: sql<string>`ts_headline('dutch', ${escapedBody}, ${query}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15')`,
    })
    .from(schema.lessons)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.lessons.trajectoryId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, schema.lessons.municipalityId))
    .where(
      and(
        isNotNull(schema.lessons.publishedAt),
        sql`${schema.lessons.searchVector} @@ ${query}`,
        o.theme ? eq(schema.lessons.theme, o.theme) : undefined,
        o.trajectoryId ? eq(schema.lessons.trajectoryId, o.trajectoryId) : undefined,
      ),
    )
    .orderBy(desc(rank), desc(schema.lessons.publishedAt))
    .limit(o.limit ?? 20);
}
