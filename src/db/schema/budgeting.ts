import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { areas } from "./areas.ts";
import { people } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";
import { uploads } from "./uploads.ts";

export const ballotForms = ["knapsack", "approval", "cumulative", "ranking"] as const;
export const winnerRules = [
  "greedy",
  "greedy-no-skip",
  "equal-shares-add1",
  "equal-shares-add1-full",
  "phragmen",
] as const;
export const tieBreaks = ["most-supporters", "reference"] as const;
/** How a voter shows they may vote: a postal voting code, the DigiD broker (OpenID Connect), or an e-mail link. */
export const identificationMethods = ["postal-code", "oidc", "email"] as const;

/**
 * A burgerbegroting round. The ballot form and the winner rule are columns of the round; once voting has opened
 * (`rules_fixed_at`) a trigger refuses any change to them, to the areas and to their budgets.
 */
export const pbRounds = pgTable(
  "pb_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    ballotForm: text("ballot_form", { enum: ballotForms }).notNull(),
    /** Knapsack: a ballot must spend at least this share of the area budget (percent), when set. */
    minSharePercent: integer("min_share_percent"),
    /** Approval: how many plans a ballot names at least and at most (no maximum when null). */
    minPlans: integer("min_plans"),
    maxPlans: integer("max_plans"),
    /** Cumulative: points to give out, and at most this many to one plan. */
    points: integer("points"),
    maxPointsPerPlan: integer("max_points_per_plan"),
    /** Ranking: how many plans a voter ranks at most (top k). */
    rankCount: integer("rank_count"),
    rule: text("rule", { enum: winnerRules }).notNull(),
    comparisonRule: text("comparison_rule", { enum: winnerRules }).notNull(),
    tieBreak: text("tie_break", { enum: tieBreaks }).notNull().default("most-supporters"),
    minAge: integer("min_age"),
    /** Eligibility: only residents of the area vote (the postal codes go to their addresses). */
    residentsOnly: boolean("residents_only").notNull().default(true),
    identification: text("identification", { enum: identificationMethods }).notNull().default("postal-code"),
    /** A round loaded from a Pabulib file by the operator command: the file it came from. */
    importedFrom: text("imported_from"),
    rulesFixedAt: timestamp("rules_fixed_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("pb_rounds_slug_key").on(t.tenantId, t.slug),
    uniqueIndex("pb_rounds_idempotency_key").on(t.tenantId, t.idempotencyKey),
    check(
      "pb_rounds_form_settings",
      sql`case ${t.ballotForm}
        when 'knapsack' then ${t.minSharePercent} is null or ${t.minSharePercent} between 1 and 100
        when 'approval' then ${t.minPlans} >= 1 and (${t.maxPlans} is null or ${t.maxPlans} >= ${t.minPlans})
        when 'cumulative' then ${t.points} >= 1 and ${t.maxPointsPerPlan} between 1 and ${t.points}
        else ${t.rankCount} >= 1 end`,
    ),
    check("pb_rounds_min_age", sql`${t.minAge} is null or ${t.minAge} between 0 and 120`),
    tenantIsolation("pb_rounds"),
  ],
).enableRLS();

/** A round's budget for one area (the whole municipality, or a wijk or kern), in whole euros. */
export const pbRoundAreas = pgTable(
  "pb_round_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => pbRounds.id, { onDelete: "cascade" }),
    /** The municipality's area (src/domain/areas) this budget is for; null only for an imported round. */
    areaId: uuid("area_id"),
    name: text("name").notNull(),
    budgetEuros: integer("budget_euros").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    unique("pb_round_areas_name_key").on(t.roundId, t.name),
    unique("pb_round_areas_area_key").on(t.roundId, t.areaId),
    foreignKey({
      name: "pb_round_areas_area_fk",
      columns: [t.tenantId, t.areaId],
      foreignColumns: [areas.tenantId, areas.id],
    }).onDelete("restrict"),
    index("pb_round_areas_area_idx").on(t.tenantId, t.areaId),
    index("pb_round_areas_tenant_idx").on(t.tenantId),
    check("pb_round_areas_budget_positive", sql`${t.budgetEuros} > 0`),
    tenantIsolation("pb_round_areas"),
  ],
).enableRLS();

export const planStatuses = ["submitted", "published", "rejected"] as const;
export const feasibilities = ["feasible", "infeasible"] as const;

const roundRef = () =>
  uuid("round_id")
    .notNull()
    .references(() => pbRounds.id, { onDelete: "cascade" });
const roundAreaRef = () =>
  uuid("round_area_id")
    .notNull()
    .references(() => pbRoundAreas.id, { onDelete: "cascade" });

