import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { ProgrammeError } from "./errors.ts";

export type DeleteDesignerSignUpOptions = {
  programmeTenantId: string;
  trajectoryId: string;
  signUpId: string;
  actorPersonId: string;
};

/**
 * Staff delete a designer's sign-up, for instance when the designer asks (they have no account to do it themselves).
 * The row goes; the audit line keeps who deleted it and when, not the designer's details.
 */
export async function deleteDesignerSignUp(tx: Tx, o: DeleteDesignerSignUpOptions): Promise<void> {
  const d = schema.designerSignups;
  const [deleted] = await tx
    .delete(d)
    .where(and(eq(d.tenantId, o.programmeTenantId), eq(d.trajectoryId, o.trajectoryId), eq(d.id, o.signUpId)))
    .returning({ id: d.id, createdAt: d.createdAt });
  if (!deleted) throw new ProgrammeError("programme.designer-sign-up-not-found");
  await recordAudit(tx, {
    tenantId: o.programmeTenantId,
    actorPersonId: o.actorPersonId,
    action: "programme.designer.delete",
    subject: deleted.id,
    details: { trajectoryId: o.trajectoryId, signedUpAt: deleted.createdAt.toISOString() },
  });
}
