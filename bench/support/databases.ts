import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type DatabaseHandle, migrate, openDatabase } from "../../src/db/index.ts";
import { seedDemo } from "../../src/seed/index.ts";
import { type Scale, seedScale } from "./scale.ts";

/**
 * A database of its own: on `DATABASE_URL`'s server a scratch database (made here, dropped on close), else an
 * embedded one in memory.
 */
export async function scratchDatabase(maxConnections = 20): Promise<DatabaseHandle & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ kind: "embedded" });
  const name = `samenspel_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: "server", url: url.toString(), maxConnections });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      await admin.query(`drop database "${name}" with (force)`);
      await admin.end();
    },
  };
}

export type PreparedDatabase = {
  /** What the app process needs in its environment to open it. */
  env: Record<string, string>;
  /** A directory for scratch files, removed by `drop`. */
  scratchDir: string;
  seeded: Record<string, number> | undefined;
  /**
   * Gathers the planner's statistics (ANALYZE), with no app process holding the embedded directory; the statement's
   * milliseconds (on PGlite the event loop is its for that long, as in the hourly clean-up).
   */
  analyze(): Promise<number>;
  drop(): Promise<void>;
};

/**
 * The demo content, and with `scale` the bench's extra data on top, in a database the app process then opens:
 * a PGlite directory, or a scratch database on the PostgreSQL server of `DATABASE_URL`.
 */
export async function prepareDatabase(
  kind: "embedded" | "server",
  o: { scale?: Scale; now: Date; analyze?: boolean },
): Promise<PreparedDatabase> {
  const scratchDir = mkdtempSync(join(tmpdir(), "samenspel-bench-"));
  const dataDir = join(scratchDir, "data");
  let handle: DatabaseHandle & { url?: string };
  if (kind === "server") {
    if (!process.env.DATABASE_URL) throw new Error("the server database needs DATABASE_URL");
    handle = await scratchDatabase();
  } else {
    handle = await openDatabase({ kind: "embedded", dataDir });
  }
  let keep = false;
  try {
    await migrate(handle);
    await seedDemo(handle.db, { now: o.now, publicUrl: "http://localhost" });
    const seeded = o.scale ? await seedScale(handle.db, o.scale, o.now) : undefined;
    // Statistics as autovacuum would have gathered them by now on a live server: without them (autovacuum is off on
    // the shared bench server; PGlite runs none) the planner guesses, and a lookup of ten rows by primary key joined
    // a scan of all 50,000 registrations of the tenant. `analyze: false` leaves them as a PGlite site that grew
    // without the hourly ANALYZE (server/clean-up.ts) would have them: none.
    if (o.analyze ?? true) await handle.db.execute(sql`analyze`);
    keep = true;
    if (kind === "embedded") await handle.close();
    // An empty DATABASE_URL counts as unset: the bench's own (for the server runs) must not reach the embedded app.
    const env: Record<string, string> =
      kind === "server" ? { DATABASE_URL: handle.url! } : { DATA_DIR: dataDir, DATABASE_URL: "" };
    return {
      env,
      scratchDir,
      seeded,
      async analyze() {
        const again = kind === "server" ? handle : await openDatabase({ kind: "embedded", dataDir });
        const started = performance.now();
        await again.db.execute(sql`analyze`);
        const took = performance.now() - started;
        if (kind === "embedded") await again.close();
        return took;
      },
      async drop() {
        if (kind === "server") await handle.close();
        rmSync(scratchDir, { recursive: true, force: true });
      },
    };
  } finally {
    if (!keep) {
      await handle.close();
      rmSync(scratchDir, { recursive: true, force: true });
    }
  }
}
