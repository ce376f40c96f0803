import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole } from "./app-role.ts";
import { currentTenant } from "./current.ts";
import { people, tenants } from "./identity.ts";
import { publicRead, tenantId, tenantIsolation } from "./tenancy.ts";

export const targetGroups = [
  "councillors",
  "clerks",
  "mayors",
  "aldermen",
  "town-secretaries",
  "civil-servants",
  "residents",
  "designers",
] as const;

/** An ontwikkeltraject of the national programme. */
export const trajectories = pgTable(
  "trajectories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    theme: text("theme").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull().default(""),
    weOffer: text("we_offer").array().notNull().default([]),
    weAsk: text("we_ask").array().notNull().default([]),
    targetGroups: text("target_groups", { enum: targetGroups }).array().notNull().default([]),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    /** For a trajectory announced by its length rather than an end date ("in principe 1 jaar"). */
    durationMonths: integer("duration_months"),
    minMunicipalities: integer("min_municipalities"),
    maxMunicipalities: integer("max_municipalities"),
    applicationDeadlineOn: date("application_deadline_on"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    /**
     * The programme shares the costs of local support (lokaal maatwerk) by the rule in `share-costs.ts`: true for
     * every ontwikkeltraject unless staff say otherwise; the public pages state the rule where it applies.
     */
    sharesLocalSupport: boolean("shares_local_support").notNull().default(true),
    /**
     * "Meer over het traject": the full text the source's "Lees hier meer" pointed to, written by staff in the
     * rich-text subset of `app/components/rich-text.tsx` (never HTML); empty until they write it.
     */
    moreText: text("more_text").notNull().default(""),
    /**
     * The public page also takes sign-ups from designers and city makers (ontwerpers, stadmakers), who join a
     * municipality's work on location; off unless staff turn it on (`designer_signups`).
     */
    takesDesignerSignUps: boolean("takes_designer_sign_ups").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("trajectories_slug_key").on(t.tenantId, t.slug),
    tenantIsolation("trajectories"),
    publicRead("trajectories"),
  ],
).enableRLS();

/**
 * A designer's sign-up for a trajectory, from the public form: no account, so the row holds what they typed. One per
 * address per trajectory (case-insensitive): the unique index decides, so two simultaneous posts make one row.
 */
export const designerSignups = pgTable(
  "designer_signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** Their organisation, or their discipline when they work alone ("landschapsarchitect"). */
    organisation: text("organisation").notNull(),
    motivation: text("motivation").notNull(),
    /** They agreed that the programme keeps these details for the trajectory; the form refuses a sign-up without. */
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("designer_signups_one_per_address").on(t.trajectoryId, sql`lower(${t.email})`),
    index("designer_signups_tenant_idx").on(t.tenantId),
    tenantIsolation("designer_signups"),
  ],
).enableRLS();

/** A begeleider of a trajectory; `personId` once they have an account. */
export const trajectorySupervisors = pgTable(
  "trajectory_supervisors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    organisation: text("organisation").notNull(),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    position: integer("position").notNull(),
  },
  (t) => [
    index("trajectory_supervisors_trajectory_idx").on(t.trajectoryId),
    index("trajectory_supervisors_tenant_idx").on(t.tenantId),
    index("trajectory_supervisors_person_idx").on(t.personId),
    tenantIsolation("trajectory_supervisors"),
    publicRead("trajectory_supervisors"),
  ],
).enableRLS();

export const meetingKinds = [
  "start-session",
  "design-session",
  "kickoff",
  "network",
  "learning-studio",
  "work-visit",
  "regional-exchange",
  "closing",
  "workshop",
] as const;

/**
 * Who may register for a meeting: anyone signed in, people with a municipal role (coordinators, staff and council
 * members of any municipality), or those of the invited municipalities only (`meeting_invitations`). Programme staff
 * and supervisors may always register.
 */
export const meetingAudiences = ["open", "municipal", "invited"] as const;

