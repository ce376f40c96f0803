import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

export type Lesson = Omit<typeof schema.lessons.$inferSelect, "searchVector" | "idempotencyKey">;
/** A published lesson as the knowledge bundle shows it, with the trajectory and municipality it comes from. */
export type BundledLesson = Lesson & {
  trajectory: { slug: string; title: string };
  municipalityName: string | null;
};

export type RecordLessonOptions = {
  programmeTenantId: string;
  trajectoryId: string;
  municipalityId?: string;
  kind: Lesson["kind"];
  theme: string;
  title: string;
  body: string;
  actorPersonId: string;
  /** The form's hidden key: submitting the same form twice records one lesson. */
  idempotencyKey?: string;
};

const columns = {
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

/** A lesson starts as a draft; `publishLesson` puts it in the knowledge bundle for everyone. */
export async function recordLesson(tx: Tx, o: RecordLessonOptions): Promise<Lesson> {
  if (o.kind === "municipal" && !o.municipalityId) throw new ProgrammeError("programme.lesson-needs-municipality");
  const { row: lesson, created } = await insertOnce(
    () =>
      tx
        .insert(schema.lessons)
        .values({
          tenantId: o.programmeTenantId,
          trajectoryId: o.trajectoryId,
          municipalityId: o.municipalityId,
          kind: o.kind,
          theme: o.theme,
          title: o.title,
          body: o.body,
          idempotencyKey: o.idempotencyKey,
        })
        .onConflictDoNothing()
        .returning(columns),
    () =>
      tx
        .select(columns)
        .from(schema.lessons)
        .where(
          and(
            eq(schema.lessons.tenantId, o.programmeTenantId),
            eq(schema.lessons.idempotencyKey, o.idempotencyKey ?? ""),
          ),
        ),
  );
  if (!created) return lesson;
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.lesson.record",
    subject: lesson.id,
  });
  return lesson;
}

export async function publishLesson(
  tx: Tx,
  o: { programmeTenantId: string; lessonId: string; actorPersonId: string; now: Date },
): Promise<Lesson> {
  const [lesson] = await tx
    .update(schema.lessons)
    .set({ publishedAt: o.now })
    .where(and(eq(schema.lessons.tenantId, o.programmeTenantId), eq(schema.lessons.id, o.lessonId)))
    .returning(columns);
  if (!lesson) throw new ProgrammeError("programme.lesson-not-found");
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.lesson.publish",
    subject: lesson.id,
  });
  return lesson;
}

export type LessonHit = BundledLesson & { snippet: string; rank: number };

const bundled = {
  ...columns,
  trajectory: { slug: schema.trajectories.slug, title: schema.trajectories.title },
  municipalityName: schema.tenants.name,
};

/** Published lessons, newest first, optionally of one theme: the bundle before anyone searches. */
export function listPublishedLessons(
  tx: Executor,
  o: { theme?: string; limit?: number } = {},
): Promise<BundledLesson[]> {
  return tx
    .select(bundled)
    .from(schema.lessons)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.lessons.trajectoryId))
    .leftJoin(schema.tenants, eq(schema.tenants.id, schema.lessons.municipalityId))
    .where(and(isNotNull(schema.lessons.publishedAt), o.theme ? eq(schema.lessons.theme, o.theme) : undefined))
    .orderBy(desc(schema.lessons.publishedAt), asc(schema.lessons.title))
    .limit(o.limit ?? 50);
}

/** The themes of published lessons, for the filter. */
export async function listLessonThemes(tx: Executor): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ theme: schema.lessons.theme })
    .from(schema.lessons)
    .where(isNotNull(schema.lessons.publishedAt))
    .orderBy(asc(schema.lessons.theme));
  return rows.map((row) => row.theme);
}

/** Drafts and published lessons alike, for the staff who write them. */
export function listAllLessons(tx: Executor, programmeTenantId: string): Promise<BundledLesson[]> {
  return tx
    .select(bundled)
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
      ...bundled,
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
