import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { dueOn, insertOnce, recordAudit } from "../shared/index.ts";
import { openSubmission } from "./desk-settings.ts";
import { municipalityName } from "./notify-initiative.ts";

export type SubmitChallengeOptions = {
  tenantId: string;
  task: string;
  plan: string;
  budgetCents: number;
  neighbourhoodSupport: string;
  areaId: string | null;
  requester: "residents" | "organisation";
  organisation: string | null;
  contactName: string;
  contactEmail: string;
  locale: "nl" | "en";
  idempotencyKey: string;
  /** The public register, for the mail. */
  registerUrl: string;
  now: Date;
};

/**
 * Residents or an organisation ask to take over a municipal task. The request gets a reference and its decision
 * date (the municipality's term in weeks, moved past a weekend or holiday), and the requester a confirmation mail.
 */
export async function submitChallenge(
  tx: Tx,
  o: SubmitChallengeOptions,
): Promise<{ id: string; reference: string; created: boolean }> {
  const table = schema.challenges;
  const byKey = () =>
    tx
      .select()
      .from(table)
      .where(and(eq(table.tenantId, o.tenantId), eq(table.idempotencyKey, o.idempotencyKey)));
  const [repeat] = await byKey();
  if (repeat) return { id: repeat.id, reference: repeat.reference, created: false };
  const { submittedOn, reference, settings, calendar } = await openSubmission(tx, {
    tenantId: o.tenantId,
    areaId: o.areaId,
    kind: "challenge",
    now: o.now,
  });
  const { row, created } = await insertOnce(
    () =>
      tx
        .insert(table)
        .values({
          tenantId: o.tenantId,
          reference,
          task: o.task,
          plan: o.plan,
          budgetCents: o.budgetCents,
          neighbourhoodSupport: o.neighbourhoodSupport,
          areaId: o.areaId,
          requester: o.requester,
          organisation: o.requester === "organisation" ? o.organisation : null,
          contactName: o.contactName,
          contactEmail: o.contactEmail,
          locale: o.locale,
          submittedOn,
          decisionDueOn: dueOn(submittedOn, { length: settings.challengeDecisionWeeks, unit: "weeks" }, calendar),
          idempotencyKey: o.idempotencyKey,
          createdAt: o.now,
          updatedAt: o.now,
        })
        .onConflictDoNothing({ target: [table.tenantId, table.idempotencyKey] })
        .returning(),
    byKey,
  );
  if (created) {
    await recordAudit(tx, {
      tenantId: o.tenantId,
      actorPersonId: null,
      action: "initiatives.challenge.submit",
      subject: reference,
      details: { challengeId: row.id },
    });
    await enqueueMail(
      tx,
      {
        to: row.contactEmail,
        locale: row.locale,
        template: "challenge-status",
        params: {
          municipality: await municipalityName(tx, o.tenantId),
          reference,
          task: row.task,
          status: "received",
          decisionDueOn: row.decisionDueOn,
          reason: null,
          url: o.registerUrl,
        },
      },
      { runAt: o.now },
    );
  }
  return { id: row.id, reference: row.reference, created };
}
