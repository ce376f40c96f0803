import { and, eq, gt, isNull } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";
import type { SignInMethod } from "./create-session.ts";
import type { Person } from "./find-or-create-person.ts";

export type CurrentSession = {
  idHash: string;
  method: SignInMethod;
  acr: string | null;
  person: Person;
  signedInAt: Date;
};

/** The live session behind a cookie token: not expired, not revoked, its person not deleted. */
export async function findSession(tx: Executor, o: { token: string; now: Date }): Promise<CurrentSession | undefined> {
  const [row] = await tx
    .select({ session: schema.sessions, person: schema.people })
    .from(schema.sessions)
    .innerJoin(schema.people, eq(schema.people.id, schema.sessions.personId))
    .where(
      and(
        eq(schema.sessions.idHash, hashToken(o.token)),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, o.now),
      ),
    );
  if (!row) return undefined;
  const { idHash, method, acr, createdAt: signedInAt } = row.session;
  return { idHash, method, acr, person: row.person, signedInAt };
}
