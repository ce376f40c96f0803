import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { type Executor, schema } from "../../src/db/index.ts";
import { rowsOf } from "./sql.ts";

/**
 * The database's own description of its tenant tables, read from the catalogue, so a table added tomorrow is in
 * every test that loops over them without anyone listing it.
 */
export type Column = {
  name: string;
  type: string;
  kind: string;
  notNull: boolean;
  hasDefault: boolean;
  generated: boolean;
};
/** One column of a foreign key: composite keys (`tenant_id`, `area_id`) give one row per column. */
export type ForeignKey = { column: string; references: string; referencedColumn: string };
export type Policy = { name: string; command: string; using: string | null; withCheck: string | null };
export type Catalogue = {
  /** Every table in `public` with a `tenant_id` column, in alphabetical order. */
  tenantTables: string[];
  columns: Map<string, Column[]>;
  foreignKeys: Map<string, ForeignKey[]>;
  /** Policies that bind the application role. */
  policies: Map<string, Policy[]>;
};

const group = <T extends { table: string }>(rows: T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.table, [...(map.get(row.table) ?? []), row]);
  return map;
};

export async function readCatalogue(db: Executor): Promise<Catalogue> {
  const columns = await rowsOf<Column & { table: string }>(
    db,
    `select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type, t.typtype as kind,
            a.attnotnull as "notNull", a.atthasdef as "hasDefault", (a.attgenerated <> '' or a.attidentity <> '') as generated
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid
       join pg_type t on t.oid = a.atttypid
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`,
  );
  const foreignKeys = await rowsOf<ForeignKey & { table: string }>(
    db,
    `select c.relname as "table", a.attname as column, r.relname as references, ra.attname as "referencedColumn"
       from pg_constraint k
       cross join lateral unnest(k.conkey, k.confkey) as pair(attnum, refnum)
       join pg_class c on c.oid = k.conrelid
       join pg_class r on r.oid = k.confrelid
       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = pair.attnum
       join pg_attribute ra on ra.attrelid = k.confrelid and ra.attnum = pair.refnum
      where k.contype = 'f' and k.connamespace = 'public'::regnamespace`,
  );
  const policies = await rowsOf<Policy & { table: string }>(
    db,
    `select tablename as "table", policyname as name, cmd as command, qual as using, with_check as "withCheck"
       from pg_policies where schemaname = 'public' and 'samenspel_app' = any(roles) order by tablename, policyname`,
  );
  const byTable = group(columns);
  return {
    tenantTables: [...byTable].filter(([, cs]) => cs.some((c) => c.name === "tenant_id")).map(([table]) => table),
    columns: byTable,
    foreignKeys: group(foreignKeys),
    policies: group(policies),
  };
}

/** Values for columns that the generic rules below cannot make up; keyed by table, then column (SQL). */
export type Overrides = Record<string, Record<string, string>>;

/** Columns whose check constraints want a particular form. */
const knownValues: Overrides = {
  // A municipality's CBS code (the first allowed kind is `municipality`): GM and four digits.
  areas: { code: `'GM' || lpad((floor(random() * 10000))::int::text, 4, '0')` },
  // An initiative asks for at least one kind of support.
  initiatives: { support: `'{money}'` },
  // Unsolicited advice, given and waiting for the response: the fewest columns its checks ask for.
  advice: {
    kind: `'unsolicited'`,
    status: `'advised'`,
    advice_text: `'Advies'`,
    advised_on: `date '2026-03-02'`,
    advised_at: `timestamptz '2026-03-02T10:00:00Z'`,
    response_term_length: "4",
    response_term_unit: `'weeks'`,
    response_due_on: `date '2026-03-30'`,
  },
  postcode_areas: { postcode: `'1234' || chr(65 + floor(random() * 26)::int) || chr(65 + floor(random() * 26)::int)` },
  // An assessor without a conflict has scores (a conflicted one has none).
  fund_assessments: { scores: `'{}'` },
  // A waiver needs its reasons (money that came back needs its ledger entry).
  fund_recoveries: { kind: `'waived'`, reasons: `'Kwijtgescholden'` },
  // A count as the count stores it (a results page is derived from it): one area, a funded plan and one that is not.
  pb_results: {
    outcome: `'${JSON.stringify({
      rule: "equal-shares-add1",
      comparisonRule: "greedy",
      areas: [
        {
          roundAreaId: "00000000-0000-4000-8000-000000000001",
          name: "Wijk",
          budgetEuros: 100,
          voters: 3,
          selected: ["00000000-0000-4000-8000-000000000002"],
          comparisonSelected: ["00000000-0000-4000-8000-000000000003"],
          spentEuros: 60,
          comparisonSpentEuros: 90,
          shareWithFunded: 0.67,
          comparisonShareWithFunded: 0.33,
          general: { nl: ["Zo ging het."], en: ["This is how it went."] },
          plans: [
            {
              id: "00000000-0000-4000-8000-000000000002",
              reference: "1",
              title: "Bankje",
              costEuros: 60,
              votes: 2,
              points: null,
              selected: true,
              comparisonSelected: false,
              why: { nl: ["Gekozen."], en: ["Chosen."] },
            },
            {
              id: "00000000-0000-4000-8000-000000000003",
              reference: "2",
              title: "Speeltuin",
              costEuros: 90,
              votes: 1,
              points: null,
              selected: false,
              comparisonSelected: true,
              why: { nl: ["Te duur."], en: ["Too dear."] },
            },
          ],
        },
      ],
    })}'`,
  },
};