/** A bijeenkomst: a start session, a regional design session, a trajectory meeting or a scheduled workshop. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: meetingKinds }).notNull(),
    trajectoryId: uuid("trajectory_id").references(() => trajectories.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Announced by date only (times to follow): `startsAt` is the day's start in Europe/Amsterdam. */
    allDay: boolean("all_day").notNull().default(false),
    region: text("region"),
    city: text("city"),
    venue: text("venue"),
    address: text("address"),
    capacity: integer("capacity"),
    /**
     * The iCalendar SEQUENCE of the meeting's events: raised by every change of date, time or place and by the
     * cancellation, so a calendar that has the event (same UID) replaces it instead of keeping the old one.
     */
    sequence: integer("sequence").notNull().default(0),
    /** Called off by staff; the meeting stays on the calendar as cancelled and takes no sign-ups. */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /**
     * Places are provisional until programme staff confirm each one (the start session: "Democratie in Actie neemt
     * na aanmelding contact met u op voor definitieve aanmelding"). A provisional place holds its seat.
     */
    placesProvisional: boolean("places_provisional").notNull().default(false),
    audience: text("audience", { enum: meetingAudiences }).notNull().default("open"),
  },
  (t) => [
    check("meetings_sequence_not_negative", sql`${t.sequence} >= 0`),
    unique("meetings_slug_key").on(t.tenantId, t.slug),
    index("meetings_starts_at_idx").on(t.tenantId, t.startsAt),
    index("meetings_trajectory_idx").on(t.trajectoryId),
    tenantIsolation("meetings"),
    publicRead("meetings"),
  ],
).enableRLS();

/** A time slot of a meeting's programme: a walk-in, or one of several parallel tracks people register for. */
export const meetingSlots = pgTable(
  "meeting_slots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["walk-in", "track", "plenary"] }).notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    trajectoryId: uuid("trajectory_id").references(() => trajectories.id, { onDelete: "set null" }),
    capacity: integer("capacity"),
    /** Order within the meeting's programme, so parallel tracks keep the order in which they were announced. */
    position: integer("position").notNull(),
  },
  (t) => [
    index("meeting_slots_meeting_idx").on(t.meetingId, t.startsAt),
    index("meeting_slots_tenant_idx").on(t.tenantId),
    index("meeting_slots_trajectory_idx").on(t.trajectoryId),
    tenantIsolation("meeting_slots"),
    publicRead("meeting_slots"),
  ],
).enableRLS();

/** An in-company workshop in the offer (VNG Academie style). */
export const workshops = pgTable(
  "workshops",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    format: text("format", { enum: ["in-company"] }).notNull(),
    themes: text("themes").array().notNull().default([]),
    targetGroups: text("target_groups", { enum: targetGroups }).array().notNull().default([]),
    maxParticipants: integer("max_participants").notNull(),
    dayparts: integer("dayparts").notNull(),
    investment: text("investment", { enum: ["on-request"] }).notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull(),
    questions: text("questions").array().notNull().default([]),
  },
  (t) => [unique("workshops_slug_key").on(t.tenantId, t.slug), tenantIsolation("workshops"), publicRead("workshops")],
).enableRLS();

export const registrationStatuses = ["registered", "wait-listed", "cancelled"] as const;

/**
 * A person's place in a meeting slot (a track, or a design session's single slot). `position` orders the
 * wait-list: first come, first promoted.
 */
export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    position: bigserial("position", { mode: "number" }).notNull(),
    tenantId: tenantId(),
    slotId: uuid("slot_id")
      .notNull()
      .references(() => meetingSlots.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    status: text("status", { enum: registrationStatuses }).notNull(),
    /** Answers to the questions asked before the meeting ("we ask your input beforehand"). */
    answers: jsonb("answers").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** When staff confirmed a provisional place (meetings with `placesProvisional`); null while it is provisional. */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** Staff mark who came; a wait-list spot cannot have been attended (a place cancelled later keeps the mark). */
    attended: boolean("attended").notNull().default(false),
  },
  (t) => [
    check("registrations_attended_not_waiting", sql`not ${t.attended} or ${t.status} <> 'wait-listed'`),
    uniqueIndex("registrations_one_active_per_person").on(t.slotId, t.personId).where(sql`status <> 'cancelled'`),
    index("registrations_slot_status_idx").on(t.slotId, t.status, t.position),
    index("registrations_person_idx").on(t.personId),
    index("registrations_meeting_idx").on(t.meetingId),
    index("registrations_tenant_idx").on(t.tenantId),
    tenantIsolation("registrations"),
  ],
).enableRLS();

export const applicationStatuses = [
  "submitted",
  "intake-scheduled",
  "intake-held",
  "admitted",
  "wait-listed",
  "declined",
  "withdrawn",
] as const;

