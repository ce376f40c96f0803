import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { type BundledLesson, bundledLessonColumns } from "./lesson.ts";

/** Published lessons, newest first, optionally of one theme: the bundle before anyone searches. */
export function listPublishedLessons(
  tx: Executor,
  o: { theme?: string; limit?: number } = {},
): Promise<BundledLesson[]> {
  return tx
    .select(bundledLessonColumns)
    .from(schema.lessons)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.lessons.trajectoryId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, schema.lessons.municipalityId))
    .where(and(isNotNull(schema.lessons.publishedAt), o.theme ? eq(schema.lessons.theme, o.theme) : undefined))
    .orderBy(desc(schema.lessons.publishedAt), asc(schema.lessons.title))
    .limit(o.limit ?? 50);
}
