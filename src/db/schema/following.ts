import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tenantId, tenantIsolation } from "./tenancy.ts";

/**
 * Someone follows a subject by e-mail: a process now, a budget round or an initiative later. The topic names the
 * subject (`process:<id>`). Double opt-in: nothing is sent before `confirmedAt`; one click sets `unsubscribedAt`.
 */
export const follows = pgTable(
  "follows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /** Stored in lower case, so one address follows a topic once. */
    email: text("email").notNull(),
    topic: text("topic").notNull(),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    /** SHA-256 of the secret in the confirmation link. */
    confirmTokenHash: text("confirm_token_hash").notNull().unique(),
    /** In every mail's one-click unsubscribe link (RFC 8058); it can do nothing else, so it is kept as it is. */
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("follows_email_topic_key").on(t.tenantId, t.email, t.topic),
    index("follows_topic_idx").on(t.tenantId, t.topic),
    tenantIsolation("follows"),
  ],
).enableRLS();
