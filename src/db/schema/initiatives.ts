import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { areas } from "./areas.ts";
import { people, tenants } from "./identity.ts";
import { initiativeStatuses, initiativeSupportKinds } from "./initiative-lists.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";

export { initiativeStatuses, initiativeSupportKinds };

export const initiativeMessageAuthors = ["initiator", "municipality"] as const;
/** Uitdaagrecht: received → assessing → honoured or refused (refused may also come straight after received). */
export const challengeStatuses = ["received", "assessing", "honoured", "refused"] as const;
export const challengeRequesters = ["residents", "organisation"] as const;

/**
 * A municipality's terms for the desk: a contact person within so many working days of an initiative coming in, and
 * a decision on an uitdaagrecht request within so many weeks. The row is also the lock that numbers references, so
 * two submissions at once never share one.
 */
export const initiativeSettings = pgTable(
  "initiative_settings",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    assignWorkingDays: integer("assign_working_days").notNull().default(5),
    challengeDecisionWeeks: integer("challenge_decision_weeks").notNull().default(8),
    /** The last number given out, per kind, in `lastNumberYear`; a new year starts at 1 again. */
    lastNumberYear: integer("last_number_year").notNull().default(0),
    lastInitiativeNumber: integer("last_initiative_number").notNull().default(0),
    lastChallengeNumber: integer("last_challenge_number").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  () => [
    check("initiative_settings_assign_days", sql`assign_working_days between 1 and 60`),
    check("initiative_settings_decision_weeks", sql`challenge_decision_weeks between 1 and 52`),
    tenantIsolation("initiative_settings"),
  ],
).enableRLS();

/**
 * A resident's initiative at the municipality's desk. The initiator's name and address are personal data: they are
 * read by staff and by the initiator through a secret link, never by the showcase or the API (ADR on the desk).
 */
export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /** `INI-2026-0001`: what the confirmation mail gives and a phone call can quote. */
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    areaId: uuid("area_id"),
    location: text("location").notNull().default(""),
    involved: text("involved").notNull().default(""),
    support: text("support", { enum: initiativeSupportKinds }).array().notNull(),
    supportNote: text("support_note").notNull().default(""),
    initiatorName: text("initiator_name").notNull(),
    initiatorEmail: text("initiator_email").notNull(),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    /** The initiator agreed to show the initiative (title, description, area, support) in the public showcase. */
    showcase: boolean("showcase").notNull().default(false),
    /** The signed-in person who submitted it, if any. */
    submittedById: uuid("submitted_by_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status", { enum: initiativeStatuses }).notNull().default("received"),
    statusReason: text("status_reason").notNull().default(""),
    contactPersonId: uuid("contact_person_id").references(() => people.id, { onDelete: "set null" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    /** The Dutch date of submission and the last day to assign a contact person (working days). */
    submittedOn: date("submitted_on").notNull(),
    assignDueOn: date("assign_due_on").notNull(),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("initiatives_reference_key").on(t.tenantId, t.reference),
    unique("initiatives_tenant_id_key").on(t.tenantId, t.id),
    uniqueIndex("initiatives_idempotency_key").on(t.tenantId, t.idempotencyKey),
    foreignKey({
      name: "initiatives_area_same_tenant_fk",
      columns: [t.tenantId, t.areaId],
      foreignColumns: [areas.tenantId, areas.id],
    }),
    index("initiatives_area_idx").on(t.tenantId, t.areaId),
    index("initiatives_contact_person_idx").on(t.contactPersonId),
    index("initiatives_submitted_by_idx").on(t.submittedById),
    index("initiatives_status_idx").on(t.tenantId, t.status),
    check("initiatives_support_given", sql`cardinality(${t.support}) >= 1`),
    check("initiatives_assigned_together", sql`(${t.contactPersonId} is null) = (${t.assignedAt} is null)`),
    tenantIsolation("initiatives"),
  ],
).enableRLS();

/**
 * The thread between initiator and municipality, and the status changes with their reasons, in order. Only ever
 * added to.
 */
