import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { MigrationMeta } from "drizzle-orm/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { countStatement } from "../platform/request-timing.ts";
import * as schema from "./schema/index.ts";
import { countsStatementsSent, PAGE_VERSION_QUERY } from "./statements-sent.ts";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Where a query may run: the database itself or an open transaction. */
export type Executor = Database | Tx;

export type DatabaseHandle = {
  readonly db: Database;
  /** "embedded" is PGlite in this process: one connection, so races can only be proven on "server". */
  readonly kind: "embedded" | "server";
  /** Applies those of the migrations (read by drizzle's `readMigrationFiles`) that are not applied yet, in one transaction. */
  applyMigrations(migrations: readonly MigrationMeta[]): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseLocation =
  | { kind: "server"; url: string; maxConnections?: number }
  | { kind: "embedded"; dataDir?: string; loadDataDir?: Blob };

/** Counts each statement against the request that runs it, when request timing is on (bench:http). */
const statementCounter = { logQuery: (query: string) => countStatement(query) };

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.kind === "server") {
    const pool = new pg.Pool({ connectionString: location.url, max: location.maxConnections ?? 10 });
    // An idle connection the server closes (restart, failover) is dropped from the pool and replaced on demand;
    // without a listener the 'error' event would crash the process.
    pool.on("error", () => {});
    const db = drizzlePostgres(pool, { schema, logger: statementCounter });
    return {
      db,
      kind: "server",
      applyMigrations: (migrations) => applyWith(db, migrations),
      close: () => pool.end(),
    };
  }
  // btree_gist: the councils' exclusion constraints (a seat holds one person at a time) compare ids in a GiST index.
  // pg_trgm: the knowledge bank finds compounds by their parts and parts by their compounds (ADR 0034).
  const client = await PGlite.create(location.dataDir, {
    extensions: { btree_gist, pg_trgm },
    ...(location.loadDataDir ? { loadDataDir: location.loadDataDir } : {}),
  });
  let sent = 0;
  const db = drizzlePglite(client, {
    schema,
    logger: {
      logQuery(query: string) {
        countStatement(query);
        if (query !== PAGE_VERSION_QUERY) sent += 1;
      },
    },
  });
  countsStatementsSent(db, () => sent);
  return {
    db,
    kind: "embedded",
    applyMigrations: (migrations) => applyWith(db, migrations),
    close: () => client.close(),
  };
}

/**
 * What drizzle's `migrate()` does for both drivers, given the migrations instead of their folder, so `migrate.ts` can
 * put a data-safe form in place of a landed migration that fails on a table with rows (ADR 0014).
 */
function applyWith(db: Database, migrations: readonly MigrationMeta[]): Promise<void> {
  const { dialect, session } = db as unknown as {
    dialect: { migrate(m: MigrationMeta[], s: unknown, c: { migrationsFolder: string }): Promise<void> };
    session: unknown;
  };
  return dialect.migrate([...migrations], session, { migrationsFolder: "" });
}
