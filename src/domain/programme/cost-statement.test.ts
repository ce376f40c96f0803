import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, postgresCode, schema, withTenant } from "../../db/index.ts";
import { getCostStatement, type ReverseCostItemOptions, recordCostItem, reverseCostItem } from "./index.ts";

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

  describe("a correction", () => {
    const inProgramme = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
      withTenant(handle.db, { tenantId: programme.programmeId }, work);
    const reverse = (applicationId: string, itemId: string, more: Partial<ReverseCostItemOptions> = {}) =>
      inProgramme((tx) =>
        reverseCostItem(tx, {
          programmeTenantId: programme.programmeId,
          applicationId,
          itemId,
          reason: "Factuur dubbel ingevoerd",
          actorPersonId: programme.staffId,
          now: NOW,
          ...more,
        }),
      );
    const givenInvoice = async (amountCents: number) => {
      const application = await programme.admitted(
        await programme.givenTrajectory({ max: 15 }),
        programme.municipalities[0]!,
      );
      return { application, item: await record(application.id, "invoice", amountCents) };
    };

    it("is a reversing line: the original stays, the sums no longer count it, and an audit row says why", async () => {
      const { application, item } = await givenInvoice(1_250_000);
      const reversal = await reverse(application.id, item.id, { now: new Date("2019-04-02T10:00:00Z") });
      await record(application.id, "invoice", 300_000);
      expect(reversal).toMatchObject({ amountCents: -1_250_000, reversesId: item.id, kind: "invoice" });

      const statement = await inProgramme((tx) => getCostStatement(tx, application.id));
      expect(statement.items.map((i) => i.amountCents)).toEqual([1_250_000, 300_000, -1_250_000]);
      expect(statement.invoiced).toMatchObject({ eligibleCents: 300_000, programmeCents: 150_000 });
      const audit = await handle.db
        .select({ action: schema.auditLog.action, details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(eq(schema.auditLog.subject, item.id));
      expect(audit).toContainEqual({
        action: "programme.cost.reversed",
        details: expect.objectContaining({ reason: "Factuur dubbel ingevoerd" }),
      });
    });

    it("happens once: a second correction is refused, the same form sent again finds the first", async () => {
      const { application, item } = await givenInvoice(10_000);
      const first = await reverse(application.id, item.id, { idempotencyKey: "form-1" });
      expect(await reverse(application.id, item.id, { idempotencyKey: "form-1" })).toEqual(first);
      await expect(reverse(application.id, item.id, { idempotencyKey: "form-2" })).rejects.toMatchObject({
        code: "programme.cost-item-already-reversed",
      });
      await expect(reverse(application.id, first.id)).rejects.toMatchObject({
        code: "programme.cost-reversal-not-reversible",
      });
    });

    it("refuses an empty reason or a line of another application, and changes nothing", async () => {
      const { application, item } = await givenInvoice(10_000);
      const other = await givenInvoice(20_000);
      await expect(reverse(application.id, item.id, { reason: "  " })).rejects.toMatchObject({
        code: "programme.missing-text",
      });
      await expect(reverse(application.id, other.item.id)).rejects.toMatchObject({
        code: "programme.cost-item-not-found",
      });
      const statement = await inProgramme((tx) => getCostStatement(tx, application.id));
      expect(statement.items).toHaveLength(1);
    });

    it("is the only way: the database refuses to change or delete a recorded line", async () => {
      const { item } = await givenInvoice(10_000);
      for (const statement of [
        sql`update cost_items set amount_cents = 1 where id = ${item.id}`,
        sql`delete from cost_items where id = ${item.id}`,
      ]) {
        const error = await handle.db.execute(statement).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(postgresCode(error)).toBe("23001");
      }
    });

    it.runIf(serverRun)(
      `reverses once when two staff correct the same line at the same moment ${SERVER_ONLY}`,
      async () => {
        const { application, item } = await givenInvoice(10_000);
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) => reverse(application.id, item.id, { idempotencyKey: `race-${i}` })),
        );
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        for (const r of results)
          if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "programme.cost-item-already-reversed" });
      },
    );
  });
});
