import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { tenantId, tenantIsolation } from "./tenancy.ts";

/** One dated phase of a schedule, as stored: the instant it starts, or null when only a person moves into it. */
export type StoredPhaseDate = { phase: string; startsAt: string | null };

/**
 * Where a subject with dated phases (a pb round, a spelregels process, a fund round) stands: its current phase and
 * its schedule. `next_due_at` is the start of the next phase while that phase has a date, so the queue finds due
 * moves with one index scan. Shared by the instruments through `src/domain/shared/phases.ts`.
 */
export const phaseTracks = pgTable(
  "phase_tracks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantId(),
    /** Which machine the subject follows ("pb-round", "process", …): the subject's own table is named by it. */
    kind: text("kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    phase: text("phase").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
    schedule: jsonb("schedule").$type<StoredPhaseDate[]>().notNull(),
    nextDueAt: timestamp("next_due_at", { withTimezone: true }),
  },
  (t) => [
    unique("phase_tracks_subject_key").on(t.kind, t.subjectId),
    index("phase_tracks_tenant_idx").on(t.tenantId, t.kind),
    index("phase_tracks_due_idx").on(t.nextDueAt).where(sql`next_due_at is not null`),
    tenantIsolation("phase_tracks"),
  ],
).enableRLS();
