import { eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { completeFirstFactor, type SignInResult } from "./complete-first-factor.ts";
import { IdentityError } from "./errors.ts";
import { passwordMatches } from "./passwords.ts";

export type SignInWithPasswordOptions = {
  email: string;
  password: string;
  returnTo?: string;
  userAgent?: string | null;
  now: Date;
};

/** One answer for "no such account", "no password" and "wrong password", in the same time. */
export async function signInWithPassword(tx: Executor, o: SignInWithPasswordOptions): Promise<SignInResult> {
  const [row] = await tx
    .select({ person: schema.people, passwordHash: schema.passwordCredentials.passwordHash })
    .from(schema.people)
    .innerJoin(schema.passwordCredentials, eq(schema.passwordCredentials.personId, schema.people.id))
    .where(sql`lower(${schema.people.email}) = lower(${o.email.trim()})`);
  if (!(await passwordMatches(row?.passwordHash, o.password)) || !row) {
    throw new IdentityError("identity.credentials-invalid");
  }
  return completeFirstFactor(tx, {
    person: row.person,
    method: "password",
    returnTo: o.returnTo,
    userAgent: o.userAgent,
    now: o.now,
  });
}
