import { and, eq, isNull, sql } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { findPhaseTrack, insertOnce, recordAudit } from "../shared/index.ts";
import { ProcessesError } from "./errors.ts";
import { processPhases } from "./ladder.ts";

export type SubmitEvaluationOptions = {
  tenantId: string;
  processId: string;
  clear: number;
  heard: number;
  feedbackGood: number;
  remark: string;
  idempotencyKey: string;
  now: Date;
};

/** A participant's evaluation, after the process has closed; anonymous, once per form. */
export async function submitEvaluation(tx: Tx, o: SubmitEvaluationOptions): Promise<void> {
  const track = await findPhaseTrack(tx, processPhases, { tenantId: o.tenantId, subjectId: o.processId });
  if (track?.phase !== "closed") throw new ProcessesError("processes.not-closed");
  const e = schema.processEvaluations;
  const { now, ...values } = o;
  await insertOnce(
    () =>
      tx
        .insert(e)
        .values({ ...values, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: e.id }),
    () =>
      tx
        .select({ id: e.id })
        .from(e)
        .where(and(eq(e.tenantId, o.tenantId), eq(e.idempotencyKey, o.idempotencyKey))),
  );
}

export type EvaluationResults = {
  count: number;
  /** Averages on the 1–5 scale, or null without answers. */
  clear: number | null;
  heard: number | null;
  feedbackGood: number | null;
  remarks: { id: string; remark: string; drafted: boolean }[];
};

/** Staff see per process how participants rated it, and what they wrote. */
export async function evaluationResults(
  tx: Executor,
  o: { tenantId: string; processId: string },
): Promise<EvaluationResults> {
  const e = schema.processEvaluations;
  const where = and(eq(e.tenantId, o.tenantId), eq(e.processId, o.processId));
  const [totals] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      clear: sql<string | null>`round(avg(${e.clear}), 1)`,
      heard: sql<string | null>`round(avg(${e.heard}), 1)`,
      feedbackGood: sql<string | null>`round(avg(${e.feedbackGood}), 1)`,
    })
    .from(e)
    .where(where);
  const remarks = await tx
    .select({ id: e.id, remark: e.remark, drafted: sql<boolean>`${e.lessonDraftedBy} is not null` })
    .from(e)
    .where(and(where, sql`${e.remark} <> ''`))
    .orderBy(e.createdAt);
  const num = (value: string | null | undefined) => (value == null ? null : Number(value));
  return {
    count: totals?.count ?? 0,
    clear: num(totals?.clear),
    heard: num(totals?.heard),
    feedbackGood: num(totals?.feedbackGood),
    remarks,
  };
}

/**
 * Marks an evaluation's remark as turned into a lesson, once: the caller records the draft lesson in the programme
 * with what this returns. Undefined when it was already drafted (a double click).
 */
export async function takeRemarkForLesson(
  tx: Tx,
  o: { tenantId: string; evaluationId: string; actorPersonId: string | null },
): Promise<{ remark: string; processTitle: string } | undefined> {
  const e = schema.processEvaluations;
  const [taken] = await tx
    .update(e)
    .set({ lessonDraftedBy: o.actorPersonId })
    .where(and(eq(e.tenantId, o.tenantId), eq(e.id, o.evaluationId), isNull(e.lessonDraftedBy)))
    .returning({ remark: e.remark, processId: e.processId });
  if (!taken) return undefined;
  if (!taken.remark) throw new ProcessesError("processes.no-remark");
  const [process] = await tx
    .select({ title: schema.processes.title })
    .from(schema.processes)
    .where(eq(schema.processes.id, taken.processId));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.lesson-drafted",
    subject: o.evaluationId,
  });
  return { remark: taken.remark, processTitle: process!.title };
}

/**
 * An evaluation's remark before it becomes a lesson: the caller records the draft in the programme (keyed by the
 * evaluation, so a retry makes no second one) and then marks it with `takeRemarkForLesson`.
 */
export async function findRemark(
  tx: Executor,
  o: { tenantId: string; evaluationId: string },
): Promise<{ remark: string; processTitle: string; drafted: boolean }> {
  const e = schema.processEvaluations;
  const [row] = await tx
    .select({ remark: e.remark, processTitle: schema.processes.title, drafted: e.lessonDraftedBy })
    .from(e)
    .innerJoin(schema.processes, eq(schema.processes.id, e.processId))
    .where(and(eq(e.tenantId, o.tenantId), eq(e.id, o.evaluationId)));
  if (!row) throw new ProcessesError("processes.not-found");
  if (!row.remark) throw new ProcessesError("processes.no-remark");
  return { remark: row.remark, processTitle: row.processTitle, drafted: row.drafted !== null };
}
