import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { dueOn, insertOnce, recordAudit } from "../shared/index.ts";
import { openSubmission } from "./desk-settings.ts";
import type { InitiativeUrls } from "./initiative-links.ts";
import { notifyInitiator } from "./notify-initiative.ts";

export type InitiativeSupportKind = (typeof schema.initiativeSupportKinds)[number];

export type SubmitInitiativeOptions = {
  tenantId: string;
  title: string;
  description: string;
  areaId: string | null;
  location: string;
  involved: string;
  support: readonly InitiativeSupportKind[];
  supportNote: string;
  initiatorName: string;
  initiatorEmail: string;
  locale: "nl" | "en";
  showcase: boolean;
  submittedById: string | null;
  idempotencyKey: string;
  urls: InitiativeUrls;
  now: Date;
};

/**
 * A resident hands in an initiative at the desk. It gets the next reference and the last day for staff to assign a
 * contact person (the municipality's term in working days), and the initiator a confirmation mail with the reference
 * and a secret link to follow it. Sending the same form twice makes one initiative.
 */
export async function submitInitiative(
  tx: Tx,
  o: SubmitInitiativeOptions,
): Promise<{ id: string; reference: string; created: boolean }> {
  const table = schema.initiatives;
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
    kind: "initiative",
    now: o.now,
  });
  const { row, created } = await insertOnce(
    () =>
      tx
        .insert(table)
        .values({
          tenantId: o.tenantId,
          reference,
          title: o.title,
          description: o.description,
          areaId: o.areaId,
          location: o.location,
          involved: o.involved,
          support: [...new Set(o.support)],
          supportNote: o.supportNote,
          initiatorName: o.initiatorName,
          initiatorEmail: o.initiatorEmail,
          locale: o.locale,
          showcase: o.showcase,
          submittedById: o.submittedById,
          submittedOn,
          assignDueOn: dueOn(submittedOn, { length: settings.assignWorkingDays, unit: "working-days" }, calendar),
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
      actorPersonId: o.submittedById,
      action: "initiatives.submit",
      subject: reference,
      details: { initiativeId: row.id },
    });
    await notifyInitiator(tx, { initiative: row, news: { kind: "received" }, urls: o.urls, now: o.now });
  }
  return { id: row.id, reference: row.reference, created };
}
