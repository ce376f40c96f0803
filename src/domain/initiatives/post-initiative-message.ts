import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { insertOnce, recordAudit } from "../shared/index.ts";
import { InitiativesError } from "./errors.ts";
import type { InitiativeUrls } from "./initiative-links.ts";
import { isInitiativeOpen } from "./initiative-states.ts";
import { notifyInitiator, notifyMunicipality } from "./notify-initiative.ts";

export type PostInitiativeMessageOptions = {
  tenantId: string;
  initiativeId: string;
  /** The initiator (through the secret link) or the municipality (a staff member, `actorPersonId`). */
  author: "initiator" | "municipality";
  actorPersonId: string | null;
  body: string;
  idempotencyKey: string;
  urls: InitiativeUrls;
  now: Date;
};

const table = schema.initiatives;
const messages = schema.initiativeMessages;

/**
 * A message in the initiative's thread, and a mail to the other side: the initiator, or the contact person (the
 * municipality's staff while there is none). The thread closes with the initiative's final status. The same form
 * sent twice posts once.
 */
export async function postInitiativeMessage(tx: Tx, o: PostInitiativeMessageOptions): Promise<void> {
  const [initiative] = await tx
    .select()
    .from(table)
    .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.initiativeId)))
    .for("share");
  if (!initiative) throw new InitiativesError("initiatives.initiative-not-found");
  if (!isInitiativeOpen(initiative.status)) throw new InitiativesError("initiatives.closed");
  const body = o.body.trim();
  if (body === "") throw new InitiativesError("initiatives.message-required");
  const byKey = () =>
    tx
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.tenantId, o.tenantId), eq(messages.idempotencyKey, o.idempotencyKey)));
  const { created } = await insertOnce(
    () =>
      tx
        .insert(messages)
        .values({
          tenantId: o.tenantId,
          initiativeId: initiative.id,
          author: o.author,
          authorPersonId: o.actorPersonId,
          body,
          idempotencyKey: o.idempotencyKey,
          createdAt: o.now,
        })
        .onConflictDoNothing({ target: [messages.tenantId, messages.idempotencyKey] })
        .returning({ id: messages.id }),
    byKey,
  );
  if (!created) return;
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: `initiatives.message.${o.author}`,
    subject: initiative.reference,
    details: { initiativeId: initiative.id },
  });
  if (o.author === "municipality") {
    await notifyInitiator(tx, { initiative, news: { kind: "message" }, urls: o.urls, now: o.now });
  } else {
    await notifyMunicipality(tx, { initiative, urls: o.urls, now: o.now });
  }
}
