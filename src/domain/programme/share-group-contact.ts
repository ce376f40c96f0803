import { and, eq, ne } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

export type ShareGroupContactOptions = {
  municipalityId: string;
  applicationId: string;
  share: boolean;
  actorPersonId: string;
};

/**
 * The coordinator's opt-in: whether the other municipalities of the learning group see the application's first
 * contact. Only an admitted application is in a group. A conditional update, so two coordinators saving at once
 * cannot both record a change; saving what is already set changes nothing and is not audited.
 */
export async function shareGroupContact(tx: Tx, o: ShareGroupContactOptions): Promise<void> {
  const t = schema.applications;
  const own = and(eq(t.id, o.applicationId), eq(t.municipalityId, o.municipalityId));
  const [changed] = await tx
    .update(t)
    .set({ contactShared: o.share })
    .where(and(own, eq(t.status, "admitted"), ne(t.contactShared, o.share)))
    .returning({ id: t.id });
  if (!changed) {
    const [application] = await tx.select({ status: t.status }).from(t).where(own);
    if (!application) throw new ProgrammeError("programme.application-not-found");
    if (application.status !== "admitted") throw new ProgrammeError("programme.group-needs-admission");
    return;
  }
  await recordAudit(tx, {
    tenantId: o.municipalityId,
    actorPersonId: o.actorPersonId,
    action: o.share ? "programme.group.share-contact" : "programme.group.hide-contact",
    subject: o.applicationId,
  });
}
