import { schema } from "../../db/index.ts";

export type Lesson = Omit<typeof schema.lessons.$inferSelect, "searchVector" | "idempotencyKey">;
/** A published lesson as the knowledge bundle shows it, with the trajectory and municipality it comes from. */
export type BundledLesson = Lesson & {
  trajectory: { slug: string; title: string };
  municipalityName: string | null;
};

export type LessonHit = BundledLesson & { snippet: string; rank: number };

/** The columns a lesson is read with everywhere: never its search vector or idempotency key. */
export const lessonColumns = {
  id: schema.lessons.id,
  tenantId: schema.lessons.tenantId,
  trajectoryId: schema.lessons.trajectoryId,
  municipalityId: schema.lessons.municipalityId,
  kind: schema.lessons.kind,
  theme: schema.lessons.theme,
  title: schema.lessons.title,
  body: schema.lessons.body,
  publishedAt: schema.lessons.publishedAt,
};

/** A lesson with the trajectory and municipality it comes from, for queries that join both. */
export const bundledLessonColumns = {
  ...lessonColumns,
  trajectory: { slug: schema.trajectories.slug, title: schema.trajectories.title },
  municipalityName: schema.tenants.name,
};
