import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import {
  allocateBudget,
  recordCommitment,
  recordExpenditure,
  reverseBudgetEntry,
} from "../../../src/domain/area-budgets/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { receiptTypes, storeUpload } from "../../../src/platform/uploads/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as ledgersApi from "../api/ledgers.ts";
import * as exportRoute from "./export.ts";
import * as budgetPage from "./staff-budget.tsx";

let AREA: string;
let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  AREA = await givenKern(handle, a.id, "Aldeveen");
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: email });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return {
      staffA: await person("staff@aldorp.nl", a.id, "municipal-staff"),
      councilA: await person("raad@aldorp.nl", a.id, "council-member"),
      staffB: await person("staff@beekstad.nl", b.id, "municipal-coordinator"),
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
  const now = new Date("2026-03-02T10:00:00Z");
  await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const base = { tenantId: a.id, areaId: AREA, year: 2026, actorPersonId: people.staffA, now };
    await allocateBudget(tx, { ...base, amountCents: 250_000, decidedOn: "2026-01-12", reference: "Besluit 2026/01" });
    const { entry: feast } = await recordCommitment(tx, {
      ...base,
      amountCents: 60_000,
      decidedOn: "2026-02-20",
      minutesReference: "Notulen 20 februari 2026, punt 3",
      description: "Dorpsfeest",
    });
    const receipt = await storeUpload(tx, {
      ...base,
      bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF\n"),
      fileName: "bon.pdf",
      accept: receiptTypes,
      visibility: "internal",
    });
    const { entry } = await recordExpenditure(tx, {
      ...base,
      amountCents: 1_234,
      paidOn: "2026-02-25",
      description: "Koffie; thee",
      category: "activities",
      receiptId: receipt.id,
      commitmentId: feast.id,
    });
    await reverseBudgetEntry(tx, { ...base, entryId: entry.id, reason: "Dubbel", on: "2026-02-26" });
  });
});
afterAll(() => handle.close());

const api = (slug: string, query = "") =>
  answerOf(() =>
    ledgersApi.loader({
      request: new Request(`http://samenspel.test/api/v1/municipalities/${slug}/ledgers${query}`),
      context: harness.context(),
      params: { slug },
    } as never),
  );
const csv = (slug: string, cookie: string, query = "?jaar=2026") =>
  answerOf(() =>
    exportRoute.loader({
      request: harness.get(`/${slug}/beheer/gebiedsbudgetten/export.csv${query}`, cookie),
      context: harness.context(),
      params: { gemeente: slug },
    } as never),
  );

describe("the ledgers API", () => {
  it("gives each area's figures in cents for the year asked", async () => {
    const { status, response } = await api("aldorp", "?year=2026");
    expect(status).toBe(200);
    expect(await response!.json()).toEqual({
      count: 1,
      items: [
        {
          areaId: AREA,
          year: 2026,
          allocation: 250_000,
          carryOver: 0,
          committed: 60_000,
          spent: 0,
          balance: 250_000,
          available: 190_000,
          closed: false,
        },
      ],
    });
    expect(await (await api("aldorp", "?year=2025")).response!.json()).toEqual({ count: 0, items: [] });
  });

  it("keeps municipalities apart and refuses a year that is no year", async () => {
    expect(await (await api("beekstad", "?year=2026")).response!.json()).toEqual({ count: 0, items: [] });
    expect((await api("bestaat-niet", "?year=2026")).status).toBe(404);
    expect((await api("aldorp", "?year=26")).status).toBe(400);
    expect((await api("aldorp", "?year=twintig")).status).toBe(400);
  });
});

