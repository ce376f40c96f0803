import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type DatabaseHandle, migrate, openDatabase } from "../../src/db/index.ts";

/**
 * The schema is migrated once into a template; every test file gets a fresh copy of it: a dumped PGlite data
 * directory, or `CREATE DATABASE … TEMPLATE` on the PostgreSQL server named by `DATABASE_URL`.
 */
const migrationsDir = new URL("../../src/db/migrations/", import.meta.url);
const fingerprint = createHash("sha256")
  .update(
    readdirSync(migrationsDir, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith(".sql"))
      .sort()
      .map((name) => readFileSync(new URL(name, migrationsDir), "utf8"))
      // What `migrate()` does besides the migrations (grants, the page version's triggers) is part of the schema too.
      .concat(["../migrate.ts", "../page-version.ts"].map((name) => readFileSync(new URL(name, migrationsDir), "utf8")))
      .join("\n"),
  )
  .digest("hex")
  .slice(0, 12);
const templateName = `samenspel_template_${fingerprint}`;
const pgliteTemplatePath = join(tmpdir(), `${templateName}.tar`);

export async function prepareTemplate(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await withAdmin(serverUrl, async (admin) => {
      const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [templateName]);
      if (rowCount) return;
      const building = `${templateName}_${randomBytes(3).toString("hex")}`;
      await admin.query(`create database "${building}"`);
      const handle = await openDatabase({ kind: "server", url: databaseUrl(serverUrl, building), maxConnections: 1 });
      await migrate(handle);
      await handle.close();
      await admin.query(`alter database "${building}" rename to "${templateName}"`).catch(async () => {
        await admin.query(`drop database "${building}"`); // another run built it meanwhile
      });
    });
    return;
  }
  const handle = await openDatabase({ kind: "embedded" });
  await migrate(handle);
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  await writeFile(pgliteTemplatePath, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await handle.close();
}

export async function freshDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dump = await readFile(pgliteTemplatePath);
    return openDatabase({ kind: "embedded", loadDataDir: new Blob([dump]) });
  }
  return serverDatabase(serverUrl, `template "${templateName}"`);
}

/** A fresh copy on the PostgreSQL server of `DATABASE_URL`, with its address: for an app started in other processes. */
export function freshServerDatabase(): Promise<DatabaseHandle & { url: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("a server database needs DATABASE_URL");
  return serverDatabase(serverUrl, `template "${templateName}"`);
}

/** A database without any migration: for the test that migrates a database with rows, step by step. */
export async function emptyDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? serverDatabase(serverUrl, "") : openDatabase({ kind: "embedded" });
}

async function serverDatabase(serverUrl: string, template: string): Promise<DatabaseHandle & { url: string }> {
  const name = `samenspel_test_${randomBytes(6).toString("hex")}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database "${name}" ${template}`));
  const url = databaseUrl(serverUrl, name);
  const handle = await openDatabase({ kind: "server", url, maxConnections: 20 });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
