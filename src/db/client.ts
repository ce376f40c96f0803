import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Where a query may run: the database itself or an open transaction. */
export type Executor = Database | Tx;

export type DatabaseHandle = {
  readonly db: Database;
  /** "embedded" is PGlite in this process: one connection, so races can only be proven on "server". */
  readonly kind: "embedded" | "server";
  /** Applies the drizzle-kit migrations in the folder that are not applied yet. */
  applyMigrations(migrationsFolder: string): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseLocation =
  | { kind: "server"; url: string; maxConnections?: number }
  | { kind: "embedded"; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.kind === "server") {
    const pool = new pg.Pool({ connectionString: location.url, max: location.maxConnections ?? 10 });
    // An idle connection the server closes (restart, failover) is dropped from the pool and replaced on demand;
    // without a listener the 'error' event would crash the process.
    pool.on("error", () => {});
    const db = drizzlePostgres(pool, { schema });
    return {
      db,
      kind: "server",
      applyMigrations: (migrationsFolder) => migratePostgres(db, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const client = await PGlite.create(
    location.dataDir,
    location.loadDataDir ? { loadDataDir: location.loadDataDir } : {},
  );
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: "embedded",
    applyMigrations: (migrationsFolder) => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
  };
}
