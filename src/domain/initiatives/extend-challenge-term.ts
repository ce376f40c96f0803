import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { recordAudit, termCalendarOf } from "../shared/index.ts";
import { isDecided } from "./challenge-steps.ts";
import { getDeskSettings } from "./desk-settings.ts";
import { InitiativesError } from "./errors.ts";
import { municipalityName } from "./notify-initiative.ts";
import { extendOnce } from "./term-extension.ts";

export type ExtendChallengeTermOptions = {
  tenantId: string;
  challengeId: string;
  /** Why the municipality needs more time: mailed to the requester. */
  reason: string;
  actorPersonId: string;
  registerUrl: string;
  now: Date;
};

const table = schema.challenges;

/**
 * Staff extend the decision term of an undecided uitdaagrecht request, once, with reasons: by the municipality's
 * term (its weeks, past its days off) from the day the term would have ended. Under the request's row lock, so two
 * extensions at once give one; the register then shows the term as extended, and the requester gets a mail.
 */
export async function extendChallengeTerm(tx: Tx, o: ExtendChallengeTermOptions): Promise<{ decisionDueOn: string }> {
  const [challenge] = await tx
    .select()
    .from(table)
    .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.challengeId)))
    .for("update");
  if (!challenge) throw new InitiativesError("initiatives.challenge-not-found");
  if (isDecided(challenge.status)) throw new InitiativesError("initiatives.challenge-decided");
  const { challengeDecisionWeeks } = await getDeskSettings(tx, { tenantId: o.tenantId });
  const extended = extendOnce(
    { dueOn: challenge.decisionDueOn, extendedAt: challenge.extendedAt },
    { length: challengeDecisionWeeks, unit: "weeks" },
    { reason: o.reason, now: o.now, calendar: await termCalendarOf(tx, { tenantId: o.tenantId }) },
  );
  const reason = extended.extensionReason;
  await tx
    .update(table)
    .set({ decisionDueOn: extended.dueOn, extendedAt: extended.extendedAt, extensionReason: reason, updatedAt: o.now })
    .where(and(eq(table.tenantId, o.tenantId), eq(table.id, challenge.id)));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.challenge.extend",
    subject: challenge.reference,
    details: { challengeId: challenge.id, from: challenge.decisionDueOn, to: extended.dueOn, reason },
  });
  await enqueueMail(
    tx,
    {
      to: challenge.contactEmail,
      locale: challenge.locale,
      template: "challenge-extended",
      params: {
        municipality: await municipalityName(tx, o.tenantId),
        reference: challenge.reference,
        task: challenge.task,
        decisionDueOn: extended.dueOn,
        reason,
        url: o.registerUrl,
      },
    },
    { runAt: o.now },
  );
  return { decisionDueOn: extended.dueOn };
}
