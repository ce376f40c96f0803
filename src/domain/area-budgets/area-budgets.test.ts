import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { receiptTypes, storeUpload } from "../../platform/uploads/index.ts";
import { findOrCreatePerson } from "../identity/index.ts";
import { DomainError } from "../shared/index.ts";
import {
  allocateBudget,
  endYear,
  getAccountability,
  getAreaBudget,
  listAreaBudgets,
  recordCommitment,
  recordExpenditure,
  releaseCommitment,
  reverseBudgetEntry,
  setCarryOverRule,
} from "./index.ts";

const NOW = new Date("2026-03-02T10:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
let actorPersonId: string;
let area = 0;
/** A fresh area id per test, so each starts with an empty budget. */
const newArea = () => `00000000-0000-4000-8000-${String(++area).padStart(12, "0")}`;

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  actorPersonId = (
    await withPlatform(handle.db, (tx) =>
      findOrCreatePerson(tx, { email: "medewerker@aldorp.nl", displayName: "Medewerker" }),
    )
  ).id;
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>, tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);
const actor = () => ({ tenantId, actorPersonId, now: NOW });
const receipt = () =>
  inTenant(
    async (tx) =>
      (
        await storeUpload(tx, {
          ...actor(),
          bytes: PDF,
          fileName: "bon.pdf",
          accept: receiptTypes,
          visibility: "internal",
        })
      ).id,
  );
const allocate = (areaId: string, year: number, amountCents: number) =>
  inTenant((tx) =>
    allocateBudget(tx, { ...actor(), areaId, year, amountCents, decidedOn: `${year}-01-10`, reference: "B&W 2026-01" }),
  );
const commit = (areaId: string, year: number, amountCents: number) =>
  inTenant((tx) =>
    recordCommitment(tx, {
      ...actor(),
      areaId,
      year,
      amountCents,
      decidedOn: `${year}-03-01`,
      minutesReference: "Notulen 1 maart, punt 4",
      description: "Buurtfeest",
    }),
  );
