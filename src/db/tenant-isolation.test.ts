import { afterAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import { refusal, rowsOf as rowsIn } from "../../tests/support/sql.ts";
import { insertStatement, readCatalogue, rowFactory } from "../../tests/support/tenant-tables.ts";
import { withTenant } from "./index.ts";

/**
 * Row-level security of every tenant table, at the database level: the tables come from the catalogue, so a new one
 * is tested the day it is migrated. Each gets one row owned by the programme `P` and about the municipality `M`;
 * `O` is a municipality with no part in it. Every statement runs as the application role inside `withTenant()`,
 * without any `tenant_id` filter of its own, so only the policies stand between a tenant and another's rows.
 */
const handle = await freshDatabase();
afterAll(() => handle.close());

const catalogue = await readCatalogue(handle.db);
const rowsOf = <T = Record<string, unknown>>(query: string) => rowsIn<T>(handle.db, query);
const [P, M, O] = (
  await rowsOf<{ id: string }>(
    `insert into tenants (slug, name, kind) values ('p', 'Programma', 'programme'), ('m', 'Gemeente M', 'municipality'),
       ('o', 'Gemeente O', 'municipality') returning id`,
  )
).map((row) => row.id) as [string, string, string];

const rows = rowFactory(handle.db, catalogue);
for (const table of catalogue.tenantTables) await rows.row(table, { tenantId: P, municipalityId: M });

const as = (tenantId: string, query: string) => withTenant(handle.db, { tenantId }, (tx) => rowsIn(tx, query));

const privilege = async (table: string, what: "select" | "insert" | "update" | "delete") =>
  (await rowsOf<{ ok: boolean }>(`select has_table_privilege('samenspel_app', '${table}', '${what}') as ok`))[0]!.ok;

it("finds the tenant tables in the catalogue", () => {
  // The tables of the first landing; more may come, none may go unnoticed.
  expect(catalogue.tenantTables).toEqual(
    expect.arrayContaining(["applications", "audit_log", "memberships", "registrations", "workshop_requests"]),
  );
});

describe.each(catalogue.tenantTables)("%s", (table) => {
  const policies = catalogue.policies.get(table) ?? [];
  /** Read policies that do not depend on who asks (published content): what everyone may see of P's rows. */
  const publicReads = policies.filter((p) => p.command === "SELECT" && !p.using?.includes("current_setting"));
  const sharedWithMunicipality = policies.some((p) => p.using?.includes("municipality_id"));
  const ownRows = `select 1 from "${table}" where tenant_id = '${P}'`;

  const publicCount = async () =>
    publicReads.length === 0
      ? 0
      : (await rowsOf(`${ownRows} and (${publicReads.map((p) => `(${p.using})`).join(" or ")})`)).length;

  it("has row-level security with a policy for the application role", async () => {
    const [security] = await rowsOf<{ on: boolean }>(
      `select relrowsecurity as on from pg_class where oid = '${table}'::regclass`,
    );
    expect(security).toEqual({ on: true });
    expect(policies.length).toBeGreaterThan(0);
  });

  it("reads the tenant and the person once per statement, not once per row it filters", () => {
    // Each setting stands in a scalar subquery, an initplan; bare, it is evaluated for every row it filters.
    for (const expression of policies.flatMap((p) => [p.using ?? "", p.withCheck ?? ""])) {
      const reads = expression.match(/current_setting\(/g) ?? [];
      expect(expression.match(/\( SELECT \(NULLIF\(current_setting\(/g) ?? []).toHaveLength(reads.length);
    }
  });

  it("shows its row to the owning tenant and to others only what a public-read policy publishes", async () => {
    expect(await as(P, ownRows)).toHaveLength(1);
    const published = await publicCount();
    expect(await as(O, ownRows)).toHaveLength(published);
    expect(await as("", ownRows)).toHaveLength(published);
    expect(await as(M, ownRows)).toHaveLength(sharedWithMunicipality ? 1 : published);
  });

  it("does not let another tenant change or remove the row", async () => {
    for (const [what, statement] of [
      ["update", `update "${table}" set tenant_id = tenant_id where tenant_id = '${P}' returning 1`],
      ["delete", `delete from "${table}" where tenant_id = '${P}' returning 1`],
    ] as const) {
      if (await privilege(table, what)) expect(await as(O, statement)).toEqual([]);
      else
        expect(await refusal(as(O, statement))).toEqual({
          code: "42501",
          message: `permission denied for table ${table}`,
        });
    }
    expect(await rowsOf(ownRows)).toHaveLength(1);
  });

  it("refuses a row written for another tenant", async () => {
    const values = await rows.values(table, { tenantId: P, municipalityId: M });
    const expected = (await privilege(table, "insert"))
      ? { code: "42501", message: `new row violates row-level security policy for table "${table}"` }
      : { code: "42501", message: `permission denied for table ${table}` };
    expect(await refusal(as(O, insertStatement(table, values)))).toEqual(expected);
    if (sharedWithMunicipality) {
      // M may see P's rows about M; it may not make one about O.
      const aboutO = await rows.values(table, { tenantId: P, municipalityId: O });
      expect(await refusal(as(M, insertStatement(table, aboutO)))).toEqual(expected);
    }
  });
});
