import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole } from "./app-role.ts";
import { currentPerson, currentTenant } from "./current.ts";
import { people, tenants } from "./identity.ts";

/** Server-side login sessions: the cookie holds a random token whose SHA-256 is the id, so a leaked table row can't sign in. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    method: text("method", { enum: ["magic-link", "oidc", "password"] }).notNull(),
    acr: text("acr"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** One-time sign-in tokens (magic links, OIDC state + PKCE verifier, pending second factor). */
export const signInTokens = pgTable(
  "sign_in_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: ["magic-link", "oidc", "totp"] }).notNull(),
    email: text("email"),
    personId: uuid("person_id").references(() => people.id, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("sign_in_tokens_person_idx").on(t.personId)],
);

/** Fixed-window counters shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull(),
});

/**
 * Append-only: the application role may add entries and read its own tenant's, never change or remove one (see the
 * grants in `migrate.ts`). An entry names the transaction's tenant, or the person acting in it: a municipality that
 * withdraws an application writes the programme's trail under its own coordinator's name.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "set null" }),
    actorPersonId: uuid("actor_person_id").references(() => people.id, { onDelete: "set null" }),
    /**
     * Done by the system (a job, the seed), not by a person. Kept apart from the actor because a deleted account
     * also leaves the actor empty: the log says "Systeem" for one and "Verwijderd account" for the other.
     */
    bySystem: boolean("by_system").notNull().default(false),
    action: text("action").notNull(),
    subject: text("subject"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_tenant_at_idx").on(t.tenantId, t.at),
    index("audit_log_actor_idx").on(t.actorPersonId),
    check("audit_log_system_has_no_actor", sql`not by_system or actor_person_id is null`),
    pgPolicy("audit_log_tenant_read", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`tenant_id = ${currentTenant}`,
    }),
    pgPolicy("audit_log_append", {
      as: "permissive",
      for: "insert",
      to: appRole,
      withCheck: sql`tenant_id = ${currentTenant} or actor_person_id = ${currentPerson}`,
    }),
  ],
).enableRLS();

/** The background queue (outbox): e-mail and later newsletters and result computation. Claimed with SKIP LOCKED. */
export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("jobs_pending_idx").on(t.runAt).where(sql`done_at is null and failed_at is null`)],
);
