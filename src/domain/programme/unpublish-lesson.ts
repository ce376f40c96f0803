import { and, eq, isNotNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { type Lesson, lessonColumns } from "./lesson.ts";

/** Takes a lesson out of the knowledge bundle; it stays as a draft, to be corrected and published again. */
export async function unpublishLesson(
  tx: Tx,
  o: { programmeTenantId: string; lessonId: string; actorPersonId: string },
): Promise<Lesson> {
  const [lesson] = await tx
    .update(schema.lessons)
    .set({ publishedAt: null })
    .where(
      and(
        eq(schema.lessons.tenantId, o.programmeTenantId),
        eq(schema.lessons.id, o.lessonId),
        isNotNull(schema.lessons.publishedAt),
      ),
    )
    .returning(lessonColumns);
  if (!lesson) throw new ProgrammeError("programme.lesson-not-published");
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.lesson.unpublish",
    subject: lesson.id,
  });
  return lesson;
}
