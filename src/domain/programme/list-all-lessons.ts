import { and, asc, desc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { type BundledLesson, bundledLessonColumns } from "./lesson.ts";

/** Joined with the trajectory and the municipality each lesson comes from; `lessonId` for one. */
const staffLessons = (programmeTenantId: string, lessonId?: string) => ({
  trajectory: eq(schema.trajectories.id, schema.lessons.trajectoryId),
  municipality: eq(schema.tenants.id, schema.lessons.municipalityId),
  where: and(
    eq(schema.lessons.tenantId, programmeTenantId),
    lessonId === undefined ? undefined : eq(schema.lessons.id, lessonId),
  ),
});

/** Lessons on one page of the staff list: a programme some years in has thousands. */
export const STAFF_LESSONS_PER_PAGE = 50;

export type StaffLessonLine = Omit<BundledLesson, "body">;

const { body: _body, ...lineColumns } = bundledLessonColumns;

/**
 * One page (from 1) of the lessons for the staff who write them, without their texts: the drafts first, by title,
 * then the published ones, newest first (`published_at desc` puts the drafts' nulls first, in the order of
 * `lessons_staff_order_idx`, so a page reads only its own rows and the one after). `hasMore` when a next page has
 * lessons.
 */
export async function listAllLessons(
  tx: Executor,
  o: { programmeTenantId: string; page: number },
): Promise<{ lessons: StaffLessonLine[]; hasMore: boolean }> {
  const on = staffLessons(o.programmeTenantId);
  const rows = await tx
    .select(lineColumns)
    .from(schema.lessons)
    .innerJoin(schema.trajectories, on.trajectory)
    .leftJoin(schema.tenants, on.municipality)
    .where(on.where)
    .orderBy(desc(schema.lessons.publishedAt), asc(schema.lessons.title), asc(schema.lessons.id))
    .limit(STAFF_LESSONS_PER_PAGE + 1)
    .offset((o.page - 1) * STAFF_LESSONS_PER_PAGE);
  return { lessons: rows.slice(0, STAFF_LESSONS_PER_PAGE), hasMore: rows.length > STAFF_LESSONS_PER_PAGE };
}

/** One lesson, draft or published, for the staff page that edits it. */
export async function getLesson(
  tx: Executor,
  programmeTenantId: string,
  lessonId: string,
): Promise<BundledLesson | undefined> {
  const on = staffLessons(programmeTenantId, lessonId);
  const [lesson] = await tx
    .select(bundledLessonColumns)
    .from(schema.lessons)
    .innerJoin(schema.trajectories, on.trajectory)
    .leftJoin(schema.tenants, on.municipality)
    .where(on.where);
  return lesson;
}
