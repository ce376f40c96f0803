import { asc, inArray } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type AgendaItem = typeof schema.learningAgendaItems.$inferSelect;

export type LearningAgenda = {
  questions: AgendaItem[];
  actions: AgendaItem[];
  /**
   * Every municipality works on at least one concrete local action, done when all its actions are. "in-progress"
   * only when an action really is under way; agreed actions that nobody has started yet are "planned".
   */
  progress: "no-action-yet" | "planned" | "in-progress" | "completed";
};

/**
 * The learning agendas of several applications in one query, keyed by application: a page that lists a
 * municipality's applications asks once, not once per application. An application without items has an empty agenda.
 */
export async function listLearningAgendas(
  tx: Executor,
  applicationIds: readonly string[],
): Promise<Map<string, LearningAgenda>> {
  const items =
    applicationIds.length === 0
      ? []
      : await tx
          .select()
          .from(schema.learningAgendaItems)
          .where(inArray(schema.learningAgendaItems.applicationId, [...applicationIds]))
          .orderBy(asc(schema.learningAgendaItems.createdAt), asc(schema.learningAgendaItems.id));
  return new Map(
    applicationIds.map((id) => [id, agendaOf(items.filter((item) => item.applicationId === id))] as const),
  );
}

function agendaOf(items: AgendaItem[]): LearningAgenda {
  const actions = items.filter((item) => item.kind === "action");
  const progress: LearningAgenda["progress"] =
    actions.length === 0
      ? "no-action-yet"
      : actions.every((a) => a.status === "done")
        ? "completed"
        : actions.some((a) => a.status === "in-progress")
          ? "in-progress"
          : "planned";
  return { questions: items.filter((item) => item.kind === "question"), actions, progress };
}
