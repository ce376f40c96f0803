import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { areas } from "./areas.ts";
import { people } from "./identity.ts";
import { ledgerEntries } from "./ledger.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";
import { uploads } from "./uploads.ts";

export const fundTermUnits = ["calendar-days", "weeks", "working-days"] as const;
export const fundIntakes = ["continuous", "decision-dates"] as const;

/**
 * A municipality's initiatives fund and its rules (issue 12, item 2). The money is in the ledger (kind
 * `initiative-fund`, owner the fund, one account per year); the yearly budget is credited on the year's first use.
 */
export const initiativeFunds = pgTable(
  "initiative_funds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    maxPerApplicationCents: bigint("max_per_application_cents", { mode: "number" }).notNull(),
    yearlyBudgetCents: bigint("yearly_budget_cents", { mode: "number" }).notNull(),
    /** The share of the activity's cost the initiators bring themselves, in money or in hours; null when none. */
    coFinancingPercent: integer("co_financing_percent"),
    /** What one volunteer hour counts for towards the co-financing; null when only money counts. */
    hourValueCents: integer("hour_value_cents"),
    /** Calendar days between the application and the activity, at least. */
    leadTimeDays: integer("lead_time_days").notNull(),
    decisionTermLength: integer("decision_term_length").notNull(),
    decisionTermUnit: text("decision_term_unit", { enum: fundTermUnits }).notNull(),
    /** The one extension staff may take, in the decision term's unit. */
    extensionLength: integer("extension_length").notNull(),
    intake: text("intake", { enum: fundIntakes }).notNull(),
    /** For intake on decision dates: the dates the fund decides on (YYYY-MM-DD, ascending). */
    decisionDates: jsonb("decision_dates").$type<string[]>().notNull().default([]),
    criteria: jsonb("criteria").$type<string[]>().notNull().default([]),
    requiredDocuments: jsonb("required_documents").$type<string[]>().notNull().default([]),
    /** Share paid in advance on the grant; the rest after the report. 100 pays all at once. */
    advancePercent: integer("advance_percent").notNull(),
    /** Weeks after the activity within which the report is due. */
    reportTermWeeks: integer("report_term_weeks").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("initiative_funds_slug_key").on(t.tenantId, t.slug),
    unique("initiative_funds_tenant_id_key").on(t.tenantId, t.id),
    check(
      "initiative_funds_rules",
      sql`max_per_application_cents > 0 and yearly_budget_cents >= 0 and lead_time_days >= 0
        and decision_term_length > 0 and extension_length >= 0 and advance_percent between 1 and 100
        and report_term_weeks > 0 and coalesce(co_financing_percent between 1 and 100, true)
        and coalesce(hour_value_cents > 0, true)`,
    ),
    tenantIsolation("initiative_funds"),
  ],
).enableRLS();

export const fundApplicationStatuses = ["incomplete", "in-assessment", "granted", "refused"] as const;
export const fundReportStatuses = ["not-due", "due", "received", "accepted", "recovery"] as const;

/**
 * An application to a fund. Incomplete ones have no term; `completeOn` is the day the term starts, `dueOn` the
 * day it ends (moved once by the extension). The applicant's identity stays here: public figures count only.
 */