/** A resident's plan for an area. Public once staff published it; on the ballot once found feasible. */
export const pbPlans = pgTable(
  "pb_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    roundId: roundRef(),
    roundAreaId: roundAreaRef(),
    /** The plan's number in the round ("12"), or the project id of an imported Pabulib file. */
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    location: text("location").notNull().default(""),
    estimatedCostEuros: integer("estimated_cost_euros").notNull(),
    officialCostEuros: integer("official_cost_euros"),
    status: text("status", { enum: planStatuses }).notNull(),
    feasibility: text("feasibility", { enum: feasibilities }),
    /** Published with the review: why the plan is (not) feasible, or the official cost differs. */
    feasibilityReason: text("feasibility_reason"),
    submittedBy: uuid("submitted_by").references(() => people.id, { onDelete: "set null" }),
    /** The plan's photo (a public upload with its alt text), when the resident sent one. */
    photoId: uuid("photo_id").references(() => uploads.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("pb_plans_photo_idx").on(t.photoId),
    unique("pb_plans_reference_key").on(t.roundId, t.reference),
    uniqueIndex("pb_plans_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("pb_plans_area_idx").on(t.roundAreaId),
    index("pb_plans_tenant_idx").on(t.tenantId),
    index("pb_plans_submitted_by_idx").on(t.submittedBy),
    check("pb_plans_costs_positive", sql`${t.estimatedCostEuros} > 0 and coalesce(${t.officialCostEuros}, 1) > 0`),
    check(
      "pb_plans_feasible_has_cost",
      sql`${t.feasibility} is distinct from 'feasible' or ${t.officialCostEuros} is not null`,
    ),
    tenantIsolation("pb_plans"),
  ],
).enableRLS();

/** A batch of postal voting codes for one area; the codes themselves are stored only as keyed hashes. */
export const pbCodeBatches = pgTable(
  "pb_code_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    roundId: roundRef(),
    roundAreaId: roundAreaRef(),
    size: integer("size").notNull(),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("pb_code_batches_round_idx").on(t.roundId),
    index("pb_code_batches_area_idx").on(t.roundAreaId),
    index("pb_code_batches_tenant_idx").on(t.tenantId),
    index("pb_code_batches_created_by_idx").on(t.createdBy),
    check("pb_code_batches_size", sql`${t.size} between 1 and 100000`),
    tenantIsolation("pb_code_batches"),
  ],
).enableRLS();

export const pbVotingCodes = pgTable(
  "pb_voting_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    roundId: roundRef(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => pbCodeBatches.id, { onDelete: "cascade" }),
    roundAreaId: roundAreaRef(),
    /** HMAC-SHA-256 of the normalised code under the configured key (never the code). */
    codeHash: text("code_hash").notNull(),
  },
  (t) => [
    unique("pb_voting_codes_hash_key").on(t.roundId, t.codeHash),
    index("pb_voting_codes_batch_idx").on(t.batchId),
    index("pb_voting_codes_area_idx").on(t.roundAreaId),
    index("pb_voting_codes_tenant_idx").on(t.tenantId),
    tenantIsolation("pb_voting_codes"),
  ],
).enableRLS();

/**
 * Who has voted, and nothing else: a key per voter (a voting code's id, or the keyed hash of an OpenID `sub`) and the
 * day. Its primary key decides between two casts of the same code at once.
 */
export const pbVoterRegister = pgTable(
  "pb_voter_register",
  {
    tenantId: tenantId(),
    roundId: roundRef(),
    voterKey: text("voter_key").notNull(),
    votedOn: date("voted_on").notNull(),
  },
  (t) => [
    primaryKey({ name: "pb_voter_register_pkey", columns: [t.roundId, t.voterKey] }),
    index("pb_voter_register_tenant_idx").on(t.tenantId),
    tenantIsolation("pb_voter_register"),
  ],
).enableRLS();

/**
 * A voter's pass to one ballot in a round whose voters identify by e-mail or OpenID Connect: the hash of a random
 * token (in the mailed link, or in the address after DigiD), the register's key for the voter (a keyed hash of the
 * e-mail address or the `sub`, never either itself) and its expiry. Casting the ballot deletes the pass in the same
 * transaction, so no row records when a pass was used.
 */
export const pbVotingPasses = pgTable(
  "pb_voting_passes",
  {
    tokenHash: text("token_hash").primaryKey(),
    tenantId: tenantId(),
    roundId: roundRef(),
    voterKey: text("voter_key").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    // Not unused, though no query names the round alone: the hourly clean-up's `expires_at <= now` reads it when few
    // passes expired (PostgreSQL 15 plans a bitmap scan on its second column), and deleting a round cascades by it.
    index("pb_voting_passes_round_idx").on(t.roundId, t.expiresAt),
    index("pb_voting_passes_tenant_idx").on(t.tenantId),
    tenantIsolation("pb_voting_passes"),
  ],
).enableRLS();

/**
 * A secret ballot: a random id, the area, the day, the choices, and the keyed hash of the voter's receipt code. No
 * reference to a voter or a code and no time finer than the day (a schema test guards this).
 */
