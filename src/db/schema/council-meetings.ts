import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { councils } from "./councils.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";
import { uploads } from "./uploads.ts";

/** A meeting is prepared as a draft; once published, the public page, the calendar feed and the open data show it. */
export const councilMeetingStatuses = ["draft", "published"] as const;
/** After the meeting: notulen (what was said) or a besluitenlijst (only what was decided). */
export const councilMeetingReportKinds = ["minutes", "decisions"] as const;
/** An agenda item is discussed in public, or behind closed doors (besloten): then only its existence is public. */
export const agendaItemVisibilities = ["public", "closed"] as const;

/**
 * A meeting of a council (issue 10, item 2): when, where, and optionally online. Its report (minutes or a list of
 * decisions) may only be written for a published meeting that has begun: the database refuses it otherwise.
 */
export const councilMeetings = pgTable(
  "council_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    councilId: uuid("council_id").notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    onlineUrl: text("online_url"),
    status: text("status", { enum: councilMeetingStatuses }).notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    reportKind: text("report_kind", { enum: councilMeetingReportKinds }),
    report: text("report"),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    /**
     * Raised by every change of the meeting's facts and by its cancellation: the calendar feed's SEQUENCE, so a
     * subscribed calendar takes the new version, and the version a change form was read at (a stale form is refused).
     */
    sequence: integer("sequence").notNull().default(0),
    /** Called off: the public page and the feed say so (STATUS:CANCELLED); nothing of it changes any more. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancellationReason: text("cancellation_reason"),
    /** The hidden key of the form that created it: a second submit of the same form creates nothing. */
    idempotencyKey: text("idempotency_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "council_meetings_council_fk",
      columns: [t.tenantId, t.councilId],
      foreignColumns: [councils.tenantId, councils.id],
    }).onDelete("cascade"),
    unique("council_meetings_tenant_id_key").on(t.tenantId, t.id),
    unique("council_meetings_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("council_meetings_council_idx").on(t.tenantId, t.councilId, t.startsAt),
    check("council_meetings_times", sql`${t.endsAt} > ${t.startsAt}`),
    check("council_meetings_online_url_form", sql`${t.onlineUrl} is null or ${t.onlineUrl} ~ '^https?://'`),
    check("council_meetings_published", sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check(
      "council_meetings_report",
      sql`(${t.reportKind} is null) = (${t.reportedAt} is null)
        and (${t.reportedAt} is null or (${t.status} = 'published' and ${t.reportedAt} >= ${t.startsAt}))`,
    ),
    check(
      "council_meetings_cancelled",
      sql`(${t.cancelledAt} is null) = (${t.cancellationReason} is null)
        and (${t.cancelledAt} is null or ${t.reportedAt} is null)`,
    ),
    check("council_meetings_sequence", sql`${t.sequence} >= 0`),
    tenantIsolation("council_meetings"),
  ],
).enableRLS();

/**
 * An agenda item, in the meeting's order. A closed item's title, explanation, report and documents never reach a
 * public page, the feed or the open data; only the fact that a closed item is on the agenda does.
 */
export const councilAgendaItems = pgTable(
  "council_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    meetingId: uuid("meeting_id").notNull(),
    position: smallint("position").notNull(),
    title: text("title").notNull(),
    explanation: text("explanation").notNull().default(""),
    visibility: text("visibility", { enum: agendaItemVisibilities }).notNull(),
    /** What was said or decided on this item, written after the meeting. */
    report: text("report"),
    /**
     * Taken off a published agenda (vervallen): it keeps its number and, if public, its title, so what was announced
     * stays readable; its documents are no longer served. An item of a draft is deleted instead.
     */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "council_agenda_items_meeting_fk",
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [councilMeetings.tenantId, councilMeetings.id],
    }).onDelete("cascade"),
    unique("council_agenda_items_meeting_id_key").on(t.tenantId, t.meetingId, t.id),
    unique("council_agenda_items_position_key").on(t.tenantId, t.meetingId, t.position),
    check("council_agenda_items_position", sql`${t.position} between 1 and 999`),
    tenantIsolation("council_agenda_items"),
  ],
).enableRLS();

/**
 * A PDF for a meeting (`item_id` null: for the whole meeting) or for one agenda item of the same meeting. The file itself is an
 * internal upload: it is served publicly only through the meeting's document address, and only while the meeting
 * is published and the item public.
 */
export const councilMeetingDocuments = pgTable(
  "council_meeting_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    meetingId: uuid("meeting_id").notNull(),
    itemId: uuid("item_id"),
    uploadId: uuid("upload_id")
      .notNull()
      .references(() => uploads.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /**
     * Removed after the meeting was published: no page lists it and its address is a 404, but the row and the file
     * stay (ADR 0025, addendum), so what was once public can be shown again to staff. A draft's document is deleted.
     */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({
      name: "council_meeting_documents_meeting_fk",
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [councilMeetings.tenantId, councilMeetings.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "council_meeting_documents_item_fk",
      columns: [t.tenantId, t.meetingId, t.itemId],
      foreignColumns: [councilAgendaItems.tenantId, councilAgendaItems.meetingId, councilAgendaItems.id],
    }).onDelete("cascade"),
    // Covers both foreign keys: the meeting's (its prefix) and the agenda item's.
    index("council_meeting_documents_item_idx").on(t.tenantId, t.meetingId, t.itemId),
    index("council_meeting_documents_upload_idx").on(t.uploadId),
    tenantIsolation("council_meeting_documents"),
  ],
).enableRLS();
