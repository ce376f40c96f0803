import { eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { Person } from "./find-or-create-person.ts";

export async function findPerson(tx: Executor, personId: string): Promise<Person | undefined> {
  const [person] = await tx.select().from(schema.people).where(eq(schema.people.id, personId));
  return person;
}
