import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { type Lesson, lessonColumns, requireKnownTheme } from "./lesson.ts";

export type EditLessonOptions = {
  programmeTenantId: string;
  lessonId: string;
  theme: string;
  title: string;
  body: string;
  actorPersonId: string;
};

/**
 * Staff correct a lesson's theme, title or text, published or not; a published lesson changes in the bundle at
 * once. The audit row keeps the text as it was, so nothing said in the bundle is lost.
 */
export async function editLesson(tx: Tx, o: EditLessonOptions): Promise<Lesson> {
  await requireKnownTheme(tx, o.programmeTenantId, o.theme);
  const where = and(eq(schema.lessons.tenantId, o.programmeTenantId), eq(schema.lessons.id, o.lessonId));
  const [before] = await tx.select(lessonColumns).from(schema.lessons).where(where).for("update");
  if (!before) throw new ProgrammeError("programme.lesson-not-found");
  const [lesson] = await tx
    .update(schema.lessons)
    .set({ theme: o.theme, title: o.title, body: o.body })
    .where(where)
    .returning(lessonColumns);
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.lesson.edit",
    subject: o.lessonId,
    details: { before: { theme: before.theme, title: before.title, body: before.body } },
  });
  return lesson!;
}
