import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { advice } from "./advice.ts";
import { pbRounds } from "./budgeting.ts";
import { people } from "./identity.ts";
import { initiativeFunds } from "./initiative-funds.ts";
import { deciders, feedbackOutcomes, ladderLevels, momentMethods, processStages } from "./process-lists.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";

export { deciders, feedbackOutcomes, ladderLevels, momentMethods, processStages };

export const processStatuses = ["draft", "published"] as const;

/** A democratic process with its rules of the game (spelregels): what is fixed, who decides, its phases. */
export const processes = pgTable(
  "processes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Kaders: what is fixed (budget, law, earlier decisions). */
    fixed: text("fixed").notNull().default(""),
    /** What is open to influence. */
    open: text("open").notNull().default(""),
    /** The ordinance's kind of decision this process prepares (a `participation_rules.decision_kind`), if any. */
    decisionKind: text("decision_kind"),
    decidedBy: text("decided_by", { enum: deciders }).notNull(),
    /** Who is responsible in the administration (a department or a person). */
    responsible: text("responsible").notNull(),
    template: text("template"),
    status: text("status", { enum: processStatuses }).notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("processes_slug_key").on(t.tenantId, t.slug),
    check("processes_published_has_date", sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    tenantIsolation("processes"),
  ],
).enableRLS();

/** One phase of a process, with its dates, its level on the ladder and who takes part. */
export const processPhases = pgTable(
  "process_phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    processId: uuid("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: processStages }).notNull(),
    title: text("title").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    level: text("level", { enum: ladderLevels }).notNull(),
    /** Who takes part: residents, entrepreneurs, the village council, youth, … */
    participants: text("participants").array().notNull().default([]),
  },
  (t) => [
    unique("process_phases_stage_key").on(t.processId, t.stage),
    check("process_phases_dates", sql`${t.startsOn} <= ${t.endsOn}`),
    index("process_phases_tenant_idx").on(t.tenantId),
    tenantIsolation("process_phases"),
  ],
).enableRLS();

/** A moment of influence: what can be influenced, how, until when, and when and how feedback follows. */
export const processMoments = pgTable(
  "process_moments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    processId: uuid("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    phaseId: uuid("phase_id")
      .notNull()
      .references(() => processPhases.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** What can be influenced. */
    subject: text("subject").notNull(),
    method: text("method", { enum: momentMethods }).notNull(),
    /** Where and how, or the other instrument in plain words while it has no page of its own. */
    methodDetail: text("method_detail").notNull().default(""),
    /** The burgerbegroting round this moment is, when it is one; its dates and status show on the card. */
    budgetRoundId: uuid("budget_round_id").references(() => pbRounds.id, { onDelete: "set null" }),
    /** The council's advice request this moment is (method `council-advice`). */
    adviceId: uuid("advice_id").references(() => advice.id, { onDelete: "set null" }),
    /** The initiatives fund this moment is (method `fund-round`). */
    fundId: uuid("fund_id").references(() => initiativeFunds.id, { onDelete: "set null" }),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    feedbackOn: date("feedback_on", { mode: "string" }).notNull(),
    feedbackHow: text("feedback_how").notNull(),
    feedbackPublishedAt: timestamp("feedback_published_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
    /** Counts the changes by staff: a form saved over a newer version is refused, not written over it. */
    version: integer("version").notNull().default(0),
  },
  (t) => [
    check("process_moments_dates", sql`${t.opensAt} < ${t.closesAt}`),
    uniqueIndex("process_moments_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("process_moments_process_idx").on(t.processId),
    index("process_moments_phase_idx").on(t.phaseId),
    index("process_moments_budget_round_idx").on(t.budgetRoundId),
    index("process_moments_advice_idx").on(t.adviceId),
    index("process_moments_fund_idx").on(t.fundId),
    // A moment is at most one other instrument, the one its method names.
    check(
      "process_moments_instrument",
      sql`(${t.budgetRoundId} is null or ${t.method} = 'pb-round') and (${t.adviceId} is null or ${t.method} = 'council-advice') and (${t.fundId} is null or ${t.method} = 'fund-round')`,
    ),
    tenantIsolation("process_moments"),
  ],
).enableRLS();

/** What was done with the input of a moment, point by point; shown once the moment's feedback is published. */
export const processFeedback = pgTable(
  "process_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    momentId: uuid("moment_id")
      .notNull()
      .references(() => processMoments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    point: text("point").notNull(),
    outcome: text("outcome", { enum: feedbackOutcomes }).notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    unique("process_feedback_position_key").on(t.momentId, t.position),
    index("process_feedback_tenant_idx").on(t.tenantId),
    tenantIsolation("process_feedback"),
  ],
).enableRLS();

/**
 * The main rules of a municipality's participation ordinance: which kinds of decision need a participation plan,
 * and the lowest level on the ladder a process for such a decision may use in its highest phase.
 */
export const participationRules = pgTable(
  "participation_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    decisionKind: text("decision_kind").notNull(),
    label: text("label").notNull(),
    needsPlan: boolean("needs_plan").notNull().default(true),
    minimumLevel: text("minimum_level", { enum: ladderLevels }).notNull(),
  },
  (t) => [
    unique("participation_rules_kind_key").on(t.tenantId, t.decisionKind),
    tenantIsolation("participation_rules"),
  ],
).enableRLS();

/** One participant's answers after a process: was it clear, was I heard, was the feedback good (1–5). */
export const processEvaluations = pgTable(
  "process_evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    processId: uuid("process_id")
      .notNull()
      .references(() => processes.id, { onDelete: "cascade" }),
    clear: smallint("clear").notNull(),
    heard: smallint("heard").notNull(),
    feedbackGood: smallint("feedback_good").notNull(),
    remark: text("remark").notNull().default(""),
    idempotencyKey: text("idempotency_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** Set when staff turned the remark into a draft lesson for the programme's knowledge bundle. */
    lessonDraftedBy: uuid("lesson_drafted_by").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [
    check(
      "process_evaluations_scores",
      sql`${t.clear} between 1 and 5 and ${t.heard} between 1 and 5 and ${t.feedbackGood} between 1 and 5`,
    ),
    uniqueIndex("process_evaluations_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("process_evaluations_process_idx").on(t.processId),
    index("process_evaluations_lesson_drafted_by_idx").on(t.lessonDraftedBy),
    tenantIsolation("process_evaluations"),
  ],
).enableRLS();
