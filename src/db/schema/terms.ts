import { sql } from "drizzle-orm";
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { people } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";

/**
 * A municipality's own days equated with holidays for its terms (design note "Terms under Dutch law"): bridge days of
 * a new royal decree before a release carries them, or a day the municipality closes. The national days (the
 * Algemene termijnenwet's holidays and the current decree's bridge days) live in code, not here.
 */
export const termDaysOff = pgTable(
  "term_days_off",
  {
    tenantId: tenantId(),
    on: date("on").notNull(),
    reason: text("reason").notNull(),
    createdById: uuid("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: "term_days_off_pkey", columns: [t.tenantId, t.on] }),
    index("term_days_off_created_by_idx").on(t.createdById),
    check("term_days_off_reason", sql`length(${t.reason}) between 1 and 200`),
    tenantIsolation("term_days_off"),
  ],
).enableRLS();
