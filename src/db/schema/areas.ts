import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { tenantId, tenantIsolation } from "./tenancy.ts";

/**
 * `municipality` is the CBS gemeente (GM), `kern` or `wijk` a CBS wijk (WK) — merged municipalities call theirs
 * kernen — and `buurt` a CBS buurt (BU).
 */
export const areaKinds = ["municipality", "kern", "wijk", "buurt"] as const;

/**
 * A municipality's areas as the CBS publishes them (Kerncijfers wijken en buurten): one tree per tenant, the code is
 * the natural key, so a re-import updates in place. A child's parent is of the same tenant (composite foreign key).
 */
export const areas = pgTable(
  "areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    code: text("code").notNull(),
    kind: text("kind", { enum: areaKinds }).notNull(),
    parentId: uuid("parent_id"),
    name: text("name").notNull(),
    /** CBS AantalInwoners; null where the CBS keeps it secret or has none ("."). */
    residents: integer("residents"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("areas_code_key").on(t.tenantId, t.code),
    unique("areas_tenant_id_key").on(t.tenantId, t.id),
    foreignKey({
      name: "areas_parent_same_tenant_fk",
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }).onDelete("cascade"),
    index("areas_parent_idx").on(t.tenantId, t.parentId),
    check(
      "areas_code_matches_kind",
      sql`case ${t.kind} when 'municipality' then ${t.code} ~ '^GM[0-9]{4}$' and ${t.parentId} is null
        when 'buurt' then ${t.code} ~ '^BU[0-9]{8}$' and ${t.parentId} is not null
        else ${t.code} ~ '^WK[0-9]{6}$' and ${t.parentId} is not null end`,
    ),
    check("areas_residents_not_negative", sql`${t.residents} is null or ${t.residents} >= 0`),
    tenantIsolation("areas"),
  ],
).enableRLS();

/** The optional PC6 → buurt table (CBS "postcode-huisnummer-buurt"), so a resident's postcode finds their area. */
export const postcodeAreas = pgTable(
  "postcode_areas",
  {
    tenantId: tenantId(),
    /** Six characters, no space, capitals: 1234AB. */
    postcode: text("postcode").notNull(),
    areaId: uuid("area_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "postcode_areas_pkey", columns: [t.tenantId, t.postcode] }),
    foreignKey({
      name: "postcode_areas_area_fk",
      columns: [t.tenantId, t.areaId],
      foreignColumns: [areas.tenantId, areas.id],
    }).onDelete("cascade"),
    index("postcode_areas_area_idx").on(t.tenantId, t.areaId),
    check("postcode_areas_pc6", sql`${t.postcode} ~ '^[1-9][0-9]{3}[A-Z]{2}$'`),
    tenantIsolation("postcode_areas"),
  ],
).enableRLS();
