import { sql } from "drizzle-orm";
import {
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
import { councils } from "./councils.ts";
import { people, tenants } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";
import { uploads } from "./uploads.ts";

/** How a term counts (`src/domain/shared/terms.ts`). */
export const adviceTermUnits = ["calendar-days", "weeks", "working-days"] as const;

/**
 * A municipality's advice terms (issue 10, item 3): how long a council has to answer a request, how long the
 * municipality has to respond to advice, and how many days before a deadline the reminder goes out. Without a row
 * the defaults in `src/domain/councils/advice-terms.ts` apply.
 */
export const adviceSettings = pgTable(
  "advice_settings",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    councilTermLength: integer("council_term_length").notNull(),
    councilTermUnit: text("council_term_unit", { enum: adviceTermUnits }).notNull(),
    responseTermLength: integer("response_term_length").notNull(),
    responseTermUnit: text("response_term_unit", { enum: adviceTermUnits }).notNull(),
    reminderDays: integer("reminder_days").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("advice_settings_council_term", sql`${t.councilTermLength} between 1 and 365`),
    check("advice_settings_response_term", sql`${t.responseTermLength} between 1 and 365`),
    check("advice_settings_reminder", sql`${t.reminderDays} between 0 and 30`),
    tenantIsolation("advice_settings"),
  ],
).enableRLS();

export const adviceKinds = ["solicited", "unsolicited"] as const;
/** Solicited: requested → advised → responded. Unsolicited advice starts at advised. */
export const adviceStatuses = ["requested", "advised", "responded"] as const;
export const adviceOutcomes = ["adopted", "partly-adopted", "not-adopted"] as const;

/**
 * One piece of a council's advice, asked for or not, with its two deadlines and the municipality's response. A
 * deadline is fixed when its term starts (the term and the calendar of that day), so a later change of the terms or
 * the days off never moves it; the term it was computed from is kept beside it. Rows are public in the register,
 * except the people who acted (`*_by_id`).
 */
export const advice = pgTable(
  "advice",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    councilId: uuid("council_id").notNull(),
    kind: text("kind", { enum: adviceKinds }).notNull(),
    status: text("status", { enum: adviceStatuses }).notNull(),
    subject: text("subject").notNull(),
    /** What the municipality asks; null for unsolicited advice. */
    question: text("question"),
    requestedOn: date("requested_on"),
    requestedAt: timestamp("requested_at", { withTimezone: true }),
    requestedById: uuid("requested_by_id").references(() => people.id, { onDelete: "set null" }),
    adviceTermLength: integer("advice_term_length"),
    adviceTermUnit: text("advice_term_unit", { enum: adviceTermUnits }),
    adviceDueOn: date("advice_due_on"),
    adviceText: text("advice_text"),
    advisedOn: date("advised_on"),
    advisedAt: timestamp("advised_at", { withTimezone: true }),
    advisedById: uuid("advised_by_id").references(() => people.id, { onDelete: "set null" }),
    responseTermLength: integer("response_term_length"),
    responseTermUnit: text("response_term_unit", { enum: adviceTermUnits }),
    responseDueOn: date("response_due_on"),
    outcome: text("outcome", { enum: adviceOutcomes }),
    reasons: text("reasons"),
    respondedOn: date("responded_on"),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    respondedById: uuid("responded_by_id").references(() => people.id, { onDelete: "set null" }),
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "advice_council_fk",
      columns: [t.tenantId, t.councilId],
      foreignColumns: [councils.tenantId, councils.id],
    }).onDelete("restrict"),
    unique("advice_tenant_id_key").on(t.tenantId, t.id),
    index("advice_council_idx").on(t.tenantId, t.councilId),
    index("advice_requested_by_idx").on(t.requestedById),
    index("advice_advised_by_idx").on(t.advisedById),
    index("advice_responded_by_idx").on(t.respondedById),
    uniqueIndex("advice_idempotency_key").on(t.tenantId, t.idempotencyKey).where(sql`idempotency_key is not null`),
    check(
      "advice_solicited_has_request",
      sql`(${t.kind} = 'solicited') = (${t.requestedOn} is not null and ${t.requestedAt} is not null
        and ${t.question} is not null and ${t.adviceDueOn} is not null and ${t.adviceTermLength} is not null
        and ${t.adviceTermUnit} is not null)`,
    ),
    check(
      "advice_advised_has_advice",
      sql`(${t.status} <> 'requested') = (${t.adviceText} is not null and ${t.advisedOn} is not null
        and ${t.advisedAt} is not null and ${t.responseDueOn} is not null and ${t.responseTermLength} is not null
        and ${t.responseTermUnit} is not null)`,
    ),
    check(
      "advice_responded_has_response",
      sql`(${t.status} = 'responded') = (${t.outcome} is not null and ${t.reasons} is not null
        and ${t.respondedOn} is not null and ${t.respondedAt} is not null)`,
    ),
    tenantIsolation("advice"),
  ],
).enableRLS();

/** Whose part of the advice a file belongs to: the municipality's request, the council's advice, or the response. */
export const adviceAttachmentSides = ["request", "advice", "response"] as const;

/**
 * A PDF attached to one side of a piece of advice. The file is an internal upload: the file route serves it to
 * everyone once its side is public (the request from the start, the advice once given, the response once
 * recorded), and before that only to staff and the council's members.
 */
export const adviceAttachments = pgTable(
  "advice_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    adviceId: uuid("advice_id").notNull(),
    side: text("side", { enum: adviceAttachmentSides }).notNull(),
    uploadId: uuid("upload_id")
      .notNull()
      .references(() => uploads.id, { onDelete: "cascade" }),
    /**
     * Removed after its side was public: no page lists it and only staff open it, but the row and the file stay
     * (as a meeting's documents, ADR 0025, addendum). Before that a removed file is deleted.
     */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "advice_attachments_advice_fk",
      columns: [t.tenantId, t.adviceId],
      foreignColumns: [advice.tenantId, advice.id],
    }).onDelete("cascade"),
    index("advice_attachments_advice_idx").on(t.tenantId, t.adviceId),
    uniqueIndex("advice_attachments_upload_key").on(t.uploadId),
    tenantIsolation("advice_attachments"),
  ],
).enableRLS();
