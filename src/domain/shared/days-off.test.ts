import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, type Tx, withTenant } from "../../db/index.ts";
import { addDayOff, listDaysOff, removeDayOff, termCalendarOf } from "./days-off.ts";
import { DomainError } from "./errors.ts";
import { dueOn } from "./terms.ts";

let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
const NOW = new Date("2026-11-02T09:00:00Z");

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>, tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);
const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => "no refusal",
    (error: unknown) => {
      if (error instanceof DomainError) return error.code;
      throw error;
    },
  );
const add = (on: string, tenant = tenantId) =>
  inTenant(
    (tx) => addDayOff(tx, { tenantId: tenant, on, reason: "Gemeentehuis dicht", actorPersonId: null, now: NOW }),
    tenant,
  );
const oneWorkingDayAfter = async (start: string, tenant = tenantId) =>
  dueOn(
    start,
    { length: 1, unit: "working-days" },
    await inTenant((tx) => termCalendarOf(tx, { tenantId: tenant }), tenant),
  );

describe("a municipality's own days off", () => {
  it("are skipped by its terms and by no other municipality's", async () => {
    expect(await oneWorkingDayAfter("2026-11-02")).toBe("2026-11-03");
    await add("2026-11-03");
    expect(await oneWorkingDayAfter("2026-11-02")).toBe("2026-11-04");
    expect(await oneWorkingDayAfter("2026-11-02", otherTenantId)).toBe("2026-11-03");
    expect(await inTenant((tx) => listDaysOff(tx, { tenantId: otherTenantId }), otherTenantId)).not.toContainEqual(
      expect.objectContaining({ on: "2026-11-03" }),
    );
  });

  it("are listed beside the decree's bridge days", async () => {
    const days = await inTenant((tx) => listDaysOff(tx, { tenantId }));
    expect(days.filter((day) => day.source === "municipality")).toEqual([
      { on: "2026-11-03", reason: "Gemeentehuis dicht", source: "municipality" },
    ]);
    expect(days.filter((day) => day.source === "decree").map((day) => day.on)).toEqual([
      "2026-01-02",
      "2026-05-15",
      "2027-05-07",
      "2028-04-28",
      "2028-05-26",
    ]);
  });

  it("refuse a day that is off already: added before, a holiday, a decree day or a weekend", async () => {
    for (const on of ["2026-11-03", "2026-12-25", "2026-04-03", "2026-05-15", "2026-11-07"])
      expect(await codeOf(add(on)), on).toBe("terms.already-a-day-off");
  });

  it("can be removed, once", async () => {
    await inTenant((tx) => removeDayOff(tx, { tenantId, on: "2026-11-03", actorPersonId: null }));
    expect(await oneWorkingDayAfter("2026-11-02")).toBe("2026-11-03");
    expect(await codeOf(inTenant((tx) => removeDayOff(tx, { tenantId, on: "2026-11-03", actorPersonId: null })))).toBe(
      "terms.day-off-not-found",
    );
  });
});
