import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./client.ts";

const migrationsFolder = new URL("./migrations", import.meta.url).pathname;
/** Any constant: instances that start together take turns at migrating. */
const MIGRATION_LOCK = 7_240_901;

const GRANTS = [
  "grant usage on schema public to samenspel_app",
  "grant select, insert, update, delete on all tables in schema public to samenspel_app",
  "grant usage, select on all sequences in schema public to samenspel_app",
];

/** Brings the schema up to date: the application role, the versioned migrations, then the role's grants. */
export async function migrate(handle: DatabaseHandle): Promise<void> {
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
    await handle.applyMigrations(migrationsFolder);
    for (const grant of GRANTS) await db.execute(sql.raw(grant));
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}
