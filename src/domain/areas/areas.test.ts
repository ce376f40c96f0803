import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import {
  countResidents,
  findArea,
  findAreaByCode,
  findAreaByPostcode,
  importCbsAreas,
  importPostcodes,
  listAreas,
  listChildAreas,
} from "./index.ts";

const NOW = new Date("2026-03-02T10:00:00Z");
let handle: DatabaseHandle;
let tenantA: string;
let tenantB: string;

const statLine = (lines: string[]) =>
  [`"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5"`, ...lines].join("\r\n");

const GOOD = statLine([
  `1;"Veenhoven";"Veenhoven";"Gemeente  ";"GM9001    ";"14230"`,
  `2;"Aalde";"Veenhoven";"Wijk      ";"WK900101  ";"1210"`,
  `3;"Aalde-Centrum";"Veenhoven";"Buurt     ";"BU90010100";"950"`,
  `4;"Aalde-Buitengebied";"Veenhoven";"Buurt     ";"BU90010109";"."`,
  `5;"Brink";"Veenhoven";"Wijk      ";"WK900102  ";"."`,
  `6;"Brink-Dorp";"Veenhoven";"Buurt     ";"BU90010200";"640"`,
  `7;"Brink-Es";"Veenhoven";"Buurt     ";"BU90010201";"120"`,
  `8;"Elders";"Elders";"Gemeente  ";"GM0003    ";"11000"`,
]);

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantA, tenantB] = await withPlatform(handle.db, async (tx) => {
    const rows = await tx
      .insert(schema.tenants)
      .values([
        { slug: "veenhoven", name: "Gemeente Veenhoven", kind: "municipality" },
        { slug: "b", name: "B", kind: "municipality" },
      ])
      .returning({ id: schema.tenants.id });
    return rows.map((row) => row.id) as [string, string];
  });
});
afterAll(() => handle.close());

const importInto = (tenantId: string, text: string, extra: { municipalityCode?: string } = {}) =>
  withTenant(handle.db, { tenantId }, (tx) =>
    importCbsAreas(tx, { tenantId, actorPersonId: null, text, districtKind: "kern", now: NOW, ...extra }),
  );
const areasOf = (tenantId: string) => withTenant(handle.db, { tenantId }, (tx) => listAreas(tx, { tenantId }));

describe("importCbsAreas", () => {
  it("refuses a file with bad rows, names each line, and changes nothing", async () => {
    const bad = statLine([
      `1;"Veenhoven";"Veenhoven";"Gemeente";"GM9001";"14230"`,
      `2;"Aalde";"Veenhoven";"Wijk";"WK90010";"1210"`,
      `3;"";"Veenhoven";"Buurt";"BU90010100";"950"`,
      `4;"Brink";"Veenhoven";"Wijk";"WK900102";"veel"`,
      `5;"Brink";"Veenhoven";"Wijk";"WK900102";"10"`,
      `6;"Es";"Veenhoven";"Buurt";"BU90019900";"10"`,
    ]);
    const result = await importInto(tenantA, bad);
    expect(result).toEqual({
      status: "rejected",
      problems: [
        { line: 3, reason: "code", value: "WK90010" },
        { line: 4, reason: "name" },
        { line: 5, reason: "residents", value: "veel" },
      ],
    });
    expect(await areasOf(tenantA)).toEqual([]);
  });

  it("refuses buurten whose wijk is neither in the file nor known", async () => {
    const result = await importInto(
      tenantA,
      statLine([`1;"V";"V";"Gemeente";"GM9001";"1"`, `2;"Es";"V";"Buurt";"BU90019900";"1"`]),
    );
    expect(result).toEqual({ status: "rejected", problems: [{ line: 3, reason: "parent", value: "WK900199" }] });
    expect(await areasOf(tenantA)).toEqual([]);
  });

  it("refuses a file without a header it knows, and one that cannot be read", async () => {
    expect(await importInto(tenantA, "a;b\n1;2\n")).toMatchObject({
      status: "rejected",
      problems: [{ reason: "header" }],
    });
    expect(await importInto(tenantA, `${statLine([`1;"V";"V";"Gemeente";"GM9001";"1"`])}\n2;"open`)).toMatchObject({
      status: "rejected",
      problems: [{ reason: "csv" }],
    });
  });

  it("builds the hierarchy from the codes, takes the only municipality asked for, and skips the others", async () => {
    const result = await importInto(tenantA, GOOD, { municipalityCode: "GM9001" });
    expect(result).toEqual({ status: "imported", created: 7, updated: 0, skipped: 1 });
    const all = await areasOf(tenantA);
    expect(all.map((a) => [a.code, a.kind, a.name, a.residents])).toEqual([
      ["GM9001", "municipality", "Veenhoven", 14230],
      ["WK900101", "kern", "Aalde", 1210],
      ["WK900102", "kern", "Brink", null],
      ["BU90010100", "buurt", "Aalde-Centrum", 950],
      ["BU90010109", "buurt", "Aalde-Buitengebied", null],
      ["BU90010200", "buurt", "Brink-Dorp", 640],
      ["BU90010201", "buurt", "Brink-Es", 120],
    ]);
    const brink = all.find((a) => a.code === "WK900102")!;
    const root = all.find((a) => a.kind === "municipality")!;
    expect(brink.parentId).toBe(root.id);
    await withTenant(handle.db, { tenantId: tenantA }, async (tx) => {
      expect((await listChildAreas(tx, { tenantId: tenantA, parentId: brink.id })).map((a) => a.name)).toEqual([
        "Brink-Dorp",
        "Brink-Es",
      ]);
      // No CBS count for Brink itself: the sum of its buurten.
      expect(await countResidents(tx, { tenantId: tenantA, areaId: brink.id })).toBe(760);
      expect(await countResidents(tx, { tenantId: tenantA, areaId: root.id })).toBe(14230);
      expect(await findAreaByCode(tx, { tenantId: tenantA, code: "wk900101" })).toMatchObject({ name: "Aalde" });
      expect(await findArea(tx, { tenantId: tenantA, areaId: brink.id })).toMatchObject({ code: "WK900102" });
      expect(await findArea(tx, { tenantId: tenantA, areaId: "not-a-uuid" })).toBeUndefined();
    });
  });

  it("updates in place on a re-import instead of duplicating", async () => {
    const newer = GOOD.replace(
      `"Aalde";"Veenhoven";"Wijk      ";"WK900101  ";"1210"`,
      `"Aalde (dorp)";"Veenhoven";"Wijk";"WK900101";"1250"`,
    );
    const before = await areasOf(tenantA);
    expect(await importInto(tenantA, newer)).toEqual({ status: "imported", created: 0, updated: 7, skipped: 1 });
    const after = await areasOf(tenantA);
    expect(after).toHaveLength(7);
    expect(after.find((a) => a.code === "WK900101")).toEqual({
      ...before.find((a) => a.code === "WK900101"),
      name: "Aalde (dorp)",
      residents: 1250,
    });
  });

  it("refuses another municipality's code once the tenant has its own", async () => {
    expect(await importInto(tenantA, GOOD, { municipalityCode: "GM0003" })).toEqual({
      status: "rejected",
      problems: [{ line: 1, reason: "municipality-mismatch", value: "GM0003" }],
    });
  });

  it("asks which municipality when a file holds several and the tenant has none", async () => {
    expect(await importInto(tenantB, GOOD)).toEqual({
      status: "rejected",
      problems: [{ line: 9, reason: "municipality-ambiguous" }],
    });
  });

  it("keeps each tenant's areas to itself, also when both import the same codes", async () => {
    expect(await importInto(tenantB, GOOD, { municipalityCode: "GM9001" })).toMatchObject({ created: 7 });
    const a = await areasOf(tenantA);
    const b = await areasOf(tenantB);
    expect(b).toHaveLength(7);
    expect(b.map((area) => area.id).filter((id) => a.some((other) => other.id === id))).toEqual([]);
    const aalde = a.find((area) => area.code === "WK900101")!;
    await withTenant(handle.db, { tenantId: tenantB }, async (tx) => {
      expect(await findArea(tx, { tenantId: tenantB, areaId: aalde.id })).toBeUndefined();
      // Even a query without the tenant filter sees only its own rows (row-level security).
      expect(await tx.select().from(schema.areas)).toHaveLength(7);
    });
  });
});

