import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { type Lesson, lessonColumns, requireKnownTheme } from "./lesson.ts";

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

/** A lesson starts as a draft; `publishLesson` puts it in the knowledge bundle for everyone. */
export async function recordLesson(tx: Tx, o: RecordLessonOptions): Promise<Lesson> {
  if (o.kind === "municipal" && !o.municipalityId) throw new ProgrammeError("programme.lesson-needs-municipality");
  await requireKnownTheme(tx, o.programmeTenantId, o.theme);
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
        .returning(lessonColumns),
    () =>
      tx
        .select(lessonColumns)
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
