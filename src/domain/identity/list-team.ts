import { asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { Role } from "./grant-role.ts";

export type TeamMember = {
  personId: string;
  displayName: string;
  email: string;
  /** The language they chose for the site and their mail. */
  locale: "nl" | "en";
  role: Role;
};

/** Everyone holding a role in the tenant. Run inside `withTenant`, so row-level security agrees. */
export function listTeam(tx: Executor, o: { tenantId: string }): Promise<TeamMember[]> {
  return tx
    .select({
      personId: schema.people.id,
      displayName: schema.people.displayName,
      email: schema.people.email,
      locale: schema.people.locale,
      role: schema.memberships.role,
    })
    .from(schema.memberships)
    .innerJoin(schema.people, eq(schema.people.id, schema.memberships.personId))
    .where(eq(schema.memberships.tenantId, o.tenantId))
    .orderBy(asc(schema.people.displayName), asc(schema.memberships.role));
}
