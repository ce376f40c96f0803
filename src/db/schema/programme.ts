import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { people } from "./identity.ts";
import { tenantId, tenantIsolation } from "./tenancy.ts";

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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("trajectories_slug_key").on(t.tenantId, t.slug), tenantIsolation("trajectories")],
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
  (t) => [index("trajectory_supervisors_trajectory_idx").on(t.trajectoryId), tenantIsolation("trajectory_supervisors")],
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
  },
  (t) => [
    unique("meetings_slug_key").on(t.tenantId, t.slug),
    index("meetings_starts_at_idx").on(t.tenantId, t.startsAt),
    tenantIsolation("meetings"),
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
  (t) => [index("meeting_slots_meeting_idx").on(t.meetingId, t.startsAt), tenantIsolation("meeting_slots")],
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
  (t) => [unique("workshops_slug_key").on(t.tenantId, t.slug), tenantIsolation("workshops")],
).enableRLS();
