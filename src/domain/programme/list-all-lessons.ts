import { asc, desc, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { type BundledLesson, bundledLessonColumns } from "./lesson.ts";

/** Drafts and published lessons alike, for the staff who write them. */
export function listAllLessons(tx: Executor, programmeTenantId: string): Promise<BundledLesson[]> {
  return tx
    .select(bundledLessonColumns)
    .from(schema.lessons)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.lessons.trajectoryId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, schema.lessons.municipalityId))
    .where(eq(schema.lessons.tenantId, programmeTenantId))
    .orderBy(
      sql`${schema.lessons.publishedAt} is not null`,
      desc(schema.lessons.publishedAt),
      asc(schema.lessons.title),
    );
}
