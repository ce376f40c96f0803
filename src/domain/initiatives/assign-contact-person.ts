import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { rolesGrant, rolesInTenant } from "../identity/index.ts";
import { recordAudit } from "../shared/index.ts";
import { InitiativesError } from "./errors.ts";
import type { InitiativeUrls } from "./initiative-links.ts";
import { isInitiativeOpen } from "./initiative-states.ts";
import { notifyInitiator } from "./notify-initiative.ts";

export type AssignContactPersonOptions = {
  tenantId: string;
  initiativeId: string;
  contactPersonId: string;
  /** The contact person the staff member saw on the page (null: none yet). Someone else's change meanwhile wins. */
  expectedContactPersonId: string | null;
  actorPersonId: string;
  urls: InitiativeUrls;
  now: Date;
};

const table = schema.initiatives;
const closed = schema.initiativeStatuses.filter((status) => !isInitiativeOpen(status));

/**
 * Staff give an initiative its contact person: a conditional update on the contact person the page showed, so of two
 * staff assigning at once exactly one wins and the other hears `initiatives.assigned-meanwhile`. The initiator gets
 * a mail with the contact person's name.
 */
export async function assignContactPerson(tx: Tx, o: AssignContactPersonOptions): Promise<void> {
  const roles = await rolesInTenant(tx, { personId: o.contactPersonId, tenantId: o.tenantId });
  if (!rolesGrant(roles, "initiatives:manage")) throw new InitiativesError("initiatives.not-staff");
  const [initiative] = await tx
    .update(table)
    .set({
      contactPersonId: o.contactPersonId,
      // The first assignment counts for the term; a later change of contact person does not move it.
      assignedAt: sql`coalesce(${table.assignedAt}, ${o.now.toISOString()}::timestamptz)`,
      updatedAt: o.now,
    })
    .where(
      and(
        eq(table.tenantId, o.tenantId),
        eq(table.id, o.initiativeId),
        o.expectedContactPersonId === null
          ? isNull(table.contactPersonId)
          : eq(table.contactPersonId, o.expectedContactPersonId),
        notInArray(table.status, closed),
      ),
    )
    .returning();
  if (!initiative) {
    const [current] = await tx
      .select({ status: table.status })
      .from(table)
      .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.initiativeId)));
    if (!current) throw new InitiativesError("initiatives.initiative-not-found");
    if (!isInitiativeOpen(current.status)) throw new InitiativesError("initiatives.closed");
    throw new InitiativesError("initiatives.assigned-meanwhile");
  }
  const [contact] = await tx
    .select({ name: schema.people.displayName })
    .from(schema.people)
    .where(eq(schema.people.id, o.contactPersonId));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.assign",
    subject: initiative.reference,
    details: { initiativeId: initiative.id, contactPersonId: o.contactPersonId },
  });
  await notifyInitiator(tx, {
    initiative,
    news: { kind: "assigned", contact: contact?.name ?? "" },
    urls: o.urls,
    now: o.now,
  });
}
