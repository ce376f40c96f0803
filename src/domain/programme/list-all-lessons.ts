import { and, asc, desc, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { type BundledLesson, bundledLessonColumns } from "./lesson.ts";

const staffLessons = (tx: Executor, programmeTenantId: string, lessonId?: string) =>
  tx
    .select(bundledLessonColumns)
    .from(schema.lessons)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.lessons.trajectoryId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, schema.lessons.municipalityId))
    .where(
      and(
        eq(schema.lessons.tenantId, programmeTenantId),
        lessonId === undefined ? undefined : eq(schema.lessons.id, lessonId),
      ),
    );

/** Drafts and published lessons alike, for the staff who write them. */
export function listAllLessons(tx: Executor, programmeTenantId: string): Promise<BundledLesson[]> {
  return staffLessons(tx, programmeTenantId).orderBy(
    sql`${schema.lessons.publishedAt} is not null`,
    desc(schema.lessons.publishedAt),
    asc(schema.lessons.title),
  );
}

/** One lesson, draft or published, for the staff page that edits it. */
export async function getLesson(
  tx: Executor,
  programmeTenantId: string,
  lessonId: string,
): Promise<BundledLesson | undefined> {
  const [lesson] = await staffLessons(tx, programmeTenantId, lessonId);
  return lesson;
}