const spend = async (areaId: string, year: number, amountCents: number, commitmentId?: string) => {
  const receiptId = await receipt();
  return inTenant((tx) =>
    recordExpenditure(tx, {
      ...actor(),
      areaId,
      year,
      amountCents,
      paidOn: `${year}-04-01`,
      description: "Tent en koffie voor Jan de Vries",
      category: "activities",
      receiptId,
      commitmentId,
    }),
  );
};
const figures = async (areaId: string, year: number) =>
  (await inTenant((tx) => getAreaBudget(tx, { tenantId, areaId, year }))).figures;
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe("an area's budget", () => {
  it("keeps balance = allocation + carry-over − spent, and available = balance − open commitments", async () => {
    const areaId = newArea();
    await allocate(areaId, 2026, 500_000);
    const { entry: feast } = await commit(areaId, 2026, 120_000);
    await spend(areaId, 2026, 80_050, feast.id);
    await spend(areaId, 2026, 10_000);
    expect(await figures(areaId, 2026)).toEqual({
      allocationCents: 500_000,
      carryOverCents: 0,
      committedCents: 39_950,
      spentCents: 90_050,
      balanceCents: 409_950,
      availableCents: 370_000,
    });
    await inTenant((tx) =>
      releaseCommitment(tx, {
        ...actor(),
        areaId,
        year: 2026,
        commitmentId: feast.id,
        on: "2026-05-01",
        reason: "Klaar",
      }),
    );
    expect((await figures(areaId, 2026)).availableCents).toBe(409_950);
  });

  it("refuses a spend beyond what is available and says how much is", async () => {
    const areaId = newArea();
    await allocate(areaId, 2026, 10_000);
    await commit(areaId, 2026, 7_500);
    const error = await refusal(spend(areaId, 2026, 2_501));
    expect(error.code).toBe("ledger.insufficient-funds");
    expect(error.params).toEqual({ availableCents: 2_500 });
    expect((await figures(areaId, 2026)).spentCents).toBe(0);
  });

  it("corrects a spend only with a reversing entry, and only within the area and year it belongs to", async () => {
    const areaId = newArea();
    await allocate(areaId, 2026, 10_000);
    const { entry } = await spend(areaId, 2026, 4_000);
    const wrongArea = { ...actor(), areaId: newArea(), year: 2026, entryId: entry.id, reason: "x", on: "2026-05-01" };
    expect((await refusal(inTenant((tx) => reverseBudgetEntry(tx, wrongArea)))).code).toBe(
      "area-budgets.not-an-area-budget",
    );
    await inTenant((tx) => reverseBudgetEntry(tx, { ...wrongArea, areaId, reason: "Verkeerd gebied" }));
    expect(await figures(areaId, 2026)).toMatchObject({ spentCents: 0, availableCents: 10_000 });
    const { entries } = await inTenant((tx) => getAreaBudget(tx, { tenantId, areaId, year: 2026 }));
    expect(entries.map((e) => [e.kind, e.amountCents, e.reversed])).toEqual([
      ["allocation", 10_000, false],
      ["expenditure", 4_000, true],
      ["expenditure", -4_000, false],
    ]);
  });

  it("carries over up to the municipality's percentage at the end of the year, and closes the old year", async () => {
    const areaId = newArea();
    await inTenant((tx) => setCarryOverRule(tx, { ...actor(), rule: { kind: "percentage", percent: 25 } }));
    await allocate(areaId, 2025, 100_001);
    const { entry: open } = await commit(areaId, 2025, 20_000);
    await spend(areaId, 2025, 30_000);
    // Available 50,001 cents; 25 % of it, rounded down.
    const yearEnd = await inTenant((tx) => endYear(tx, { ...actor(), areaId, year: 2025 }));
    expect(yearEnd).toMatchObject({ availableCents: 50_001, carriedCents: 12_500, rule: "percentage" });
    await allocate(areaId, 2026, 100_000);
    expect(await figures(areaId, 2026)).toMatchObject({
      allocationCents: 100_000,
      carryOverCents: 12_500,
      balanceCents: 112_500,
    });
    expect((await refusal(commit(areaId, 2025, 1))).code).toBe("area-budgets.year-closed");
    expect((await refusal(spend(areaId, 2025, 1))).code).toBe("area-budgets.year-closed");
    expect((await refusal(spend(areaId, 2025, 20_001, open.id))).code).toBe("area-budgets.year-closed");
    await spend(areaId, 2025, 20_000, open.id); // the old year still pays what its council committed
    expect((await refusal(inTenant((tx) => endYear(tx, { ...actor(), areaId, year: 2025 })))).code).toBe(
      "area-budgets.already-carried-over",
    );
  });

  it("carries over nothing or everything by the other two rules", async () => {
    const [none, all] = [newArea(), newArea()];
    await allocate(none, 2025, 5_000);
    await allocate(all, 2025, 5_000);
    await inTenant((tx) => setCarryOverRule(tx, { ...actor(), rule: { kind: "none" } }));
    await inTenant((tx) => endYear(tx, { ...actor(), areaId: none, year: 2025 }));
    await inTenant((tx) => setCarryOverRule(tx, { ...actor(), rule: { kind: "all" } }));
    await inTenant((tx) => endYear(tx, { ...actor(), areaId: all, year: 2025 }));
    expect((await figures(none, 2026)).carryOverCents).toBe(0);
    expect((await figures(all, 2026)).carryOverCents).toBe(5_000);
    expect(
      (await refusal(inTenant((tx) => setCarryOverRule(tx, { ...actor(), rule: { kind: "percentage", percent: 0 } }))))
        .code,
    ).toBe("area-budgets.percentage-invalid");
  });

  it("shows the public only sums per category, and lists every area's figures for a year", async () => {
    const areaId = newArea();
    await allocate(areaId, 2027, 50_000);
    await spend(areaId, 2027, 1_234);
    await spend(areaId, 2027, 766);
    const account = await inTenant((tx) => getAccountability(tx, { tenantId, areaId, year: 2027 }));
    expect(account.spentByCategory).toEqual([{ category: "activities", cents: 2_000 }]);
    expect(JSON.stringify(account)).not.toMatch(/Jan de Vries|Notulen|bon\.pdf/);
    const all = await inTenant((tx) => listAreaBudgets(tx, { tenantId, year: 2027 }));
    expect(all.get(areaId)).toMatchObject({ spentCents: 2_000, availableCents: 48_000 });
    expect(await inTenant((tx) => listAreaBudgets(tx, { tenantId, year: 2027 }), otherTenantId)).toEqual(new Map());
  });

  it.runIf(process.env.DATABASE_URL)(
    "gives the last money to one of two spends that arrive at once (PostgreSQL server)",
    async () => {
      expect(handle.kind).toBe("server");
      const areaId = newArea();
      await allocate(areaId, 2026, 10_000);
      for (let round = 0; round < 5; round++) {
        const available = (await figures(areaId, 2026)).availableCents;
        const results = await Promise.allSettled([spend(areaId, 2026, available), spend(areaId, 2026, available)]);
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        expect((await figures(areaId, 2026)).availableCents).toBe(0);
        await allocate(areaId, 2026, 1_000 * (round + 1));
      }
    },
  );
});
