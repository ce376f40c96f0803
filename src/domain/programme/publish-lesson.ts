import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";
import { type Lesson, lessonColumns } from "./lesson.ts";

export async function publishLesson(
  tx: Tx,
  o: { programmeTenantId: string; lessonId: string; actorPersonId: string; now: Date },
): Promise<Lesson> {
  const [lesson] = await tx
    .update(schema.lessons)
    .set({ publishedAt: o.now })
    .where(and(eq(schema.lessons.tenantId, o.programmeTenantId), eq(schema.lessons.id, o.lessonId)))
    .returning(lessonColumns);
  if (!lesson) throw new ProgrammeError("programme.lesson-not-found");
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.lesson.publish",
    subject: lesson.id,
  });
  return lesson;
}
