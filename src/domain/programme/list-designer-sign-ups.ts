import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { DesignerSignUp } from "./sign-up-designer.ts";

/** A trajectory's designer sign-ups, first come first; for programme staff only (the table is not public). */
export async function listDesignerSignUps(
  tx: Executor,
  o: { programmeTenantId: string; trajectoryId: string },
): Promise<DesignerSignUp[]> {
  const d = schema.designerSignups;
  return tx
    .select()
    .from(d)
    .where(and(eq(d.tenantId, o.programmeTenantId), eq(d.trajectoryId, o.trajectoryId)))
    .orderBy(asc(d.createdAt), asc(d.id));
}