/**
 * Makes valid rows for any tenant table as the owner: `tenant_id` is the given tenant, a `municipality_id` the given
 * municipality, a reference to a person a new person, any other reference one row of the parent table for the same
 * tenant (made once), and every other required column a plain value of its type. Timestamps and dates grow with the
 * column's position, so "ends after it starts" holds.
 */
export function rowFactory(db: Executor, catalogue: Catalogue, overrides: Overrides = {}) {
  const parents = new Map<string, Promise<Record<string, unknown>>>();

  async function values(table: string, owner: { tenantId: string; municipalityId: string }) {
    const out: Record<string, string> = {};
    const columns = catalogue.columns.get(table) ?? [];
    const references = new Map((catalogue.foreignKeys.get(table) ?? []).map((fk) => [fk.column, fk]));
    for (const [position, column] of columns.entries()) {
      const override = overrides[table]?.[column.name] ?? knownValues[table]?.[column.name];
      const parent = references.get(column.name);
      if (override !== undefined) out[column.name] = override;
      else if (column.generated) continue;
      else if (column.name === "tenant_id") out[column.name] = literal(owner.tenantId);
      else if (column.name === "municipality_id") out[column.name] = literal(owner.municipalityId);
      else if (!column.notNull || column.hasDefault) continue;
      else if (parent?.references === "tenants") out[column.name] = literal(owner.tenantId);
      else if (parent?.references === "people") out[column.name] = literal(await newPerson());
      else if (parent)
        out[column.name] = literal(String((await parentRow(parent.references, owner))[parent.referencedColumn]));
      else out[column.name] = plainValue(table, column, position);
    }
    return out;
  }

  async function newPerson(): Promise<string> {
    const [row] = await rowsOf<{ id: string }>(
      db,
      `insert into people (email, display_name) values (gen_random_uuid() || '@example.org', 'Iemand') returning id`,
    );
    return row!.id;
  }

  function parentRow(
    table: string,
    owner: { tenantId: string; municipalityId: string },
  ): Promise<Record<string, unknown>> {
    const key = `${table}:${owner.tenantId}`;
    if (!parents.has(key)) parents.set(key, insert(table, owner));
    return parents.get(key)!;
  }

  async function insert(table: string, owner: { tenantId: string; municipalityId: string }) {
    const [row] = await rowsOf(db, `${insertStatement(table, await values(table, owner))} returning *`);
    return row!;
  }

  return {
    /** The column values of a new row, parents made already: insert them as whoever should try. */
    values,
    /** Inserts one row of the table for the tenant (at most once, parents included) as the owner. */
    row: parentRow,
  };
}

export function insertStatement(table: string, values: Record<string, string>): string {
  const names = Object.keys(values);
  return `insert into "${table}" (${names.map((n) => `"${n}"`).join(", ")}) values (${names.map((n) => values[n]).join(", ")})`;
}

/** The first allowed value of every text column the Drizzle schema gives a list of values (`table.column`). */
const firstAllowed = new Map(
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) => {
      const { name, columns } = getTableConfig(table);
      return columns.flatMap((column) =>
        column.enumValues?.length ? [[`${name}.${column.name}`, column.enumValues[0]!] as const] : [],
      );
    }),
);

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

function plainValue(table: string, column: Column, position: number): string {
  if (column.kind === "e") return `(enum_range(null::${column.type}))[1]`;
  if (column.type.endsWith("[]")) return `'{}'`;
  const allowed = firstAllowed.get(`${table}.${column.name}`);
  if (allowed !== undefined) return literal(allowed);
  if (/^(text|character varying)/.test(column.type)) return `'${table}-' || gen_random_uuid()`;
  if (column.type.startsWith("timestamp"))
    return `timestamptz '2026-01-01T00:00:00Z' + interval '1 hour' * ${position}`;
  switch (column.type) {
    case "uuid":
      return "gen_random_uuid()";
    case "integer":
    case "bigint":
    case "smallint":
    case "numeric":
      return "1";
    case "boolean":
      return "false";
    case "date":
      return `date '2026-01-01' + ${position}`;
    case "bytea":
      return "'\\x00'::bytea";
    case "jsonb":
    case "json":
      return `'{}'`;
    default:
      throw new Error(`${table}.${column.name} (${column.type}): no plain value; add one to the test's overrides`);
  }
}
