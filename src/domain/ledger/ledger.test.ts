import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, postgresCode, schema, withTenant } from "../../db/index.ts";
import { deleteAccount } from "../identity/index.ts";
import { DomainError } from "../shared/index.ts";
import { accountTotals, listEntries, openAccount, postEntry, reverseEntry } from "./index.ts";

const NOW = new Date("2026-03-02T10:00:00Z");
const OWNER = "00000000-0000-4000-8000-00000000a001";
let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
});
afterAll(() => handle.close());

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2], tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);

async function givenAccount(year: number, allocationCents: number) {
  return inTenant(async (tx) => {
    const account = await openAccount(tx, { tenantId, kind: "test-budget", ownerId: OWNER, year });
    if (allocationCents > 0)
      await postEntry(tx, {
        tenantId,
        accountId: account.id,
        kind: "allocation",
        movement: { type: "credit" },
        amountCents: allocationCents,
        on: `${year}-01-15`,
        actorPersonId: null,
        now: NOW,
      });
    return account;
  });
}

const base = { on: "2026-03-01", actorPersonId: null, now: NOW } as const;
const reverse = (entryId: string, reason = "Correctie") =>
  inTenant((tx) => reverseEntry(tx, { ...base, tenantId, entryId, reason }));
const post = (
  accountId: string,
  o: Partial<Parameters<typeof postEntry>[1]> &
    Pick<Parameters<typeof postEntry>[1], "kind" | "movement" | "amountCents">,
) => inTenant((tx) => postEntry(tx, { ...base, tenantId, accountId, ...o }));
const totals = (accountId: string) => inTenant((tx) => accountTotals(tx, { tenantId, accountId }));
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe("the ledger's sums", () => {
  it("derives balance and available from the entries: commitments reserve, spends against them release", async () => {
    const account = await givenAccount(2026, 100_000);
    const { entry: commitment } = await post(account.id, {
      kind: "commitment",
      movement: { type: "commit" },
      amountCents: 30_000,
    });
    expect(await totals(account.id)).toMatchObject({
      balanceCents: 100_000,
      heldCents: 30_000,
      availableCents: 70_000,
    });

    await post(account.id, {
      kind: "expenditure",
      movement: { type: "debit", commitmentId: commitment.id },
      amountCents: 12_345,
      category: "activities",
    });
    expect(await totals(account.id)).toMatchObject({
      balanceCents: 87_655,
      heldCents: 17_655,
      availableCents: 70_000,
      byKind: { allocation: 100_000, commitment: 17_655, expenditure: 12_345 },
    });

    // A spend beyond what the commitment still holds takes the rest from what is available.
    await post(account.id, {
      kind: "expenditure",
      movement: { type: "debit", commitmentId: commitment.id },
      amountCents: 20_000,
    });
    expect(await totals(account.id)).toMatchObject({ balanceCents: 67_655, heldCents: 0, availableCents: 67_655 });
  });

  it("corrects only by reversing entries, which name the original and undo the release with the spend", async () => {
    const account = await givenAccount(2027, 50_000);
    const { entry: commitment } = await post(account.id, {
      kind: "commitment",
      movement: { type: "commit" },
      amountCents: 20_000,
    });
    const { entry: spend } = await post(account.id, {
      kind: "expenditure",
      movement: { type: "debit", commitmentId: commitment.id },
      amountCents: 5_000,
    });
    expect((await refusal(reverse(commitment.id, "x"))).code).toBe("ledger.commitment-in-use");

    await reverse(spend.id, "Dubbel geboekt");
    expect(await totals(account.id)).toMatchObject({ balanceCents: 50_000, heldCents: 20_000, availableCents: 30_000 });
    expect((await refusal(reverse(spend.id, "x"))).code).toBe("ledger.entry-already-reversed");

    await reverse(commitment.id, "Besluit ingetrokken");
    expect(await totals(account.id)).toMatchObject({ balanceCents: 50_000, heldCents: 0, availableCents: 50_000 });
    const listed = await inTenant((tx) => listEntries(tx, { tenantId, accountId: account.id }));
    expect(
      listed
        .filter((e) => e.reversesId)
        .map((e) => e.amountCents)
        .sort((a, b) => a - b),
    ).toEqual([-20_000, -5_000, 5_000]);
    expect(listed.find((e) => e.id === spend.id)?.reversed).toBe(true);
  });

  it("refuses a spend or commitment that would make available negative, and names what is available", async () => {
    const account = await givenAccount(2028, 10_000);
    await post(account.id, { kind: "commitment", movement: { type: "commit" }, amountCents: 6_000 });
    const error = await refusal(
      post(account.id, { kind: "expenditure", movement: { type: "debit" }, amountCents: 4_001 }),
    );
    expect(error.code).toBe("ledger.insufficient-funds");
    expect(error.params).toEqual({ availableCents: 4_000 });
    await post(account.id, { kind: "expenditure", movement: { type: "debit" }, amountCents: 4_000 });
    expect((await totals(account.id)).availableCents).toBe(0);
    // Taking the allocation back now would leave the commitment unfunded.
    const [allocation] = (await inTenant((tx) => listEntries(tx, { tenantId, accountId: account.id }))).filter(
      (e) => e.kind === "allocation",
    );
    expect((await refusal(reverse(allocation!.id, "x"))).code).toBe("ledger.insufficient-funds");
  });

  it("posts a repeated form submission once", async () => {
    const account = await givenAccount(2029, 10_000);
    const once = {
      kind: "expenditure",
      movement: { type: "debit" },
      amountCents: 1_000,
      idempotencyKey: "k-1",
    } as const;
    const first = await post(account.id, once);
    const second = await post(account.id, once);
    expect(second).toEqual({ entry: first.entry, created: false });
    expect((await totals(account.id)).debitsCents).toBe(1_000);
  });

  it("keeps one tenant's accounts out of another's reach", async () => {
    const account = await givenAccount(2030, 10_000);
    const error = await refusal(
      inTenant(
        (tx) =>
          postEntry(tx, {
            ...base,
            tenantId: otherTenantId,
            accountId: account.id,
            kind: "expenditure",
            movement: { type: "debit" },
            amountCents: 1,
          }),
        otherTenantId,
      ),
    );
    expect(error.code).toBe("ledger.account-not-found");
  });
});

