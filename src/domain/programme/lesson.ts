import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";

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

/**
 * A lesson's theme is one of the programme's trajectory themes, so the public filter has one entry per theme: free
 * text once made a second "kernendemocratie" beside "Kernendemocratie".
 */
export async function requireKnownTheme(tx: Executor, programmeTenantId: string, theme: string): Promise<void> {
  const t = schema.trajectories;
  const [known] = await tx
    .select({ theme: t.theme })
    .from(t)
    .where(and(eq(t.tenantId, programmeTenantId), eq(t.theme, theme)))
    .limit(1);
  if (!known) throw new ProgrammeError("programme.unknown-theme");
}
