import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
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
  close(): Promise<void>;
};

export type DatabaseLocation =
  | { kind: "server"; url: string; maxConnections?: number }
  | { kind: "embedded"; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(location: DatabaseLocation): Promise<DatabaseHandle> {
  if (location.kind === "server") {
    const pool = new pg.Pool({ connectionString: location.url, max: location.maxConnections ?? 10 });
    return { db: drizzlePostgres(pool, { schema }), kind: "server", close: () => pool.end() };
  }
  const client = await PGlite.create(location.dataDir, location.loadDataDir ? { loadDataDir: location.loadDataDir } : {});
  return { db: drizzlePglite(client, { schema }), kind: "embedded", close: () => client.close() };
}
