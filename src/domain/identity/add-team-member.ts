import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { normaliseEmail, recordAudit } from "../shared/index.ts";
import { IdentityError } from "./errors.ts";
import { findOrCreatePerson } from "./find-or-create-person.ts";
import { grantRole, type Role } from "./grant-role.ts";

/** Which roles staff can hand out in which kind of tenant. */
export const teamRoles = {
  programme: ["programme-staff", "supervisor"],
  municipality: ["municipal-coordinator", "municipal-staff", "council-member", "fund-committee"],
} as const satisfies Record<(typeof schema.tenantKinds)[number], readonly Role[]>;

export type AddTeamMemberOptions = { tenantId: string; actorPersonId: string; email: string; role: Role; now: Date };

/** Gives a colleague a role in the tenant, making an account for a new address; audited. */
export async function addTeamMember(tx: Executor, o: AddTeamMemberOptions): Promise<void> {
  const [tenant] = await tx.select().from(schema.tenants).where(eq(schema.tenants.id, o.tenantId));
  if (!tenant) throw new IdentityError("identity.tenant-not-found");
  if (!(teamRoles[tenant.kind] as readonly Role[]).includes(o.role)) {
    throw new IdentityError("identity.role-not-for-tenant", { role: o.role });
  }
  const email = normaliseEmail(o.email);
  const person = await findOrCreatePerson(tx, { email, displayName: email.split("@")[0]! });
  await grantRole(tx, { tenantId: o.tenantId, personId: person.id, role: o.role });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "identity.team-member-added",
    subject: email,
    details: { role: o.role },
  });
}