/** The municipality a programme-owned row is about; it may read the row (see programmeOrMunicipality). */
const municipalityId = () =>
  uuid("municipality_id")
    .notNull()
    .references(() => tenants.id, { onDelete: "cascade" });

const applicationId = () =>
  uuid("application_id")
    .notNull()
    .references(() => applications.id, { onDelete: "cascade" });

/**
 * The hidden key of the form that created a row without a natural key: a double submit or a retry finds the first
 * row instead of making a second. Unique per tenant; rows made outside a form have none.
 */
const idempotencyKey = () => text("idempotency_key");
const onePerKey = (table: string, t: { tenantId: AnyPgColumn; idempotencyKey: AnyPgColumn }) =>
  uniqueIndex(`${table}_idempotency_key`).on(t.tenantId, t.idempotencyKey);

/** Rows the programme owns but a municipality may see: its own applications and what hangs under them. */
const programmeOrMunicipality = (table: string) =>
  pgPolicy(`${table}_programme_or_municipality`, {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sql`tenant_id = ${currentTenant} or municipality_id = ${currentTenant}`,
    withCheck: sql`tenant_id = ${currentTenant} or municipality_id = ${currentTenant}`,
  });

/** A municipality's application to take part in a trajectory, from submission through intake to a decision. */
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    municipalityId: municipalityId(),
    submittedBy: uuid("submitted_by").references(() => people.id, { onDelete: "set null" }),
    project: text("project").notNull(),
    learningQuestion: text("learning_question").notNull(),
    commitmentCollege: text("commitment_college").notNull(),
    commitmentCouncil: text("commitment_council").notNull(),
    commitmentCivilService: text("commitment_civil_service").notNull(),
    contacts: jsonb("contacts").$type<{ name: string; email: string; role: string }[]>().notNull(),
    status: text("status", { enum: applicationStatuses }).notNull(),
    /**
     * The coordinator's opt-in: the other municipalities of the learning group see this application's first contact
     * (name, role, e-mail), through learning_group_peers() only (ADR 0036). Off until the coordinator turns it on.
     */
    contactShared: boolean("contact_shared").notNull().default(false),
    intakeAt: timestamp("intake_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("applications_one_open_per_municipality")
      .on(t.trajectoryId, t.municipalityId)
      .where(sql`status not in ('declined', 'withdrawn')`),
    index("applications_trajectory_status_idx").on(t.trajectoryId, t.status),
    // A trajectory's queue, oldest first, so a page of it reads only its own rows.
    index("applications_queue_idx").on(t.tenantId, t.trajectoryId, t.submittedAt, t.id),
    index("applications_tenant_idx").on(t.tenantId),
    index("applications_municipality_idx").on(t.municipalityId),
    index("applications_submitted_by_idx").on(t.submittedBy),
    programmeOrMunicipality("applications"),
  ],
).enableRLS();

/** Every state change of an application, who made it and when: the trail staff and the municipality both see. */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: tenantId(),
    municipalityId: municipalityId(),
    applicationId: applicationId(),
    fromStatus: text("from_status", { enum: applicationStatuses }),
    toStatus: text("to_status", { enum: applicationStatuses }).notNull(),
    actorPersonId: uuid("actor_person_id").references(() => people.id, { onDelete: "set null" }),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("application_events_application_idx").on(t.applicationId, t.id),
    index("application_events_tenant_idx").on(t.tenantId),
    index("application_events_municipality_idx").on(t.municipalityId),
    index("application_events_actor_idx").on(t.actorPersonId),
    programmeOrMunicipality("application_events"),
  ],
).enableRLS();

/**
 * A quote or invoice for local support (lokaal maatwerk) of an admitted municipality; the programme pays half.
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): a mistake is corrected by a reversing line.
 */
