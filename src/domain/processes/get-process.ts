import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { findPhaseTrack } from "../shared/index.ts";
import { type LinkedAdvice, type LinkedFund, type LinkedRound, linkedInstruments } from "./instruments.ts";
import { type ProcessTrackPhase, processPhases } from "./ladder.ts";

export type ProcessRow = typeof schema.processes.$inferSelect;
export type FeedbackPoint = Pick<
  typeof schema.processFeedback.$inferSelect,
  "position" | "point" | "outcome" | "reason"
>;
export type ProcessMoment = Omit<typeof schema.processMoments.$inferSelect, "tenantId" | "idempotencyKey"> & {
  /** Only what is published: empty until `feedbackPublishedAt`. */
  feedback: FeedbackPoint[];
  /** The burgerbegroting round this moment is, with its dates and status. */
  round: LinkedRound | null;
  /** The council's advice request this moment is, with its deadlines and status. */
  advice: LinkedAdvice | null;
  /** The initiatives fund this moment is. */
  fund: LinkedFund | null;
};
export type ProcessPhase = Omit<typeof schema.processPhases.$inferSelect, "tenantId"> & { moments: ProcessMoment[] };
export type ProcessDetails = ProcessRow & {
  phases: ProcessPhase[];
  /** Where the dated-phase machine has the process; null while it is a draft. */
  trackPhase: ProcessTrackPhase | null;
};

const p = schema.processes;

/** One process with its phases (in order of their stage), moments and published feedback. */
export async function getProcess(
  tx: Executor,
  o: { tenantId: string; slug?: string; id?: string; publishedOnly?: boolean },
): Promise<ProcessDetails | undefined> {
  const conditions: SQL[] = [eq(p.tenantId, o.tenantId)];
  if (o.slug !== undefined) conditions.push(eq(p.slug, o.slug));
  if (o.id !== undefined) conditions.push(eq(p.id, o.id));
  if (o.publishedOnly) conditions.push(eq(p.status, "published"));
  const [process] = await tx
    .select()
    .from(p)
    .where(and(...conditions));
  if (!process) return undefined;
  const [phases] = await loadPhases(tx, o.tenantId, [process.id]);
  const track = await findPhaseTrack(tx, processPhases, { tenantId: o.tenantId, subjectId: process.id });
  return { ...process, phases: phases ?? [], trackPhase: track?.phase ?? null };
}

/** The phases of several processes, each list in stage order, with moments and their published feedback. */
export async function loadPhases(tx: Executor, tenantId: string, processIds: string[]): Promise<ProcessPhase[][]> {
  if (processIds.length === 0) return [];
  const phases = await tx
    .select()
    .from(schema.processPhases)
    .where(and(eq(schema.processPhases.tenantId, tenantId), inArray(schema.processPhases.processId, processIds)))
    .orderBy(asc(schema.processPhases.startsOn));
  const moments = await tx
    .select()
    .from(schema.processMoments)
    .where(and(eq(schema.processMoments.tenantId, tenantId), inArray(schema.processMoments.processId, processIds)))
    .orderBy(asc(schema.processMoments.opensAt), asc(schema.processMoments.title));
  const momentIds = moments.map((m) => m.id);
  const feedback = momentIds.length
    ? await tx
        .select()
        .from(schema.processFeedback)
        .where(and(eq(schema.processFeedback.tenantId, tenantId), inArray(schema.processFeedback.momentId, momentIds)))
        .orderBy(asc(schema.processFeedback.position))
    : [];
  const linked = await linkedInstruments(tx, tenantId, moments);
  return processIds.map((processId) =>
    phases
      .filter((phase) => phase.processId === processId)
      .map(({ tenantId: _, ...phase }) => ({
        ...phase,
        moments: moments
          .filter((m) => m.phaseId === phase.id)
          .map(({ tenantId: _t, idempotencyKey: _k, ...moment }) => ({
            ...moment,
            round: linked.rounds.find((round) => round.id === moment.budgetRoundId) ?? null,
            advice: linked.advice.find((advice) => advice.id === moment.adviceId) ?? null,
            fund: linked.funds.find((fund) => fund.id === moment.fundId) ?? null,
            feedback: moment.feedbackPublishedAt
              ? feedback
                  .filter((f) => f.momentId === moment.id)
                  .map(({ position, point, outcome, reason }) => ({ position, point, outcome, reason }))
              : [],
          })),
      })),
  );
}
