import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dutchDateOf, isLate, recordAudit } from "../shared/index.ts";
import { scheduleAdviceNotices } from "./advice-notices.ts";
import { type AdviceOutcome, refusalOf } from "./advice-states.ts";
import { CouncilsError } from "./errors.ts";

export type RespondToAdviceOptions = {
  tenantId: string;
  adviceId: string;
  outcome: AdviceOutcome;
  /** What was done with the advice, and why. */
  reasons: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * The municipality's response: adopted, partly adopted or not adopted, with its reasons. A conditional update
 * (`where status = 'advised'`): of two responses sent at once exactly one is recorded, the other is refused with
 * `councils.advice-already-answered`.
 */
export async function respondToAdvice(
  tx: Tx,
  o: RespondToAdviceOptions,
): Promise<{ late: boolean; respondedOn: string }> {
  const respondedOn = dutchDateOf(o.now);
  const mine = and(eq(schema.advice.tenantId, o.tenantId), eq(schema.advice.id, o.adviceId));
  const [updated] = await tx
    .update(schema.advice)
    .set({
      status: "responded",
      outcome: o.outcome,
      reasons: o.reasons,
      respondedOn,
      respondedAt: o.now,
      respondedById: o.actorPersonId,
    })
    .where(and(mine, eq(schema.advice.status, "advised")))
    .returning({ id: schema.advice.id, responseDueOn: schema.advice.responseDueOn });
  if (!updated) {
    const [current] = await tx.select({ status: schema.advice.status }).from(schema.advice).where(mine);
    throw new CouncilsError(
      current ? (refusalOf("respond", current.status) ?? "councils.advice-not-found") : "councils.advice-not-found",
    );
  }
  const late = updated.responseDueOn ? isLate({ dueOn: updated.responseDueOn, doneAt: o.now, now: o.now }) : false;
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "councils.advice-responded",
    subject: o.adviceId,
    details: { outcome: o.outcome, late },
  });
  await scheduleAdviceNotices(tx, {
    tenantId: o.tenantId,
    adviceId: o.adviceId,
    event: "responded",
    side: "response",
    dueOn: null,
    reminderDays: 0,
    now: o.now,
  });
  return { late, respondedOn };
}