export const costItems = pgTable(
  "cost_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    municipalityId: municipalityId(),
    applicationId: applicationId(),
    kind: text("kind", { enum: ["quote", "invoice"] }).notNull(),
    supplier: text("supplier").notNull(),
    description: text("description").notNull(),
    amountCents: integer("amount_cents").notNull(),
    /** Costs outside local support (travel, catering…) are recorded but not shared. */
    eligible: boolean("eligible").notNull(),
    documentOn: date("document_on").notNull(),
    recordedBy: uuid("recorded_by").references(() => people.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    idempotencyKey: idempotencyKey(),
    /** A correction is a new line with the opposite amount that reverses the original, which stays as it was. */
    reversesId: uuid("reverses_id").references((): AnyPgColumn => costItems.id, { onDelete: "restrict" }),
    /** Why a line was reversed; only a reversal has one. */
    reason: text("reason"),
  },
  (t) => [
    onePerKey("cost_items", t),
    uniqueIndex("cost_items_reverses_key").on(t.reversesId),
    check(
      "cost_items_sign",
      sql`(${t.reversesId} is null) = (${t.amountCents} > 0) and (${t.reversesId} is null) = (${t.reason} is null)`,
    ),
    index("cost_items_application_idx").on(t.applicationId),
    index("cost_items_municipality_idx").on(t.municipalityId),
    index("cost_items_recorded_by_idx").on(t.recordedBy),
    programmeOrMunicipality("cost_items"),
  ],
).enableRLS();

/** A municipality's learning agenda in a trajectory: questions, and concrete local actions tracked to completion. */
export const learningAgendaItems = pgTable(
  "learning_agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    municipalityId: municipalityId(),
    applicationId: applicationId(),
    kind: text("kind", { enum: ["question", "action"] }).notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: ["open", "in-progress", "done"] })
      .notNull()
      .default("open"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    idempotencyKey: idempotencyKey(),
  },
  (t) => [
    onePerKey("learning_agenda_items", t),
    index("learning_agenda_items_application_idx").on(t.applicationId),
    index("learning_agenda_items_municipality_idx").on(t.municipalityId),
    programmeOrMunicipality("learning_agenda_items"),
  ],
).enableRLS();

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A lesson learned: a common thread of a trajectory (rode draad) or one municipality's experience. Published
 * lessons are for everyone, searched with PostgreSQL's Dutch full-text search.
 */
