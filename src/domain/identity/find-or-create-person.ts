import { sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";

export type Person = typeof schema.people.$inferSelect;

export type FindOrCreatePersonOptions = { email: string; displayName: string; locale?: Person["locale"] };

/**
 * The person with this e-mail address (case-insensitive), created on first sight. The unique index decides, so
 * two simultaneous first sign-ins with one address make one person.
 */
export async function findOrCreatePerson(tx: Executor, options: FindOrCreatePersonOptions): Promise<Person> {
  const email = options.email.trim();
  await tx
    .insert(schema.people)
    .values({ email, displayName: options.displayName.trim(), locale: options.locale ?? "nl" })
    .onConflictDoNothing();
  const [person] = await tx.select().from(schema.people).where(sql`lower(${schema.people.email}) = lower(${email})`);
  return person!;
}
