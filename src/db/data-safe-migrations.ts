import type { MigrationMeta } from "drizzle-orm/migrator";

/**
 * Landed migrations that fail on a table with rows, and statements that reach the same schema on an empty or a
 * filled database. A landed migration file is never edited (its hash is on record in every database that applied
 * it), so the migrator runs these statements in its place and records the file's own hash, exactly as if the file
 * had run: databases that applied the original and those that applied this form cannot be told apart (ADR 0014).
 * Each entry names the file's hash, so a change to the file stops the migrator instead of being silently skipped.
 */
const replacements: ReadonlyMap<number, { tag: string; hash: string; statements: readonly string[] }> = new Map([
  [
    1795308883502,
    {
      // `position` was added NOT NULL without a default; existing slots get their order within the meeting.
      tag: "0005_programme-details",
      hash: "e13a8420783117120e6aab52d9bd65baca4e797356f7d4e02fdbcd10f1a8448f",
      statements: [
        `ALTER TABLE "meeting_slots" ADD COLUMN "position" integer`,
        `UPDATE "meeting_slots" AS s SET "position" = o.n
           FROM (SELECT id, row_number() OVER (PARTITION BY meeting_id ORDER BY starts_at, id) AS n FROM meeting_slots) AS o
          WHERE o.id = s.id`,
        `ALTER TABLE "meeting_slots" ALTER COLUMN "position" SET NOT NULL`,
        `ALTER TABLE "meetings" ADD COLUMN "all_day" boolean DEFAULT false NOT NULL`,
        `ALTER TABLE "trajectories" ADD COLUMN "duration_months" integer`,
      ],
    },
  ],
]);

export function dataSafe(migration: MigrationMeta): MigrationMeta {
  const replacement = replacements.get(migration.folderMillis);
  if (!replacement) return migration;
  if (replacement.hash !== migration.hash) {
    throw new Error(`migration ${replacement.tag} changed after it landed; its data-safe form no longer applies`);
  }
  return { ...migration, sql: [...replacement.statements] };
}
