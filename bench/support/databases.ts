import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
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
  o: { scale?: Scale; now: Date; analyze?: boolean; reuse?: string },
): Promise<PreparedDatabase> {
  if (o.reuse) return reusedDatabase(kind, o.reuse, o);
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

/** What a kept database was seeded with, written as the database's comment once its seeding has finished. */
const seedMark = (scale: Scale | undefined) =>
  `samenspel bench: demo${scale ? ` + ${Object.values(scale).join(",")}` : ""}`;

/**
 * A database kept between runs under `name` (on the server a database of that name, embedded a directory in the
 * temporary directory): seeded as `prepareDatabase` does the first time, then only migrated, so the seeding of the
 * scaled data (minutes) is paid once and runs on different builds measure the same rows. A database seeded with other
 * figures, or whose seeding did not finish, is refused rather than measured. `drop` keeps it; drop it by hand.
 */
async function reusedDatabase(
  kind: "embedded" | "server",
  name: string,
  o: { scale?: Scale; now: Date; analyze?: boolean },
): Promise<PreparedDatabase> {
  if (o.analyze === false) throw new Error("a reused database has its statistics: measure `--statistics none` fresh");
  const scratchDir = mkdtempSync(join(tmpdir(), "samenspel-bench-"));
  const dataDir = join(tmpdir(), `samenspel-bench-${name}`);
  let handle: DatabaseHandle;
  let url: string | undefined;
  let created: boolean;
  if (kind === "server") {
    if (!process.env.DATABASE_URL) throw new Error("the server database needs DATABASE_URL");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
      created = found.rowCount === 0;
      if (created) await admin.query(`create database "${name}"`);
    } finally {
      await admin.end();
    }
    const at = new URL(process.env.DATABASE_URL);
    at.pathname = `/${name}`;
    url = at.toString();
    handle = await openDatabase({ kind: "server", url, maxConnections: 20 });
  } else {
    created = !existsSync(dataDir);
    mkdirSync(dataDir, { recursive: true });
    handle = await openDatabase({ kind: "embedded", dataDir });
  }
  let seeded: Record<string, number> | undefined;
  try {
    await migrate(handle);
    const mark = seedMark(o.scale);
    // PGlite's database is not called `name`: the mark goes on the one this connection is in, whatever its name.
    const result = await handle.db.execute(
      sql`select current_database() as name, shobj_description(oid, 'pg_database') as mark from pg_database
          where datname = current_database()`,
    );
    const current = (result as unknown as { rows: { name: string; mark: string | null }[] }).rows[0]!;
    if (created) {
      await seedDemo(handle.db, { now: o.now, publicUrl: "http://localhost" });
      seeded = o.scale ? await seedScale(handle.db, o.scale, o.now) : undefined;
      await handle.db.execute(sql`analyze`);
      await handle.db.execute(sql.raw(`comment on database "${current.name}" is '${mark}'`));
    } else if (current.mark !== mark) {
      throw new Error(`database ${name} holds "${current.mark ?? "an unfinished seeding"}", not "${mark}"`);
    }
  } finally {
    await handle.close();
  }
  return {
    env: kind === "server" ? { DATABASE_URL: url! } : { DATA_DIR: dataDir, DATABASE_URL: "" },
    scratchDir,
    seeded,
    analyze: () => Promise.reject(new Error("a reused database is analyzed once, when seeded")),
    async drop() {
      rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}