describe("the database keeps the ledger append-only", () => {
  const attempts = [
    ["update", sql`update ledger_entries set amount_cents = amount_cents * 2`],
    ["delete", sql`delete from ledger_entries`],
    ["truncate", sql`truncate ledger_entries cascade`],
  ] as const;

  const snapshot = async () => {
    const [row] = await handle.db
      .select({ count: count(), sum: sql<number>`sum(${schema.ledgerEntries.amountCents})`.mapWith(Number) })
      .from(schema.ledgerEntries);
    return row!;
  };

  it.each(attempts)("refuses %s, even to the tables' owner", async (_name, statement) => {
    const before = await snapshot();
    const error = await handle.db.execute(statement).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(postgresCode(error)).toBe("23001");
    expect(await snapshot()).toEqual(before);
    expect(before.count).toBeGreaterThan(0);
  });

  it("refuses an update through the application role as well", async () => {
    const error = await inTenant((tx) => tx.execute(sql`update ledger_entries set description = 'vervalst'`)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(postgresCode(error)).toBe("23001");
  });
});

describe("a deleted account", () => {
  it("leaves the entries it posted, without the person (the only change the ledger allows)", async () => {
    const account = await givenAccount(2032, 0);
    const [person] = await handle.db
      .insert(schema.people)
      .values({ displayName: "Penningmeester", email: "penningmeester@example.org" })
      .returning();
    const { entry } = await post(account.id, {
      kind: "allocation",
      movement: { type: "credit" },
      amountCents: 12_345,
      actorPersonId: person!.id,
    });
    await handle.db.transaction((tx) => deleteAccount(tx, { personId: person!.id }));
    const [kept] = await handle.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.id, entry.id));
    expect(kept).toMatchObject({ amountCents: 12_345, createdById: null });
  });

  it("still refuses any other change made together with forgetting the person", async () => {
    const error = await handle.db
      .execute(sql`update ledger_entries set created_by_id = null, amount_cents = amount_cents + 1`)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(postgresCode(error)).toBe("23001");
  });
});

describe("concurrent spends", () => {
  it.runIf(process.env.DATABASE_URL)(
    "never take available below zero on the PostgreSQL server: 40 spends of 10.00 against 95.00, 9 win",
    async () => {
      expect(handle.kind).toBe("server");
      const account = await givenAccount(2031, 9_500);
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          post(account.id, {
            kind: "expenditure",
            movement: { type: "debit" },
            amountCents: 1_000,
            idempotencyKey: `race-${i}`,
          }),
        ),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(9);
      for (const r of lost) expect((r.reason as DomainError).code).toBe("ledger.insufficient-funds");
      expect(await totals(account.id)).toMatchObject({ debitsCents: 9_000, availableCents: 500 });
    },
  );
});
