import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { CouncilsError } from "./errors.ts";
import { termRunsOn } from "./read-councils.ts";

/** Someone to mail, in the language they chose (Dutch unless they chose English). */
export type MailRecipient = { email: string; locale: "nl" | "en" };

/** A council's name and its secretaries today, for advice and contact mail. */
export type AdviceCouncil = { id: string; slug: string; name: string; secretaries: MailRecipient[] };

/**
 * The council, of this tenant, with the address and language of whoever holds its secretary's seat on `today`;
 * refused with `councils.not-found` otherwise.
 */
export async function requireCouncil(
  tx: Executor,
  o: { tenantId: string; councilId: string; today: string },
): Promise<AdviceCouncil> {
  const c = schema.councils;
  const [council] = await tx
    .select({ id: c.id, slug: c.slug, name: c.name })
    .from(c)
    .where(and(eq(c.tenantId, o.tenantId), eq(c.id, o.councilId)));
  if (!council) throw new CouncilsError("councils.not-found");
  const m = schema.councilMembers;
  const secretaries = await tx
    .select({ email: schema.people.email, locale: schema.people.locale })
    .from(m)
    .innerJoin(schema.people, eq(schema.people.id, m.personId))
    .where(and(eq(m.tenantId, o.tenantId), eq(m.councilId, o.councilId), eq(m.role, "secretary"), termRunsOn(o.today)));
  return { ...council, secretaries };
}

/** The municipality's councils by name, for choosing one and for naming them in the register. */
export async function listCouncilNames(tx: Executor, o: { tenantId: string }): Promise<{ id: string; name: string }[]> {
  return tx
    .select({ id: schema.councils.id, name: schema.councils.name })
    .from(schema.councils)
    .where(eq(schema.councils.tenantId, o.tenantId))
    .orderBy(asc(schema.councils.name));
}
