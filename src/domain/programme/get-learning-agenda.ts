import type { Executor } from "../../db/index.ts";
import { type LearningAgenda, listLearningAgendas } from "./list-learning-agendas.ts";

export async function getLearningAgenda(tx: Executor, applicationId: string): Promise<LearningAgenda> {
  return (await listLearningAgendas(tx, [applicationId])).get(applicationId)!;
}
