import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { people } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";
import { uploads } from "./uploads.ts";

/**
 * A money account of one tenant (see the ADR "The money ledger"): an area's budget for a year, later a fund's budget. `kind` names the
 * instrument, `ownerId` the thing it belongs to (an area, a council, a fund), without a foreign key because the
 * owners live in different tables. The row holds no totals: it is the lock every posting takes first.
 */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    kind: text("kind").notNull(),
    ownerId: uuid("owner_id").notNull(),
    year: integer("year").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("ledger_accounts_owner_year_key").on(t.tenantId, t.kind, t.ownerId, t.year),
    tenantIsolation("ledger_accounts"),
  ],
).enableRLS();

export const ledgerEffects = ["credit", "debit", "hold"] as const;

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Amounts are whole cents. `effect` says what an
 * entry does to the sums: a credit adds to the balance, a debit takes from it, a hold reserves part of it (a
 * commitment; its releases are holds with a negative amount). A correction is a new entry with the same kind and
 * effect and the opposite amount that `reverses` the original, so every sum by kind is already net of corrections.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: "restrict" }),
    kind: text("kind").notNull(),
    effect: text("effect", { enum: ledgerEffects }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    /** The day it happened: the decision, the payment. */
    on: date("on").notNull(),
    description: text("description").notNull().default(""),
    /** A grouping for public totals (e.g. "activities", "materials"). */
    category: text("category"),
    /** Where the decision is recorded: the minutes, an invoice number. */
    reference: text("reference"),
    /** A receipt or decision document in `uploads`. */
    attachmentId: uuid("attachment_id").references(() => uploads.id, { onDelete: "restrict" }),
    /** The commitment (hold) this entry reserves, releases or draws on; a commitment names itself. */
    holdId: uuid("hold_id").references((): AnyPgColumn => ledgerEntries.id, { onDelete: "restrict" }),
    /** The spend that released part of a commitment, so reversing the spend reverses the release too. */
    causedById: uuid("caused_by_id").references((): AnyPgColumn => ledgerEntries.id, { onDelete: "restrict" }),
    reversesId: uuid("reverses_id").references((): AnyPgColumn => ledgerEntries.id, { onDelete: "restrict" }),
    idempotencyKey: text("idempotency_key"),
    createdById: uuid("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("ledger_entries_account_idx").on(t.accountId, t.on),
    index("ledger_entries_hold_idx").on(t.holdId),
    index("ledger_entries_caused_by_idx").on(t.causedById),
    index("ledger_entries_attachment_idx").on(t.attachmentId),
    index("ledger_entries_tenant_idx").on(t.tenantId),
    index("ledger_entries_created_by_idx").on(t.createdById),
    uniqueIndex("ledger_entries_reverses_key").on(t.reversesId),
    uniqueIndex("ledger_entries_idempotency_key")
      .on(t.tenantId, t.idempotencyKey)
      .where(sql`idempotency_key is not null`),
    check("ledger_entries_amount_not_zero", sql`amount_cents <> 0`),
    check("ledger_entries_sign", sql`effect = 'hold' or (reverses_id is null) = (amount_cents > 0)`),
    tenantIsolation("ledger_entries"),
  ],
).enableRLS();
