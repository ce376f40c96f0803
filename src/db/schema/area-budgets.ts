import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { people, tenants } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";

export const carryOverRules = ["none", "percentage", "all"] as const;

/**
 * A municipality's rule for what an area keeps of an unused budget at the turn of the year: nothing, up to a
 * percentage, or all of it. The money itself is in the ledger (`ledger_entries`, kind `area-budget`).
 */
export const areaBudgetRules = pgTable(
  "area_budget_rules",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    carryOver: text("carry_over", { enum: carryOverRules }).notNull(),
    carryOverPercent: integer("carry_over_percent"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  () => [
    check(
      "area_budget_rules_percent",
      sql`(carry_over = 'percentage') = (carry_over_percent is not null) and coalesce(carry_over_percent between 1 and 99, true)`,
    ),
    tenantIsolation("area_budget_rules"),
  ],
).enableRLS();

/**
 * The turn of an area's budget year: what was still available, what the rule carried into the next year (posted
 * there as a `carry-over` entry) and what lapsed. One per area and year; after it the year takes no new
 * commitments or free spending, only spending on commitments it already made.
 */
export const areaBudgetYearEnds = pgTable(
  "area_budget_year_ends",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    areaId: uuid("area_id").notNull(),
    year: integer("year").notNull(),
    availableCents: bigint("available_cents", { mode: "number" }).notNull(),
    carriedCents: bigint("carried_cents", { mode: "number" }).notNull(),
    rule: text("rule", { enum: carryOverRules }).notNull(),
    rulePercent: integer("rule_percent"),
    closedById: uuid("closed_by_id").references(() => people.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("area_budget_year_ends_area_year_key").on(t.tenantId, t.areaId, t.year),
    index("area_budget_year_ends_closed_by_idx").on(t.closedById),
    tenantIsolation("area_budget_year_ends"),
  ],
).enableRLS();
