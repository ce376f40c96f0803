import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { type MigrationMeta, readMigrationFiles } from "drizzle-orm/migrator";
import type { Database, DatabaseHandle } from "./client.ts";
import { dataSafe } from "./data-safe-migrations.ts";
import { PAGE_VERSION_PAUSE, PAGE_VERSION_STATEMENTS } from "./page-version.ts";

const migrationsFolder = new URL("./migrations", import.meta.url).pathname;
/** Any constant: instances that start together take turns at migrating. */
const MIGRATION_LOCK = 7_240_901;

/**
 * Tables only the platform connection (`withPlatform()`, the identity use cases) may touch: password hashes, TOTP
 * secrets, session and sign-in token hashes, linked identities and rate-limit counters. A tenant transaction that
 * names one gets "permission denied" (ADR 0014).
 */
export const PLATFORM_ONLY_TABLES = [
  "password_credentials",
  "oidc_identities",
  "sessions",
  "sign_in_tokens",
  "rate_limits",
  "totp_recovery_codes",
] as const;

/**
 * Re-run after every migration, so a new table is granted at once; the exceptions are named. The queue's payloads
 * carry other people's sign-in links, so a tenant transaction may queue a job and learn its id, not read one.
 */
const GRANTS = [
  "grant usage on schema public to samenspel_app",
  "grant select, insert, update, delete on all tables in schema public to samenspel_app",
  "grant usage, select on all sequences in schema public to samenspel_app",
  // Only the tables that exist yet: a migration run stopped part-way (`upTo`) has not made the later ones.
  `do $$ declare t text; begin
     foreach t in array array['${PLATFORM_ONLY_TABLES.join("','")}'] loop
       if to_regclass(t) is not null then execute format('revoke all on %I from samenspel_app', t); end if;
     end loop;
   end $$`,
  "revoke select, update, delete on jobs from samenspel_app",
  "grant select (id) on jobs to samenspel_app",
  "revoke update, delete on audit_log from samenspel_app",
  // Bumped by a security-definer trigger and read by the owner outside any transaction (ADR 0030).
  "revoke all on page_version from samenspel_app",
  // Read through lesson_search_words() and filled by a trigger on lessons, both security definer (ADR 0034).
  "do $$ begin if to_regclass('lesson_words') is not null then revoke all on lesson_words from samenspel_app; end if; end $$",
];

/** Whether a migration is newer than the last one applied (drizzle's own rule: by the file's timestamp). */
async function anyPending(handle: DatabaseHandle, migrations: readonly MigrationMeta[]): Promise<boolean> {
  const rows = async (query: string) =>
    ((await handle.db.execute(sql.raw(query))) as unknown as { rows: { value: string | null }[] }).rows;
  const [present] = await rows("select to_regclass('drizzle.__drizzle_migrations')::text as value");
  if (!present?.value) return true;
  const [last] = await rows("select max(created_at)::text as value from drizzle.__drizzle_migrations");
  return !last?.value || migrations.some((m) => m.folderMillis > Number(last.value));
}

/** A migration with its name: its tag without the number (`0053_results-page-required` → `results-page-required`). */
type NamedMigration = MigrationMeta & { name: string };

/**
 * The versioned migrations in order, each landed one that fails on a table with rows in its data-safe form. Drizzle
 * reads them in the journal's order, and names them only there.
 */
export function readMigrations(): NamedMigration[] {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: { tag: string }[];
  };
  return readMigrationFiles({ migrationsFolder }).map((migration, i) => ({
    ...dataSafe(migration),
    name: journal.entries[i]!.tag.replace(/^\d+_/, ""),
  }));
}

/**
 * Work that a migration needs done first and SQL cannot do, such as filling a new column with what the domain's
 * TypeScript derives from other columns, so that the migration can make it NOT NULL. It runs as the owner, inside the
 * migration lock, after the migrations before `before` and only while that one is still to be applied: once per
 * database. It must be idempotent (a start that stops in the middle runs it again) and may read only the columns that
 * exist at that point of the schema, not the latest Drizzle schema.
 */
export type DataStep = {
  /** The migration's name (its tag without the number). */
  before: string;
  run(db: Database): Promise<void>;
};

export type MigrateOptions = {
  /** Stop after this many migrations: for the test that puts rows in every table between two migrations. */
  upTo?: number;
  /** The data steps of the domain (`server/migrate-database.ts` passes them all). */
  steps?: readonly DataStep[];
};

/**
 * Brings the schema up to date: the application role, the versioned migrations, the page version's triggers on every
 * table (ADR 0030), then the role's grants.
 */
export async function migrate(handle: DatabaseHandle, options: MigrateOptions = {}): Promise<void> {
  const { db } = handle;
  await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await db.execute(
      sql.raw(`
      do $$ begin
        if not exists (select from pg_roles where rolname = 'samenspel_app') then
          create role samenspel_app nologin;
        end if;
      exception when duplicate_object then null;
      end $$`),
    );
    const all = readMigrations();
    const migrations = all.slice(0, options.upTo);
    // Only when there is something to apply: instances that are running go on bumping the version meanwhile.
    if (await anyPending(handle, migrations)) await db.execute(sql.raw(PAGE_VERSION_PAUSE));
    const steps = (options.steps ?? []).map((step) => {
      const at = all.findIndex((m) => m.name === step.before);
      if (at < 0) throw new Error(`data step before migration "${step.before}": there is no such migration`);
      return { at, step };
    });
    for (const { at, step } of steps.sort((a, b) => a.at - b.at)) {
      if (at >= migrations.length || !(await anyPending(handle, migrations.slice(0, at + 1)))) continue;
      // Drizzle applies what is newer than the last applied migration: up to the step here, the rest below.
      await handle.applyMigrations(migrations.slice(0, at));
      await step.run(db);
    }
    await handle.applyMigrations(migrations);
    for (const statement of PAGE_VERSION_STATEMENTS) await db.execute(sql.raw(statement));
    for (const grant of GRANTS) await db.execute(sql.raw(grant));
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}
