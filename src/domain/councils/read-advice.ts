import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type Advice = typeof schema.advice.$inferSelect;
/** What the public register shows of a piece of advice: everything except who acted and the form's key. */
export type PublicAdvice = Omit<
  Advice,
  "requestedById" | "advisedById" | "respondedById" | "idempotencyKey" | "tenantId"
>;

const publicColumns = {
  id: schema.advice.id,
  councilId: schema.advice.councilId,
  kind: schema.advice.kind,
  status: schema.advice.status,
  subject: schema.advice.subject,
  question: schema.advice.question,
  requestedOn: schema.advice.requestedOn,
  requestedAt: schema.advice.requestedAt,
  adviceTermLength: schema.advice.adviceTermLength,
  adviceTermUnit: schema.advice.adviceTermUnit,
  adviceDueOn: schema.advice.adviceDueOn,
  adviceText: schema.advice.adviceText,
  advisedOn: schema.advice.advisedOn,
  advisedAt: schema.advice.advisedAt,
  responseTermLength: schema.advice.responseTermLength,
  responseTermUnit: schema.advice.responseTermUnit,
  responseDueOn: schema.advice.responseDueOn,
  outcome: schema.advice.outcome,
  reasons: schema.advice.reasons,
  respondedOn: schema.advice.respondedOn,
  respondedAt: schema.advice.respondedAt,
  createdAt: schema.advice.createdAt,
} satisfies Record<keyof PublicAdvice, unknown>;

/**
 * A municipality's advice, newest first, optionally of one council. Never the people who acted: the register and
 * the API show what was asked, advised and answered, and when.
 */
export function listAdvice(tx: Executor, o: { tenantId: string; councilId?: string }): Promise<PublicAdvice[]> {
  const where: SQL[] = [eq(schema.advice.tenantId, o.tenantId)];
  if (o.councilId) where.push(eq(schema.advice.councilId, o.councilId));
  return tx
    .select(publicColumns)
    .from(schema.advice)
    .where(and(...where))
    .orderBy(desc(schema.advice.createdAt), asc(schema.advice.id));
}

export async function getAdvice(
  tx: Executor,
  o: { tenantId: string; adviceId: string },
): Promise<PublicAdvice | undefined> {
  const [row] = await tx
    .select(publicColumns)
    .from(schema.advice)
    .where(and(eq(schema.advice.tenantId, o.tenantId), eq(schema.advice.id, o.adviceId)));
  return row;
}

export async function findAdviceByKey(tx: Executor, o: { tenantId: string; key: string }): Promise<Advice | undefined> {
  const [row] = await tx
    .select()
    .from(schema.advice)
    .where(and(eq(schema.advice.tenantId, o.tenantId), eq(schema.advice.idempotencyKey, o.key)));
  return row;
}
