import { sql } from "drizzle-orm";
import { bigint, index, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { appRole } from "./app-role.ts";
import { currentPerson, currentTenant } from "./current.ts";

export const tenantKinds = ["programme", "municipality"] as const;

/** The national programme and every municipality on the platform. Not itself tenant-owned: the public reads it. */
export const tenants = pgTable("tenants", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: tenantKinds }).notNull(),
  province: text("province"),
  /** Root class of the NL Design System theme whose design-token CSS the tenant's pages load. */
  themeClass: text("theme_class").notNull().default("voorbeeld-theme"),
  logoPath: text("logo_path"),
  introNl: text("intro_nl").notNull().default(""),
  introEn: text("intro_en").notNull().default(""),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("people_email_key").on(sql`lower(${t.email})`)],
);

export const roles = [
  "programme-staff",
  "supervisor",
  "municipal-coordinator",
  "municipal-staff",
  "council-member",
  "fund-committee",
  "resident",
] as const;

/** A person's role in one tenant. Visible to that tenant and to the person themself. */
export const memberships = pgTable(
  "memberships",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId, t.role] }),
    index("memberships_person_idx").on(t.personId),
    pgPolicy("memberships_tenant_or_self", {
      as: "permissive",
      for: "all",
      to: appRole,
      using: sql`tenant_id = ${currentTenant} or person_id = ${currentPerson}`,
      withCheck: sql`tenant_id = ${currentTenant}`,
    }),
  ],
).enableRLS();

/** Optional password (argon2id) and TOTP second factor for staff accounts. */
export const passwordCredentials = pgTable("password_credentials", {
  personId: uuid("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  passwordHash: text("password_hash").notNull(),
  /** Sealed with the configured key (`sealTotpSecret`), never stored plain. */
  totpSecret: text("totp_secret"),
  /** The last 30-second step whose code was accepted: a code is good once, never again within its window. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time codes for when the authenticator app is lost; only their hashes, each spent once. */
export const totpRecoveryCodes = pgTable(
  "totp_recovery_codes",
  {
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.codeHash] })],
);

/** A person linked to an OpenID Connect identity (a DigiD/eHerkenning broker, or a municipality's IdP). */
export const oidcIdentities = pgTable(
  "oidc_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    lastAcr: text("last_acr"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("oidc_identities_person_idx").on(t.personId)],
);
