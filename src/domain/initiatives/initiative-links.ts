import { and, eq, gt } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { hashToken, newToken } from "../shared/index.ts";
import { InitiativesError } from "./errors.ts";

/** How long a link in a mail opens the initiative; every later mail brings a fresh one. */
export const LINK_DAYS = 365;

/**
 * Where the desk's mails point: the initiator's page (by secret link), the page that sends the links again when one
 * is lost, and the staff page of an initiative.
 */
export type InitiativeUrls = {
  initiator: (token: string) => string;
  lostLink: string;
  staff: (initiativeId: string) => string;
};

const links = schema.initiativeLinks;

/** A fresh secret link to the initiative for a mail to its initiator; only the hash is stored. */
export async function issueInitiativeLink(
  tx: Tx,
  o: { tenantId: string; initiativeId: string; now: Date },
): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(links).values({
    tenantId: o.tenantId,
    initiativeId: o.initiativeId,
    tokenHash: hash,
    createdAt: o.now,
    expiresAt: new Date(o.now.getTime() + LINK_DAYS * 86_400_000),
  });
  return token;
}

/** The initiative a link opens, or `initiatives.link-invalid` for an unknown or expired one. */
export async function initiativeIdOfLink(tx: Tx, o: { tenantId: string; token: string; now: Date }): Promise<string> {
  const [row] = await tx
    .select({ initiativeId: links.initiativeId })
    .from(links)
    .where(and(eq(links.tenantId, o.tenantId), eq(links.tokenHash, hashToken(o.token)), gt(links.expiresAt, o.now)));
  if (!row) throw new InitiativesError("initiatives.link-invalid");
  return row.initiativeId;
}