export const initiativeMessages = pgTable(
  "initiative_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The order of the thread, also for two lines written in the same millisecond. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    tenantId: tenantId(),
    initiativeId: uuid("initiative_id").notNull(),
    author: text("author", { enum: initiativeMessageAuthors }).notNull(),
    authorPersonId: uuid("author_person_id").references(() => people.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Set when the line records a change of status; `body` is then its reason. */
    status: text("status", { enum: initiativeStatuses }),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "initiative_messages_initiative_fk",
      columns: [t.tenantId, t.initiativeId],
      foreignColumns: [initiatives.tenantId, initiatives.id],
    }).onDelete("cascade"),
    index("initiative_messages_initiative_idx").on(t.tenantId, t.initiativeId, t.seq),
    index("initiative_messages_author_person_idx").on(t.authorPersonId),
    uniqueIndex("initiative_messages_idempotency_key").on(t.tenantId, t.idempotencyKey),
    tenantIsolation("initiative_messages"),
  ],
).enableRLS();

/**
 * The initiator's secret links: every mail to the initiator carries a fresh one, and only its hash is kept, so a copy
 * of the database opens no thread.
 */
export const initiativeLinks = pgTable(
  "initiative_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    initiativeId: uuid("initiative_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "initiative_links_initiative_fk",
      columns: [t.tenantId, t.initiativeId],
      foreignColumns: [initiatives.tenantId, initiatives.id],
    }).onDelete("cascade"),
    index("initiative_links_initiative_idx").on(t.tenantId, t.initiativeId),
    tenantIsolation("initiative_links"),
  ],
).enableRLS();

/**
 * Uitdaagrecht: residents or an organisation ask to take over a municipal task, with a plan, the budget they ask and
 * the support they have in the neighbourhood. The requester's name and address stay out of the public register.
 */
export const challenges = pgTable(
  "challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    reference: text("reference").notNull(),
    task: text("task").notNull(),
    plan: text("plan").notNull(),
    budgetCents: bigint("budget_cents", { mode: "number" }).notNull(),
    neighbourhoodSupport: text("neighbourhood_support").notNull(),
    areaId: uuid("area_id"),
    requester: text("requester", { enum: challengeRequesters }).notNull(),
    /** The organisation's name, published in the register; null for a group of residents. */
    organisation: text("organisation"),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    status: text("status", { enum: challengeStatuses }).notNull().default("received"),
    submittedOn: date("submitted_on").notNull(),
    decisionDueOn: date("decision_due_on").notNull(),
    decisionReason: text("decision_reason").notNull().default(""),
    decidedOn: date("decided_on"),
    decidedById: uuid("decided_by_id").references(() => people.id, { onDelete: "set null" }),
    /** The one extension of the decision term: when, and why (mailed to the requester); `decisionDueOn` moved with it. */
    extendedAt: timestamp("extended_at", { withTimezone: true }),
    extensionReason: text("extension_reason"),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("challenges_reference_key").on(t.tenantId, t.reference),
    uniqueIndex("challenges_idempotency_key").on(t.tenantId, t.idempotencyKey),
    foreignKey({
      name: "challenges_area_same_tenant_fk",
      columns: [t.tenantId, t.areaId],
      foreignColumns: [areas.tenantId, areas.id],
    }),
    index("challenges_area_idx").on(t.tenantId, t.areaId),
    index("challenges_decided_by_idx").on(t.decidedById),
    check("challenges_budget_not_negative", sql`${t.budgetCents} >= 0`),
    check("challenges_organisation_named", sql`(${t.requester} = 'organisation') = (${t.organisation} is not null)`),
    check(
      "challenges_extended_with_reason",
      sql`(${t.extendedAt} is null) = (${t.extensionReason} is null) and ${t.extensionReason} <> ''`,
    ),
    check("challenges_decided_together", sql`(${t.status} in ('honoured', 'refused')) = (${t.decidedOn} is not null)`),
    tenantIsolation("challenges"),
  ],
).enableRLS();