export const fundApplications = pgTable(
  "fund_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    fundId: uuid("fund_id").notNull(),
    reference: text("reference").notNull(),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    /** Whether the applicant had no earlier application in this municipality (for the fairness figures). */
    firstTime: boolean("first_time").notNull(),
    areaId: uuid("area_id"),
    title: text("title").notNull(),
    description: text("description").notNull(),
    activityOn: date("activity_on").notNull(),
    totalCostCents: bigint("total_cost_cents", { mode: "number" }).notNull(),
    requestedCents: bigint("requested_cents", { mode: "number" }).notNull(),
    ownMoneyCents: bigint("own_money_cents", { mode: "number" }).notNull().default(0),
    ownHours: integer("own_hours").notNull().default(0),
    status: text("status", { enum: fundApplicationStatuses }).notNull(),
    /** Staff's note of what is missing while incomplete. */
    missing: text("missing"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    completeOn: date("complete_on"),
    dueOn: date("due_on"),
    /** The one extension of the decision term: when, and why (mailed to the applicant); `dueOn` moved with it. */
    extendedAt: timestamp("extended_at", { withTimezone: true }),
    extensionReason: text("extension_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedOn: date("decided_on"),
    decidedById: uuid("decided_by_id").references(() => people.id, { onDelete: "set null" }),
    grantedCents: bigint("granted_cents", { mode: "number" }),
    /**
     * The fund's advance share when the grant was decided: the tranches follow the decision, not the fund's rules as
     * they are changed later (the due dates are fixed on the row in the same way).
     */
    advancePercent: integer("advance_percent"),
    conditions: text("conditions"),
    reasons: text("reasons"),
    /** The ledger commitment that reserves the grant; tranches are paid against it. */
    commitmentId: uuid("commitment_id").references(() => ledgerEntries.id, { onDelete: "restrict" }),
    budgetYear: integer("budget_year"),
    reportStatus: text("report_status", { enum: fundReportStatuses }).notNull().default("not-due"),
    reportDueOn: date("report_due_on"),
    reportText: text("report_text"),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    /** What was paid when recovery started: the amount to reclaim. Null until then. */
    reclaimCents: bigint("reclaim_cents", { mode: "number" }),
    /** Of that, what came back (booked on the ledger as a credit) and what staff waived with reasons. */
    recoveredCents: bigint("recovered_cents", { mode: "number" }).notNull().default(0),
    waivedCents: bigint("waived_cents", { mode: "number" }).notNull().default(0),
    idempotencyKey: text("idempotency_key").notNull(),
  },
  (t) => [
    foreignKey({
      name: "fund_applications_fund_fk",
      columns: [t.tenantId, t.fundId],
      foreignColumns: [initiativeFunds.tenantId, initiativeFunds.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "fund_applications_area_fk",
      columns: [t.tenantId, t.areaId],
      foreignColumns: [areas.tenantId, areas.id],
    }),
    unique("fund_applications_reference_key").on(t.tenantId, t.fundId, t.reference),
    unique("fund_applications_tenant_id_key").on(t.tenantId, t.id),
    uniqueIndex("fund_applications_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("fund_applications_area_idx").on(t.tenantId, t.areaId),
    index("fund_applications_applicant_idx").on(t.applicantId),
    index("fund_applications_decided_by_idx").on(t.decidedById),
    index("fund_applications_commitment_idx").on(t.commitmentId),
    check(
      "fund_applications_amounts",
      sql`total_cost_cents > 0 and requested_cents > 0 and requested_cents <= total_cost_cents
        and own_money_cents >= 0 and own_hours >= 0
        and (granted_cents is null or (granted_cents > 0 and granted_cents <= requested_cents))`,
    ),
    check("fund_applications_term", sql`(status = 'incomplete') = (due_on is null)`),
    // Extensions from before reasons were kept have none; every later one has its reason.
    check(
      "fund_applications_extended_with_reason",
      sql`extension_reason is null or (extended_at is not null and extension_reason <> '')`,
    ),
    check(
      "fund_applications_recovery",
      sql`recovered_cents >= 0 and waived_cents >= 0 and recovered_cents + waived_cents <= coalesce(reclaim_cents, 0)
        and (reclaim_cents is null or report_status = 'recovery')`,
    ),
    check(
      "fund_applications_decision",
      sql`case status when 'granted' then granted_cents is not null and commitment_id is not null
          and advance_percent between 1 and 100
        when 'refused' then reasons is not null and granted_cents is null else decided_at is null end`,
    ),
    tenantIsolation("fund_applications"),
  ],
).enableRLS();

/** A document attached to an application (a budget, a plan) or to its report (receipts, photos). */
export const fundApplicationFiles = pgTable(
  "fund_application_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    applicationId: uuid("application_id").notNull(),
    /** The required document it fulfils, or `report` for the report's receipts and photos. */
    purpose: text("purpose").notNull(),
    uploadId: uuid("upload_id")
      .notNull()
      .references(() => uploads.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "fund_application_files_application_fk",
      columns: [t.tenantId, t.applicationId],
      foreignColumns: [fundApplications.tenantId, fundApplications.id],
    }).onDelete("cascade"),
    index("fund_application_files_application_idx").on(t.tenantId, t.applicationId),
    index("fund_application_files_upload_idx").on(t.uploadId),
    tenantIsolation("fund_application_files"),
  ],
).enableRLS();

/**
 * One assessor's declaration and scores on one application. A declared conflict of interest and scores never sit
 * in the same row (the check), and the row is one per assessor and application, so a conflicted assessor cannot
 * score it later either: the domain scores only where no conflict was declared.
 */
export const fundAssessments = pgTable(
  "fund_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    applicationId: uuid("application_id").notNull(),
    assessorId: uuid("assessor_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    conflict: boolean("conflict").notNull(),
    conflictNote: text("conflict_note"),
    /** Criterion → score 1–5, in the fund's criteria order; null for a conflicted assessor. */
    scores: jsonb("scores").$type<Record<string, number>>(),
    remarks: text("remarks"),
    assessedAt: timestamp("assessed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "fund_assessments_application_fk",
      columns: [t.tenantId, t.applicationId],
      foreignColumns: [fundApplications.tenantId, fundApplications.id],
    }).onDelete("cascade"),
    unique("fund_assessments_assessor_key").on(t.tenantId, t.applicationId, t.assessorId),
    index("fund_assessments_assessor_idx").on(t.assessorId),
    check("fund_assessments_conflict_no_scores", sql`(not conflict) = (scores is not null)`),
    tenantIsolation("fund_assessments"),
  ],
).enableRLS();

export const fundRecoveryKinds = ["recovered", "waived"] as const;

/**
 * What staff booked on a grant in recovery: money that came back (with its ledger credit) or an amount waived with
 * reasons. One row per form submission (its key), so a double click books once; the sums on the application are
 * updated under its row lock and checked there.
 */
export const fundRecoveries = pgTable(
  "fund_recoveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    applicationId: uuid("application_id").notNull(),
    kind: text("kind", { enum: fundRecoveryKinds }).notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    reasons: text("reasons"),
    ledgerEntryId: uuid("ledger_entry_id").references(() => ledgerEntries.id, { onDelete: "restrict" }),
    idempotencyKey: text("idempotency_key").notNull(),
    createdById: uuid("created_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "fund_recoveries_application_fk",
      columns: [t.tenantId, t.applicationId],
      foreignColumns: [fundApplications.tenantId, fundApplications.id],
    }).onDelete("cascade"),
    uniqueIndex("fund_recoveries_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("fund_recoveries_application_idx").on(t.tenantId, t.applicationId),
    index("fund_recoveries_ledger_entry_idx").on(t.ledgerEntryId),
    index("fund_recoveries_created_by_idx").on(t.createdById),
    check(
      "fund_recoveries_booked",
      sql`amount_cents > 0 and case kind when 'recovered' then ledger_entry_id is not null
        else reasons is not null and ledger_entry_id is null end`,
    ),
    tenantIsolation("fund_recoveries"),
  ],
).enableRLS();
