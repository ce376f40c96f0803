import { and, desc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { bundledLessonColumns, type LessonHit } from "./lesson.ts";

export type SearchLessonsOptions = { query: string; theme?: string; trajectoryId?: string; limit?: number };

/** The query's words in lower case, letters only: safe to put in a pattern or a tsquery. */
const queryWords = (query: string) => sql`regexp_split_to_table(lower(${query}::text), '[^[:alpha:]]+')`;

/**
 * A compound whose first part is written once for two words ("dorps- en wijkraden", "dorps-, wijk- en buurtraden"):
 * for each way to cut a query word into a first part and a rest, a pattern for that first part with a hyphen, "en"
 * or "of", and a word ending in the rest or its Dutch stem ("wijkraad", "wijkraden"); only lessons with one of the
 * first parts are read with it.
 */
function sharedFirstPart(query: string, text: SQL) {
  const cuts = sql`${queryWords(query)} as w, generate_series(3, length(w) - 3) as i`;
  // Null when no query word is long enough to cut.
  const firstParts = sql`(select to_tsquery('dutch', string_agg(left(w, i), ' | ')) from ${cuts})`;
  const rest = sql`substr(w, i + 1)`;
  const pattern = sql`(select string_agg('\\m' || left(w, i) || '-(,?\\s+\\w+-)*,?\\s+(en|of)\\s+\\w+(' || ${rest}
    || '|' || coalesce((ts_lexize('dutch_stem', ${rest}))[1], ${rest}) || ')', '|') from ${cuts})`;
  return { firstParts, matches: sql`(${schema.lessons.searchVector} @@ ${firstParts} and ${text} ~* ${pattern})` };
}

/**
 * Published lessons matching the words people type, best first (ADR 0034). A lesson matches by Dutch full-text
 * search (stems: "dorpsraad" finds "dorpsraden"); by the words of published lessons that pg_trgm finds similar to
 * each query word (compounds and parts: "initiatieven" finds "initiatievenloket", "initiatievenloket" finds
 * "initiatieven"); or by a shared first part ("dorpsraad" finds "dorps- en wijkraden"). The rank adds the full-text
 * rank of the words typed to that of the similar words, so a lesson with the word itself comes before one with only
 * its compounds. The snippet marks both with <mark>, every other character of the text escaped.
 */
export async function searchLessons(tx: Executor, o: SearchLessonsOptions): Promise<LessonHit[]> {
  const { searchVector, title, theme, body } = schema.lessons;
  const words = sql`websearch_to_tsquery('dutch', ${o.query})`;
  // Looked up once, before the lessons are read: inside their query it would be looked up once per use.
  const found = (await tx.execute(sql`select lesson_search_words(${o.query}::text)::text as similar`)) as unknown as {
    rows: { similar: string | null }[];
  };
  const similar = sql`${found.rows[0]?.similar ?? ""}::tsquery`;
  const rank = sql<number>`ts_rank(${searchVector}, ${words}) + ts_rank(${searchVector}, ${similar})`;
  const escapedBody = sql`replace(replace(replace(${body}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
  const shared = sharedFirstPart(o.query, sql`${title} || ' ' || ${theme} || ' ' || ${body}`);
  // Under row-level security the planner cannot use the full-text index (`@@` is not leakproof) and reads every
  // lesson; published_lessons_matching() finds the candidates with the index, as owner, among the published lessons
  // only. Row-level security still filters what they are joined back to, by id.
  const candidates = sql`${schema.lessons.id} in (select published_lessons_matching(${words} || ${similar} || coalesce(${shared.firstParts}, ''::tsquery)))`;
  return tx
    .select({
      ...bundledLessonColumns,
      rank,
      snippet: sql<string>`ts_headline('dutch', ${escapedBody}, ${words} || ${similar}, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15')`,
    })
    .from(schema.lessons)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.lessons.trajectoryId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, schema.lessons.municipalityId))
    .where(
      and(
        isNotNull(schema.lessons.publishedAt),
        candidates,
        sql`(${searchVector} @@ ${words} or ${searchVector} @@ ${similar} or ${shared.matches})`,
        o.theme ? eq(schema.lessons.theme, o.theme) : undefined,
        o.trajectoryId ? eq(schema.lessons.trajectoryId, o.trajectoryId) : undefined,
      ),
    )
    .orderBy(desc(rank), desc(schema.lessons.publishedAt))
    .limit(o.limit ?? 20);
}
