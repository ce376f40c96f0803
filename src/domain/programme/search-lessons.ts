import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { bundledLessonColumns, type LessonHit } from "./lesson.ts";

export type SearchLessonsOptions = { query: string; theme?: string; trajectoryId?: string; limit?: number };

/** The query's words in lower case, letters only: safe to put in a pattern or a tsquery. */
const queryWords = (query: string) => sql`regexp_split_to_table(lower(${query}::text), '[^[:alpha:]]+')`;

/**
 * A compound whose first part is written once for two words ("dorps- en wijkraden", "dorps-, wijk- en buurtraden"):
 * for each way to cut a query word into a first part and a rest, a pattern for that first part with a hyphen, "en" or
 * "of", and a word ending in the rest's Dutch stem. Null when no word is long enough to cut.
 */
const elidedCompounds = (query: string) => sql`(
  select string_agg(
    '\\m' || left(w, i) || '-(,?\\s+\\w+-)*,?\\s+(en|of)\\s+\\w+'
      || coalesce((ts_lexize('dutch_stem', substr(w, i + 1)))[1], substr(w, i + 1)),
    '|')
  from ${queryWords(query)} as w, generate_series(3, length(w) - 3) as i)`;

/**
 * Published lessons matching the words people type, best first (ADR 0032). A lesson matches by Dutch full-text
 * search (stems: "dorpsraad" finds "dorpsraden"), by pg_trgm word similarity of the query with its text (parts and
 * compounds: "initiatieven" finds "initiatievenloket" and the other way round), or by a compound whose first part
 * is shared ("dorpsraad" finds "dorps- en wijkraden"). The rank adds the full-text rank to the word similarity, so
 * the words themselves come before their compounds. The snippet marks the matches, words beginning with a query
 * word included, with <mark>, every other character of the text escaped.
 */
export async function searchLessons(tx: Executor, o: SearchLessonsOptions): Promise<LessonHit[]> {
  const { searchVector, searchText } = schema.lessons;
  const query = sql`websearch_to_tsquery('dutch', ${o.query})`;
  const beginnings = sql`(select to_tsquery('dutch', string_agg(w || ':*', ' | ')) from ${queryWords(o.query)} as w where w <> '')`;
  const rank = sql<number>`ts_rank(${searchVector}, ${query}) + word_similarity(${o.query}::text, ${searchText})`;
  const escapedBody = sql`replace(replace(replace(${schema.lessons.body}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
  return tx
    .select({
      ...bundledLessonColumns,
      rank,
      snippet: sql<string>`ts_headline('dutch', ${escapedBody}, ${query} || coalesce(${beginnings}, ''), 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15')`,
    })
    .from(schema.lessons)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.lessons.trajectoryId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, schema.lessons.municipalityId))
    .where(
      and(
        isNotNull(schema.lessons.publishedAt),
        sql`(${searchVector} @@ ${query} or ${o.query}::text <% ${searchText} or ${searchText} ~* ${elidedCompounds(o.query)})`,
        o.theme ? eq(schema.lessons.theme, o.theme) : undefined,
        o.trajectoryId ? eq(schema.lessons.trajectoryId, o.trajectoryId) : undefined,
      ),
    )
    .orderBy(desc(rank), desc(schema.lessons.publishedAt))
    .limit(o.limit ?? 20);
}
