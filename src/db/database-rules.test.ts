import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import { refusal, rowsOf as rowsIn } from "../../tests/support/sql.ts";
import type { DatabaseHandle } from "./client.ts";
import { withPlatform, withTenant } from "./index.ts";
import { PLATFORM_ONLY_TABLES } from "./migrate.ts";
import { PAGE_VERSION_EXEMPT_TABLES, readPageVersion } from "./page-version.ts";

/** Rules the schema keeps for every table, read from the catalogue, so tables added later are held to them too. */
let handle: DatabaseHandle;
let tenantId: string;
const rowsOf = <T = Record<string, unknown>>(query: string) => rowsIn<T>(handle.db, query);

beforeAll(async () => {
  handle = await freshDatabase();
  [{ id: tenantId }] = (await rowsOf<{ id: string }>(
    "insert into tenants (slug, name, kind) values ('a', 'A', 'municipality') returning id",
  )) as [{ id: string }];
});
afterAll(() => handle.close());

describe("the schema", () => {
  it("indexes every foreign key, so policies, joins and cascades do not scan the child table", async () => {
    // A key counts as indexed when its columns lead a non-partial index of the table.
    const unindexed = await rowsOf<{ key: string }>(`
      select c.relname || '(' || (select string_agg(a.attname, ', ' order by k.ord)
                                    from unnest(fk.conkey) with ordinality as k(attnum, ord)
                                    join pg_attribute a on a.attrelid = fk.conrelid and a.attnum = k.attnum) || ')' as key
        from pg_constraint fk
        join pg_class c on c.oid = fk.conrelid
       where fk.contype = 'f' and fk.connamespace = 'public'::regnamespace
         and not exists (
           select from pg_index i
            where i.indrelid = fk.conrelid and i.indpred is null
              and (i.indkey::int2[])[0:cardinality(fk.conkey) - 1] = fk.conkey)
       order by 1`);
    expect(unindexed.map((row) => row.key)).toEqual([]);
  });

  it("lets the application role read a table without row-level security only when it is named here", async () => {
    const open = await rowsOf<{ table: string }>(`
      select c.relname as table from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and not c.relrowsecurity
         and has_table_privilege('samenspel_app', c.oid, 'select')
       order by 1`);
    // tenants: the public directory of municipalities; people: names beside the rows that mention them.
    expect(open.map((row) => row.table)).toEqual(["people", "tenants"]);
  });

  it("bumps the page version from every table but the named ones, also from a table added later", async () => {
    const without = await rowsOf<{ table: string }>(`
      select c.relname as table from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
         and not exists (select from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'page_version_bump')
       order by 1`);
    expect(without.map((row) => row.table)).toEqual([...PAGE_VERSION_EXEMPT_TABLES].sort());
    expect(PAGE_VERSION_EXEMPT_TABLES).toEqual(expect.arrayContaining([...PLATFORM_ONLY_TABLES]));
  });
});

describe("the page version (ADR 0030)", () => {
  const bumps = async (work: () => Promise<unknown>) => {
    const before = BigInt(await readPageVersion(handle.db));
    await work();
    return Number(BigInt(await readPageVersion(handle.db)) - before);
  };

  it("goes up once per writing transaction, in that transaction, and not for a rolled-back one", async () => {
    expect(
      await bumps(() =>
        withTenant(handle.db, { tenantId }, async (tx) => {
          await tx.execute(sql.raw(`update tenants set name = 'A1' where id = '${tenantId}'`));
          await tx.execute(sql.raw(`update tenants set name = 'A2' where id = '${tenantId}'`));
        }),
      ),
    ).toBe(1);
    expect(
      await bumps(() =>
        withTenant(handle.db, { tenantId }, async (tx) => {
          await tx.execute(sql.raw(`update tenants set name = 'A3' where id = '${tenantId}'`));
          throw new Error("changed my mind");
        }).catch(() => undefined),
      ),
    ).toBe(0);
    expect(await bumps(() => withTenant(handle.db, { tenantId }, (tx) => tx.execute(sql.raw("select 1"))))).toBe(0);
  });

  it("stays put for a write no public page shows", async () => {
    expect(
      await bumps(() =>
        withPlatform(handle.db, (tx) =>
          tx.execute(sql.raw("insert into rate_limits (key, window_started_at, hits) values ('pv', now(), 1)")),
        ),
      ),
    ).toBe(0);
  });

  it("cannot be changed by the application role", async () => {
    expect(
      await refusal(
        withTenant(handle.db, { tenantId }, (tx) => tx.execute(sql.raw("update page_version set version = 0"))),
      ),
    ).toEqual({ code: "42501", message: "permission denied for table page_version" });
  });
});

describe("the application role", () => {
  it.each(PLATFORM_ONLY_TABLES)("cannot read %s inside a tenant transaction", async (table) => {
    expect(
      await refusal(withTenant(handle.db, { tenantId }, (tx) => tx.execute(sql.raw(`select * from "${table}"`)))),
    ).toEqual({ code: "42501", message: `permission denied for table ${table}` });
  });

  it("may queue a job but not read the queue, whose mails carry other people's sign-in links", async () => {
    const queued = await withTenant(handle.db, { tenantId }, (tx) =>
      rowsIn<{ id: string }>(
        tx,
        `insert into jobs (kind, payload, run_at) values ('mail.send', '{}', now()) returning id`,
      ),
    );
    expect(queued).toHaveLength(1);
    expect(
      await refusal(withTenant(handle.db, { tenantId }, (tx) => tx.execute(sql.raw("select payload from jobs")))),
    ).toEqual({ code: "42501", message: "permission denied for table jobs" });
  });

  it("adds to the audit log but never changes or removes an entry", async () => {
    await withTenant(handle.db, { tenantId }, (tx) =>
      tx.execute(sql.raw(`insert into audit_log (tenant_id, action) values ('${tenantId}', 'test.entry')`)),
    );
    for (const statement of ["update audit_log set action = 'x'", "delete from audit_log"]) {
      expect(await refusal(withTenant(handle.db, { tenantId }, (tx) => tx.execute(sql.raw(statement))))).toEqual({
        code: "42501",
        message: "permission denied for table audit_log",
      });
    }
    const entries = await withPlatform(handle.db, (tx) =>
      rowsIn(tx, "select action from audit_log where action = 'test.entry'"),
    );
    expect(entries).toEqual([{ action: "test.entry" }]);
  });
});
