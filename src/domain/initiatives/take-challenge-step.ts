import { and, eq, inArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { dutchDateOf, recordAudit } from "../shared/index.ts";
import { type ChallengeStep, challengeSteps, isDecided } from "./challenge-steps.ts";
import { InitiativesError } from "./errors.ts";
import { municipalityName } from "./notify-initiative.ts";

export type TakeChallengeStepOptions = {
  tenantId: string;
  challengeId: string;
  step: ChallengeStep;
  /** Required for a decision: the register publishes it. */
  reason: string;
  actorPersonId: string;
  registerUrl: string;
  now: Date;
};

const table = schema.challenges;

/**
 * One step on an uitdaagrecht request: a conditional update on the statuses it may follow, so two staff deciding at
 * once cannot both act. A decision carries its reasons and its date; the requester gets a mail.
 */
export async function takeChallengeStep(tx: Tx, o: TakeChallengeStepOptions): Promise<void> {
  const { from, to } = challengeSteps[o.step];
  const reason = o.reason.trim();
  if (isDecided(to) && reason === "") throw new InitiativesError("initiatives.reason-required");
  const [challenge] = await tx
    .update(table)
    .set({
      status: to,
      updatedAt: o.now,
      ...(isDecided(to) ? { decisionReason: reason, decidedOn: dutchDateOf(o.now), decidedById: o.actorPersonId } : {}),
    })
    .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.challengeId), inArray(table.status, [...from])))
    .returning();
  if (!challenge) {
    const [current] = await tx
      .select({ status: table.status })
      .from(table)
      .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.challengeId)));
    if (!current) throw new InitiativesError("initiatives.challenge-not-found");
    throw new InitiativesError("initiatives.challenge-step-not-allowed", { from: current.status, to });
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: `initiatives.challenge.${o.step}`,
    subject: challenge.reference,
    details: { challengeId: challenge.id },
  });
  await enqueueMail(
    tx,
    {
      to: challenge.contactEmail,
      locale: challenge.locale,
      template: "challenge-status",
      params: {
        municipality: await municipalityName(tx, o.tenantId),
        reference: challenge.reference,
        task: challenge.task,
        status: to,
        decisionDueOn: challenge.decisionDueOn,
        reason: isDecided(to) ? reason : null,
        url: o.registerUrl,
      },
    },
    { runAt: o.now },
  );
}
