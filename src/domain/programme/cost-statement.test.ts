import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, withTenant } from "../../db/index.ts";
import { getCostStatement, recordCostItem } from "./index.ts";

const NOW = new Date("2019-04-01T10:00:00Z");
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 2, now: NOW });
});
afterAll(() => handle.close());

const record = (applicationId: string, kind: "quote" | "invoice", amountCents: number, eligible = true) =>
  withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
    recordCostItem(tx, {
      programmeTenantId: programme.programmeId,
      applicationId,
      kind,
      supplier: "Bureau Lokaal",
      description: "Begeleiding dorpsavonden",
      amountCents,
      eligible,
      documentOn: "2019-04-01",
      actorPersonId: programme.staffId,
      now: NOW,
    }),
  );

describe("cost statement", () => {
  it("splits invoices 50/50 up to the cap and shows what the quotes will cost", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    const application = await programme.admitted(trajectory, programme.municipalities[0]!);
    await record(application.id, "quote", 1_200_000);
    await record(application.id, "invoice", 800_001);
    await record(application.id, "invoice", 40_000, false);

    const statement = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      getCostStatement(tx, application.id),
    );
    expect(statement.items).toHaveLength(3);
    expect(statement.quotedCents).toBe(1_200_000);
    expect(statement.invoiced).toEqual({
      eligibleCents: 800_001,
      otherCents: 40_000,
      programmeCents: 400_000,
      municipalityCents: 440_001,
      capped: false,
    });
    expect(statement.expected).toMatchObject({ programmeCents: 500_000, municipalityCents: 700_000, capped: true });

    const seenByMunicipality = await withTenant(handle.db, { tenantId: programme.municipalities[0]! }, (tx) =>
      getCostStatement(tx, application.id),
    );
    expect(seenByMunicipality.invoiced.programmeCents).toBe(400_000);
    const seenByOther = await withTenant(handle.db, { tenantId: programme.municipalities[1]! }, (tx) =>
      getCostStatement(tx, application.id),
    );
    expect(seenByOther.items).toEqual([]);
  });

  it("records costs only for admitted municipalities and only positive amounts", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    const pending = await programme.apply(trajectory, programme.municipalities[1]!);
    await expect(record(pending.id, "invoice", 1000)).rejects.toMatchObject({ code: "programme.costs-need-admission" });
    await programme.move(pending.id, "intake-scheduled", { intakeAt: NOW });
    await programme.move(pending.id, "intake-held");
    await programme.move(pending.id, "admitted");
    await expect(record(pending.id, "invoice", 0)).rejects.toMatchObject({ code: "programme.amount-not-positive" });
    await expect(record(pending.id, "invoice", -5)).rejects.toMatchObject({ code: "programme.amount-not-positive" });
  });
});
