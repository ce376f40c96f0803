import { asc, isNotNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

/** The themes of published lessons, for the filter. */
export async function listLessonThemes(tx: Executor): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ theme: schema.lessons.theme })
    .from(schema.lessons)
    .where(isNotNull(schema.lessons.publishedAt))
    .orderBy(asc(schema.lessons.theme));
  return rows.map((row) => row.theme);
}
