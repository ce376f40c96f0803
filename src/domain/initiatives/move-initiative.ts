import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { InitiativesError } from "./errors.ts";
import type { InitiativeUrls } from "./initiative-links.ts";
import { type InitiativeStatus, initiativeStatusesBefore } from "./initiative-states.ts";
import { notifyInitiator } from "./notify-initiative.ts";

export type MoveInitiativeOptions = {
  tenantId: string;
  initiativeId: string;
  to: InitiativeStatus;
  /** Shown to the initiator with the new status, in the thread and in the mail. */
  reason: string;
  actorPersonId: string;
  urls: InitiativeUrls;
  now: Date;
};

const table = schema.initiatives;

/**
 * One step in the state table, with its reason: a conditional update on the statuses the step may follow, so two
 * staff deciding at once cannot both act. `in-progress` needs a contact person. The step is written into the
 * thread and mailed to the initiator.
 */
export async function moveInitiative(tx: Tx, o: MoveInitiativeOptions): Promise<void> {
  const reason = o.reason.trim();
  if (reason === "") throw new InitiativesError("initiatives.reason-required");
  const from = initiativeStatusesBefore(o.to);
  const [initiative] =
    from.length === 0
      ? []
      : await tx
          .update(table)
          .set({ status: o.to, statusReason: reason, updatedAt: o.now })
          .where(
            and(
              eq(table.tenantId, o.tenantId),
              eq(table.id, o.initiativeId),
              inArray(table.status, from),
              ...(o.to === "in-progress" ? [isNotNull(table.contactPersonId)] : []),
            ),
          )
          .returning();
  if (!initiative) {
    const [current] = await tx
      .select({ status: table.status, contactPersonId: table.contactPersonId })
      .from(table)
      .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.initiativeId)));
    if (!current) throw new InitiativesError("initiatives.initiative-not-found");
    if (from.includes(current.status) && current.contactPersonId === null) {
      throw new InitiativesError("initiatives.no-contact-person");
    }
    throw new InitiativesError("initiatives.step-not-allowed", { from: current.status, to: o.to });
  }
  await tx.insert(schema.initiativeMessages).values({
    tenantId: o.tenantId,
    initiativeId: initiative.id,
    author: "municipality",
    authorPersonId: o.actorPersonId,
    body: reason,
    status: o.to,
    createdAt: o.now,
  });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: `initiatives.status.${o.to}`,
    subject: initiative.reference,
    details: { initiativeId: initiative.id },
  });
  await notifyInitiator(tx, { initiative, news: { kind: "status", status: o.to, reason }, urls: o.urls, now: o.now });
}