describe("importPostcodes and findAreaByPostcode", () => {
  it("refuses unknown buurten and malformed postcodes with their lines, and writes nothing", async () => {
    const result = await withTenant(handle.db, { tenantId: tenantA }, (tx) =>
      importPostcodes(tx, {
        tenantId: tenantA,
        actorPersonId: null,
        text: "PC6;Buurt2024;Wijk2024;Gemeente2024\n9401AB;90010100;900101;9001\n94X1AC;90010100;900101;9001\n9402AA;90019999;900199;9001\n",
      }),
    );
    expect(result).toEqual({
      status: "rejected",
      problems: [
        { line: 3, reason: "postcode", value: "94X1AC" },
        { line: 4, reason: "unknown-buurt", value: "BU90019999" },
      ],
    });
    const found = await withTenant(handle.db, { tenantId: tenantA }, (tx) =>
      findAreaByPostcode(tx, { tenantId: tenantA, postcode: "9401AB" }),
    );
    expect(found).toBeUndefined();
  });

  it("finds a resident's buurt by postcode, skipping other municipalities' rows", async () => {
    const result = await withTenant(handle.db, { tenantId: tenantA }, (tx) =>
      importPostcodes(tx, {
        tenantId: tenantA,
        actorPersonId: null,
        text: "PC6,Buurt2024\n9401AB,BU90010100\n9401AC,BU90010201\n1011AA,BU03630000\n",
      }),
    );
    expect(result).toEqual({ status: "imported", postcodes: 2, skipped: 1 });
    await withTenant(handle.db, { tenantId: tenantA }, async (tx) => {
      expect(await findAreaByPostcode(tx, { tenantId: tenantA, postcode: "9401 ab" })).toMatchObject({
        code: "BU90010100",
        name: "Aalde-Centrum",
      });
      expect(await findAreaByPostcode(tx, { tenantId: tenantA, postcode: "1011AA" })).toBeUndefined();
    });
    await withTenant(handle.db, { tenantId: tenantB }, async (tx) => {
      expect(await findAreaByPostcode(tx, { tenantId: tenantB, postcode: "9401AB" })).toBeUndefined();
    });
  });
});

describe("the areas table", () => {
  it("refuses a code that does not fit its kind, and a parent of another tenant", async () => {
    const [aRoot] = (await areasOf(tenantA)).filter((a) => a.kind === "municipality");
    await expect(
      withTenant(handle.db, { tenantId: tenantA }, (tx) =>
        tx.insert(schema.areas).values({
          tenantId: tenantA,
          code: "BU1",
          kind: "buurt",
          parentId: aRoot!.id,
          name: "x",
          createdAt: NOW,
          updatedAt: NOW,
        }),
      ),
    ).rejects.toThrow();
    await expect(
      withPlatform(handle.db, (tx) =>
        tx.insert(schema.areas).values({
          tenantId: tenantB,
          code: "WK900177",
          kind: "wijk",
          parentId: aRoot!.id,
          name: "x",
          createdAt: NOW,
          updatedAt: NOW,
        }),
      ),
    ).rejects.toThrow();
  });
});