export const lessons = pgTable(
  "lessons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").references(() => tenants.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["common-thread", "municipal"] }).notNull(),
    theme: text("theme").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    idempotencyKey: idempotencyKey(),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('dutch', ${lessons.title}), 'A') || setweight(to_tsvector('dutch', ${lessons.theme}), 'B') || setweight(to_tsvector('dutch', ${lessons.body}), 'C')`,
      ),
  },
  (t) => [
    onePerKey("lessons", t),
    index("lessons_search_idx").using("gin", t.searchVector),
    // The staff list's order (drafts first, then newest), so a page of it reads only its own rows.
    index("lessons_staff_order_idx").on(t.tenantId, t.publishedAt.desc().nullsFirst(), t.title, t.id),
    index("lessons_trajectory_idx").on(t.trajectoryId),
    index("lessons_municipality_idx").on(t.municipalityId),
    tenantIsolation("lessons"),
    pgPolicy("lessons_published_read", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`published_at is not null`,
    }),
  ],
).enableRLS();

/**
 * Every word of a published lesson, once, unstemmed and in lower case: the knowledge bank looks up the words similar
 * to what people type with pg_trgm here, where its index can be used, and then searches the lessons for those words
 * with the full-text index (ADR 0034). Filled by a trigger on `lessons` made in its migration; a word stays when its
 * lesson changes, as it can only widen a search that row-level security still filters. The application role
 * cannot read it: only `lesson_search_words()`, which returns a tsquery for a query, does.
 */
export const lessonWords = pgTable("lesson_words", { word: text("word").primaryKey() }, (t) => [
  index("lesson_words_trigram_idx").using("gin", t.word.op("gin_trgm_ops")),
]);

/** Newsletter subscriptions per theme, double opt-in: nothing is sent before `confirmedAt`, nothing after `unsubscribedAt`. */
export const newsletterSubscriptions = pgTable(
  "newsletter_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /** Stored in lower case, so one address has one subscription per theme. */
    email: text("email").notNull(),
    theme: text("theme").notNull(),
    locale: text("locale", { enum: ["nl", "en"] })
      .notNull()
      .default("nl"),
    /** SHA-256 of the secret in the confirmation link. */
    confirmTokenHash: text("confirm_token_hash").notNull().unique(),
    /** In every newsletter's one-click unsubscribe link; it can do nothing else, so it is kept as it is. */
    unsubscribeToken: text("unsubscribe_token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("newsletter_subscriptions_email_theme_key").on(t.tenantId, t.email, t.theme),
    tenantIsolation("newsletter_subscriptions"),
  ],
).enableRLS();

export const workshopRequestStatuses = [
  "requested",
  "quoted",
  "accepted",
  "scheduled",
  "declined",
  "cancelled",
] as const;

/** A municipality invited to a meeting whose audience is `invited`; public, like the meeting itself. */
export const meetingInvitations = pgTable(
  "meeting_invitations",
  {
    tenantId: tenantId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    municipalityId: municipalityId(),
  },
  (t) => [
    primaryKey({ name: "meeting_invitations_pkey", columns: [t.meetingId, t.municipalityId] }),
    index("meeting_invitations_tenant_idx").on(t.tenantId),
    index("meeting_invitations_municipality_idx").on(t.municipalityId),
    tenantIsolation("meeting_invitations"),
    publicRead("meeting_invitations"),
  ],
).enableRLS();

/** A municipality asks for an in-company workshop; staff quote, the municipality accepts, staff schedule it. */
export const workshopRequests = pgTable(
  "workshop_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    municipalityId: municipalityId(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    requestedBy: uuid("requested_by").references(() => people.id, { onDelete: "set null" }),
    participants: integer("participants").notNull(),
    preferredDates: text("preferred_dates").notNull(),
    status: text("status", { enum: workshopRequestStatuses }).notNull(),
    quoteCents: integer("quote_cents"),
    quoteNote: text("quote_note"),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    idempotencyKey: idempotencyKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("workshop_requests_participants_positive", sql`${t.participants} > 0`),
    onePerKey("workshop_requests", t),
    index("workshop_requests_status_idx").on(t.tenantId, t.status),
    index("workshop_requests_municipality_idx").on(t.municipalityId),
    index("workshop_requests_workshop_idx").on(t.workshopId),
    index("workshop_requests_requested_by_idx").on(t.requestedBy),
    index("workshop_requests_meeting_idx").on(t.meetingId),
    programmeOrMunicipality("workshop_requests"),
  ],
).enableRLS();

/**
 * A person's secret calendar feed: calendar apps cannot sign in, so the URL carries a random token. Kept as it is
 * (it only reads the person's own tracks); a new token replaces the old one, which stops working at once.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    personId: uuid("person_id")
      .primaryKey()
      .references(() => people.id, { onDelete: "cascade" }),
    tenantId: tenantId(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("calendar_feeds_tenant_idx").on(t.tenantId), tenantIsolation("calendar_feeds")],
).enableRLS();

/**
 * One newsletter edition for one theme. The idempotency key comes from the staff form, so a double submit is one
 * edition; `fannedOutAt` is set in the transaction that queues the per-recipient deliveries.
 */
export const newsletterEditions = pgTable(
  "newsletter_editions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    idempotencyKey: text("idempotency_key").notNull(),
    theme: text("theme").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sentByPersonId: uuid("sent_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    fannedOutAt: timestamp("fanned_out_at", { withTimezone: true }),
    recipientCount: integer("recipient_count"),
  },
  (t) => [
    uniqueIndex("newsletter_editions_idempotency_key").on(t.tenantId, t.idempotencyKey),
    index("newsletter_editions_created_idx").on(t.tenantId, t.createdAt),
    index("newsletter_editions_sent_by_idx").on(t.sentByPersonId),
    tenantIsolation("newsletter_editions"),
  ],
).enableRLS();

export const newsletterDeliveryStatuses = ["queued", "sent", "failed", "skipped"] as const;

/**
 * One recipient of one edition, and what became of the mail: queued at the fan-out, `skipped` when the address
 * unsubscribed before its turn, `sent` when the SMTP server took it, `failed` with the server's answer (the queue
 * tries again, so a later `sent` can follow).
 */
export const newsletterDeliveries = pgTable(
  "newsletter_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    editionId: uuid("edition_id")
      .notNull()
      .references(() => newsletterEditions.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    status: text("status", { enum: newsletterDeliveryStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    /** The SMTP server's answer to the last failed attempt. */
    lastError: text("last_error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("newsletter_deliveries_edition_email_key").on(t.editionId, t.email),
    index("newsletter_deliveries_tenant_idx").on(t.tenantId, t.editionId),
    tenantIsolation("newsletter_deliveries"),
  ],
).enableRLS();