export const pbBallots = pgTable(
  "pb_ballots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    roundId: roundRef(),
    roundAreaId: roundAreaRef(),
    castOn: date("cast_on").notNull(),
    source: text("source", { enum: ["online", "paper", "imported"] }).notNull(),
    /** Plans in ballot order (a ranking's order); `points[i]` belongs to `plan_ids[i]` on a cumulative ballot. */
    planIds: uuid("plan_ids").array().notNull(),
    points: integer("points").array(),
    receiptHash: text("receipt_hash"),
  },
  (t) => [
    index("pb_ballots_area_idx").on(t.roundAreaId),
    index("pb_ballots_round_idx").on(t.roundId),
    index("pb_ballots_tenant_idx").on(t.tenantId),
    uniqueIndex("pb_ballots_receipt_key").on(t.roundId, t.receiptHash),
    tenantIsolation("pb_ballots"),
  ],
).enableRLS();

/** The stored count of a round: everything the results page shows, computed once by the queue. */
export const pbResults = pgTable(
  "pb_results",
  {
    roundId: uuid("round_id")
      .primaryKey()
      .references(() => pbRounds.id, { onDelete: "cascade" }),
    tenantId: tenantId(),
    status: text("status", { enum: ["to-review", "published"] }).notNull(),
    countedAt: timestamp("counted_at", { withTimezone: true }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => people.id, { onDelete: "set null" }),
    outcome: jsonb("outcome").$type<Record<string, unknown>>().notNull(),
    /**
     * What the public results page shows of the outcome (`ResultPage`), stored with it so that a page view reads a
     * small value instead of taking the outcome apart. Counts stored before there was this column got theirs from
     * the data step `fillResultPages` before it became required.
     */
    page: jsonb("page").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index("pb_results_tenant_idx").on(t.tenantId),
    index("pb_results_published_by_idx").on(t.publishedBy),
    tenantIsolation("pb_results"),
  ],
).enableRLS();

export const paperBatchStatuses = ["open", "blocked", "accepted"] as const;

/**
 * A stack of paper ballots of one area, entered twice by two staff members. Its ballots count only once both
 * entries agree (`accepted`); any difference blocks it until the entries are corrected.
 */
export const pbPaperBatches = pgTable(
  "pb_paper_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    roundId: roundRef(),
    roundAreaId: roundAreaRef(),
    label: text("label").notNull(),
    status: text("status", { enum: paperBatchStatuses }).notNull().default("open"),
    /** Line numbers (from 1) where the two entries differ, while blocked. */
    differences: integer("differences").array().notNull().default(sql`'{}'::integer[]`),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [
    unique("pb_paper_batches_label_key").on(t.roundId, t.label),
    index("pb_paper_batches_area_idx").on(t.roundAreaId),
    index("pb_paper_batches_tenant_idx").on(t.tenantId),
    index("pb_paper_batches_created_by_idx").on(t.createdBy),
    tenantIsolation("pb_paper_batches"),
  ],
).enableRLS();

/**
 * One staff member's entry of a paper batch: the ballots in the order of the stack. A batch has at most two, from
 * two different people; a person corrects their own entry.
 */
export const pbPaperEntries = pgTable(
  "pb_paper_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    batchId: uuid("batch_id")
      .notNull()
      .references(() => pbPaperBatches.id, { onDelete: "cascade" }),
    enteredBy: uuid("entered_by")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    ballots: jsonb("ballots").$type<{ planIds: string[]; points: number[] | null }[]>().notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("pb_paper_entries_person_key").on(t.batchId, t.enteredBy),
    index("pb_paper_entries_entered_by_idx").on(t.enteredBy),
    index("pb_paper_entries_tenant_idx").on(t.tenantId),
    tenantIsolation("pb_paper_entries"),
  ],
).enableRLS();

/** Where a funded plan stands in its realisation: planned, being carried out, realised, or dropped. */
export const realisationStatuses = ["planned", "in-progress", "realised", "dropped"] as const;

/**
 * A dated progress update on a funded plan, posted by staff after the result is published. Append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE): a correction is a new update, so the public timeline keeps its history.
 */
export const pbPlanUpdates = pgTable(
  "pb_plan_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => pbPlans.id),
    status: text("status", { enum: realisationStatuses }).notNull(),
    body: text("body").notNull(),
    /** The day the update is about (work started, opened), which may be before the day it was posted. */
    happenedOn: date("happened_on").notNull(),
    /** An optional public photo with its required alt text. */
    photoId: uuid("photo_id").references(() => uploads.id),
    createdBy: uuid("created_by").references(() => people.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("pb_plan_updates_plan_idx").on(t.planId, t.happenedOn),
    index("pb_plan_updates_tenant_idx").on(t.tenantId),
    index("pb_plan_updates_photo_idx").on(t.photoId),
    index("pb_plan_updates_created_by_idx").on(t.createdBy),
    uniqueIndex("pb_plan_updates_idempotency_key").on(t.tenantId, t.idempotencyKey),
    check("pb_plan_updates_body", sql`length(trim(${t.body})) > 0`),
    tenantIsolation("pb_plan_updates"),
  ],
).enableRLS();
