import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { areas } from "./areas.ts";
import { councilBases, councilKinds, councilRoles } from "./council-lists.ts";
import { people } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";

export { councilBases, councilKinds, councilRoles };

/**
 * A village or neighbourhood council, an area committee or a district platform of one municipality. The slug is
 * its address on the public site (`/{gemeente}/raden/{slug}`). An ordinance committee names its ordinance
 * (`basis_url`); an association may link to its statutes or register entry.
 */
export const councils = pgTable(
  "councils",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: councilKinds }).notNull(),
    basis: text("basis", { enum: councilBases }).notNull(),
    basisUrl: text("basis_url"),
    /** What the council does, in its own words: the public page shows it. */
    description: text("description").notNull().default(""),
    /** How many seats of the role `member` the council has; the officers' seats come on top. */
    memberSeats: smallint("member_seats").notNull().default(7),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("councils_slug_key").on(t.tenantId, t.slug),
    unique("councils_tenant_id_key").on(t.tenantId, t.id),
    check("councils_slug_form", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("councils_basis_link", sql`${t.basis} <> 'ordinance' or ${t.basisUrl} is not null`),
    check("councils_basis_url_form", sql`${t.basisUrl} is null or ${t.basisUrl} ~ '^https?://'`),
    check("councils_member_seats", sql`${t.memberSeats} between 0 and 99`),
    tenantIsolation("councils"),
  ],
).enableRLS();

/** The areas a council speaks for: a kern, a wijk, some buurten, or several kernen for a gebiedscommissie. */
export const councilAreas = pgTable(
  "council_areas",
  {
    tenantId: tenantId(),
    councilId: uuid("council_id").notNull(),
    areaId: uuid("area_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "council_areas_pkey", columns: [t.tenantId, t.councilId, t.areaId] }),
    foreignKey({
      name: "council_areas_council_fk",
      columns: [t.tenantId, t.councilId],
      foreignColumns: [councils.tenantId, councils.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "council_areas_area_fk",
      columns: [t.tenantId, t.areaId],
      foreignColumns: [areas.tenantId, areas.id],
    }).onDelete("cascade"),
    index("council_areas_area_idx").on(t.tenantId, t.areaId),
    tenantIsolation("council_areas"),
  ],
).enableRLS();

/**
 * A term on a seat: who held it, in which role, from which day to which day (both included; an open end is
 * "until further notice"). A term whose last day has passed is over: nothing flags it, the dates say so. The seat
 * is (council, role, seat): the officers have one seat each, members have `member_seats` numbered ones.
 *
 * Two database rules (exclusion constraints, added in the migration because Drizzle cannot express them) make a
 * seat hold one person at a time and a person hold one seat of a council at a time.
 * `person_id` is the account that opens the council's workspace; members without one are names only.
 */
export const councilMembers = pgTable(
  "council_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    councilId: uuid("council_id").notNull(),
    role: text("role", { enum: councilRoles }).notNull(),
    seat: smallint("seat").notNull().default(1),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    /** The name the public page shows; nothing else about the person is public. */
    name: text("name").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "council_members_council_fk",
      columns: [t.tenantId, t.councilId],
      foreignColumns: [councils.tenantId, councils.id],
    }).onDelete("cascade"),
    index("council_members_council_idx").on(t.tenantId, t.councilId),
    index("council_members_person_idx").on(t.personId),
    check("council_members_term", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check(
      "council_members_seat",
      sql`case when ${t.role} = 'member' then ${t.seat} between 1 and 99 else ${t.seat} = 1 end`,
    ),
    tenantIsolation("council_members"),
  ],
).enableRLS();
