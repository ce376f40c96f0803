import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import { refusal, rowsOf as rowsIn } from "../../tests/support/sql.ts";
import type { DatabaseHandle } from "./client.ts";
import { withPlatform, withTenant } from "./index.ts";
import { PLATFORM_ONLY_TABLES } from "./migrate.ts";

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
