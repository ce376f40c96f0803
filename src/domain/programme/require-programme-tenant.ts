import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";

/** Programme content (trajectories, meetings, workshops) belongs to the national programme's tenant only. */
export async function requireProgrammeTenant(tx: Executor, tenantId: string): Promise<void> {
  const [tenant] = await tx
    .select({ id: schema.tenants.id })
    .from(schema.tenants)
    .where(and(eq(schema.tenants.id, tenantId), eq(schema.tenants.kind, "programme")));
  if (!tenant) throw new ProgrammeError("programme.not-programme-tenant");
}