describe("the finance export", () => {
  it("is CSV for Dutch Excel: BOM, semicolons, decimal comma, corrections as lines of their own", async () => {
    const { status, response } = await csv("aldorp", cookies.staffA!);
    expect(status).toBe(200);
    expect(response!.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    expect(text.startsWith("Gebiedscode;Gebied;Jaar;Datum;Soort;Categorie;Omschrijving;Kenmerk;Bedrag (EUR);")).toBe(
      true,
    );
    expect(text).toContain('"Koffie; thee"');
    const [, ...rows] = (parse(text, { delimiter: ";" }) as string[][]).map((row) => row.slice(1));
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(["Aldeveen"]));
    expect(rows).toHaveLength(6);
    const line = (kind: string, correction: string) => rows.find((row) => row[3] === kind && row[8] === correction);
    expect(line("Toekenning", "nee")?.[7]).toBe("2500,00");
    expect(line("Toezegging", "nee")?.slice(6, 8)).toEqual(["Notulen 20 februari 2026, punt 3", "600,00"]);
    expect(line("Uitgave", "nee")?.slice(4, 10)).toEqual(["Activiteiten", "Koffie; thee", "", "-12,34", "nee", "ja"]);
    expect(line("Uitgave", "ja")?.[7]).toBe("12,34");
    expect(line("Vrijgegeven", "nee")?.[7]).toBe("-12,34");
    expect(line("Vrijgegeven", "ja")?.[7]).toBe("12,34");
  });

  it("is for the municipality's own staff only", async () => {
    expect((await csv("aldorp", cookies.councilA!)).status).toBe(403);
    expect((await csv("aldorp", cookies.staffB!)).status).toBe(403);
    expect((await csv("aldorp", cookies.staffA!, "?jaar=abc")).status).toBe(404);
  });
});

describe("the council's ledger page", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
  const key = () => `k${crypto.randomUUID().replaceAll("-", "")}`;
  const send = (cookie: string, fields: Record<string, string>, receipt?: Uint8Array<ArrayBuffer>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (receipt) form.set("receipt", new Blob([receipt], { type: "application/pdf" }), "bon.pdf");
    const request = new Request(`http://samenspel.test/aldorp/beheer/gebiedsbudgetten/${AREA}?jaar=2026`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: form,
    });
    return answerOf(() =>
      budgetPage.action({ request, context: harness.context(), params: { gemeente: "aldorp", areaId: AREA } } as never),
    );
  };
  const show = async (cookie: string, slug = "aldorp") =>
    answerOf(() =>
      budgetPage.loader({
        request: harness.get(`/${slug}/beheer/gebiedsbudgetten/${AREA}?jaar=2026`, cookie),
        context: harness.context(),
        params: { gemeente: slug, areaId: AREA },
      } as never),
    );
  const figures = async () =>
    ((await show(cookies.councilA!)).body as unknown as { ledger: { figures: object } }).ledger.figures;

  it("lets a council member record a commitment and then a spend with its receipt", async () => {
    const committed = await send(cookies.councilA!, {
      intent: "commit",
      key: key(),
      amount: "1.000,00",
      decidedOn: "2026-03-10",
      minutesReference: "Notulen 10 maart 2026, punt 2",
      description: "Bankjes bij de brink",
    });
    expect(committed.location).toBe(`/aldorp/beheer/gebiedsbudgetten/${AREA}?jaar=2026&melding=commit`);
    expect(await figures()).toMatchObject({ committedCents: 160_000, availableCents: 90_000 });
    const spent = await send(
      cookies.councilA!,
      {
        intent: "spend",
        key: key(),
        amount: "250,50",
        paidOn: "2026-03-20",
        description: "Bankje",
        category: "meeting-place",
      },
      pdf,
    );
    expect(spent.location).toContain("melding=spend");
    expect(await figures()).toMatchObject({ spentCents: 25_050, availableCents: 64_950 });
  });

  it("refuses a spend without a receipt, or one that makes available negative, and changes nothing", async () => {
    const before = await figures();
    const spend = {
      intent: "spend",
      amount: "649,51",
      paidOn: "2026-03-21",
      description: "Te veel",
      category: "other",
    };
    const noReceipt = await send(cookies.councilA!, { ...spend, key: key() });
    expect(noReceipt.status).toBe(400);
    expect(noReceipt.errors).toMatchObject({ receipt: ["areaBudgets.error.receiptRequired"] });
    const tooMuch = await send(cookies.councilA!, { ...spend, key: key() }, pdf);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.errors).toMatchObject({ amount: ["areaBudgets.error.insufficientFunds"] });
    const notAFile = await send(
      cookies.councilA!,
      { ...spend, amount: "1,00", key: key() },
      new TextEncoder().encode("<html>"),
    );
    expect(notAFile.status).toBe(415);
    expect(await figures()).toEqual(before);
  });

  it("keeps corrections for staff and the page for the municipality's own people", async () => {
    const reverse = await send(cookies.councilA!, { intent: "reverse", entry: AREA, reason: "x" });
    expect(reverse.status).toBe(403);
    expect((await show(cookies.staffB!)).status).toBe(403);
    expect((await show(cookies.staffB!, "beekstad")).status).toBe(404);
  });
});
