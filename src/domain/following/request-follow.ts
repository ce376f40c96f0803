import { schema, type Tx } from "../../db/index.ts";
import { enqueueMail } from "../../mail/index.ts";
import { newToken, normaliseEmail } from "../shared/index.ts";

export type RequestFollowOptions = {
  tenantId: string;
  email: string;
  /** What is followed, e.g. `process:<id>` (see `topicOf`). */
  topic: string;
  /** The subject's name in the confirmation mail. */
  title: string;
  locale: "nl" | "en";
  /** The confirmation page's address for a secret. */
  linkFor: (token: string) => string;
  now: Date;
};

/**
 * Starts a double opt-in: one confirmation mail with a fresh link. Asking again issues a new link; a confirmed
 * follow stays as it is, and a stopped one comes back only when the new link is followed. The caller answers the
 * same whether or not the address was known.
 */
export async function requestFollow(tx: Tx, o: RequestFollowOptions): Promise<void> {
  const { token, hash } = newToken();
  await tx
    .insert(schema.follows)
    .values({
      tenantId: o.tenantId,
      email: normaliseEmail(o.email),
      topic: o.topic,
      locale: o.locale,
      confirmTokenHash: hash,
      unsubscribeToken: newToken().token,
      createdAt: o.now,
    })
    .onConflictDoUpdate({
      target: [schema.follows.tenantId, schema.follows.email, schema.follows.topic],
      set: { confirmTokenHash: hash, locale: o.locale },
    });
  await enqueueMail(
    tx,
    { to: o.email, locale: o.locale, template: "follow-confirm", params: { subject: o.title, url: o.linkFor(token) } },
    { runAt: o.now },
  );
}

/** The topic of a followed subject: one namespace per kind, so a process and a round never share followers. */
export function topicOf(kind: "process" | "pb-round" | "pb-plan" | "initiative" | "council", id: string): string {
  return `${kind}:${id}`;
}
