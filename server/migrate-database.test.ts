import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/index.ts";
import { readMigrations } from "../src/db/migrate.ts";
import { emptyDatabase } from "../tests/support/database.ts";
import { rowsOf } from "../tests/support/sql.ts";
import { readCatalogue, rowFactory } from "../tests/support/tenant-tables.ts";
import { migrateDatabase } from "./migrate-database.ts";

/**
 * Migrations run on databases that are in use. Starting from nothing, every migration is applied on its own and
 * then every table that is still empty gets a row, so each later migration meets rows in every table that existed
 * before it: a column added NOT NULL without a default, or a constraint that old rows break, fails here. With the
 * domain's data steps, as every start runs them (here, beside them: `src/db` knows no domain code).
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await emptyDatabase();
});
afterAll(() => handle?.close());

async function fillEmptyTables(): Promise<string[]> {
  const catalogue = await readCatalogue(handle.db);
  const rows = rowFactory(handle.db, catalogue);
  const isEmpty = async (table: string) => (await rowsOf(handle.db, `select 1 from "${table}" limit 1`)).length === 0;
  const filled: string[] = [];
  // Tenants first: every other row belongs to one.
  const tables = ["tenants", ...[...catalogue.columns.keys()].filter((t) => t !== "tenants")];
  for (const table of tables) {
    if (!(await isEmpty(table))) continue;
    const [tenant] = await rowsOf<{ id: string }>(handle.db, "select id from tenants order by created_at limit 1");
    await rows.row(table, { tenantId: tenant?.id ?? "", municipalityId: tenant?.id ?? "" });
    filled.push(table);
  }
  return filled;
}

describe("the migrations", () => {
  it("take a database with rows in every table from the first migration to the last", async () => {
    const count = readMigrations().length;
    for (let applied = 1; applied <= count; applied++) {
      await migrateDatabase(handle, { upTo: applied });
      await fillEmptyTables();
    }
    const [recorded] = await rowsOf<{ n: number }>(
      handle.db,
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    );
    expect(recorded).toEqual({ n: count });
    const empty = [];
    for (const table of (await readCatalogue(handle.db)).columns.keys()) {
      if ((await rowsOf(handle.db, `select 1 from "${table}" limit 1`)).length === 0) empty.push(table);
    }
    expect(empty).toEqual([]);
    // The count stored before there was a results page column (tenant-tables.ts) got its page from its outcome.
    const [stored] = await rowsOf<{ page: unknown }>(handle.db, "select page from pb_results");
    expect(stored!.page).toMatchObject({
      rule: "equal-shares-add1",
      comparisonRule: "greedy",
      areas: [
        {
          name: "Wijk",
          shareWithFunded: 0.67,
          points: false,
          funded: [{ reference: "1", title: "Bankje", costEuros: 60, score: 2 }],
          notFunded: [{ reference: "2", title: "Speeltuin", costEuros: 90, score: 1 }],
          comparison: [{ title: "Speeltuin", costEuros: 90 }],
          same: false,
        },
      ],
    });
    // Every migration, each followed by a catalogue read and inserts: it grows with the schema, and on a loaded
    // two-core machine it took 32 s, past the suite's 30 s hang limit.
  }, 300_000);
});
