import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import {
  applyToFund,
  createFund,
  decideApplication,
  type Fund,
  type FundRules,
  getApplication,
  payTranche,
  startRecovery,
} from "../../../src/domain/initiatives/index.ts";
import { addDays, dutchDateOf } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { readPdf } from "../../../tests/support/pdf.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as fundsApi from "../api/funds.ts";
import * as letterRoute from "./decision-letter.ts";
import * as fairnessPage from "./fairness.tsx";
import * as fairnessCsv from "./fairness-csv.ts";
import * as myApplication from "./my-application.tsx";
import * as staffApplication from "./staff-application.tsx";
import * as staffFund from "./staff-fund.tsx";
import * as staffFunds from "./staff-funds.tsx";

const rules: FundRules = {
  maxPerApplicationCents: 500_000,
  yearlyBudgetCents: 1_000_000,
  coFinancingPercent: 50,
  hourValueCents: 1_500,
  leadTimeDays: 56,
  decisionTermLength: 8,
  decisionTermUnit: "weeks",
  extensionLength: 4,
  intake: "continuous",
  decisionDates: [],
  criteria: ["Voor en door bewoners"],
  requiredDocuments: [],
  advancePercent: 80,
  reportTermWeeks: 8,
};

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let fund: Fund;
let granted: string;
let open: string;
const cookies: Record<string, string> = {};
const people: Record<string, string> = {};

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  const area = await givenKern(handle, a.id, "Aldeveen");
  await withPlatform(handle.db, async (tx) => {
    const person = async (name: string, email: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: `Naam ${name}` });
      await grantRole(tx, { tenantId, personId: p.id, role });
      people[name] = p.id;
    };
    await person("staffA", "staff@aldorp.nl", a.id, "municipal-staff");
    await person("committeeA", "commissie@aldorp.nl", a.id, "fund-committee");
    await person("residentA", "bewoonster.geheim@aldorp.nl", a.id, "resident");
    await person("otherResident", "ander@aldorp.nl", a.id, "resident");
    await person("staffB", "staff@beekstad.nl", b.id, "municipal-coordinator");
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
  const now = new Date();
  fund = await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const created = await createFund(tx, {
      ...rules,
      tenantId: a.id,
      slug: "initiatievenfonds",
      name: "Initiatievenfonds Aldorp",
      description: "Voor plannen van bewoners",
      actorPersonId: people.staffA!,
      now,
    });
    const apply = (key: string) =>
      applyToFund(tx, {
        tenantId: a.id,
        fundId: created.id,
        applicantId: people.residentA!,
        title: "Geheime titel",
        description: "Buurtfeest",
        areaId: area,
        activityOn: addDays(dutchDateOf(now), 70),
        totalCostCents: 400_000,
        requestedCents: 200_000,
        ownMoneyCents: 50_000,
        ownHours: 100,
        documents: [],
        idempotencyKey: key,
        url: (id) => `http://samenspel.test/aldorp/fondsen/aanvraag/${id}`,
        now,
      });
    const application = await apply("route-test-1");
    granted = application.id;
    open = (await apply("route-test-2")).id;
    const step = { tenantId: a.id, applicationId: application.id, actorPersonId: people.staffA!, now };
    await decideApplication(tx, {
      ...step,
      tenantSlug: "aldorp",
      url: "http://samenspel.test/x",
      decision: { outcome: "granted", amountCents: 150_000, conditions: "" },
    });
    await payTranche(tx, { ...step, tranche: "advance" });
    return created;
  });
});
afterAll(() => handle.close());

const api = (slug: string) =>
  answerOf(() =>
    fundsApi.loader({
      request: new Request(`http://samenspel.test/api/v1/municipalities/${slug}/funds`),
      context: harness.context(),
      params: { slug },
    } as never),
  );

describe("the funds API", () => {
  it("gives each fund's rules and this year's money in cents, and no application or name", async () => {
    const { status, response } = await api("aldorp");
    expect(status).toBe(200);
    const text = await response!.text();
    const body = JSON.parse(text);
    expect(body.count).toBe(1);
    expect(body.items[0]).toMatchObject({
      slug: "initiatievenfonds",
      rules: {
        maxPerApplication: 500_000,
        coFinancingPercent: 50,
        decisionTerm: { length: 8, unit: "weeks", extension: 4 },
      },
      year: Number(dutchDateOf(new Date()).slice(0, 4)),
      budget: 1_000_000,
      granted: 150_000,
      paid: 120_000,
      available: 850_000,
    });
    for (const secret of ["Geheime titel", "bewoonster.geheim", "Naam residentA", people.residentA!, fund.id])
      expect(text).not.toContain(secret);
  });

  it("keeps municipalities apart", async () => {
    expect(await (await api("beekstad")).response!.json()).toEqual({ count: 0, items: [] });
    expect((await api("bestaat-niet")).status).toBe(404);
  });
});

const staffPage = (slug: string, id: string, cookie: string) =>
  answerOf(() =>
    staffApplication.loader({
      request: harness.get(`/${slug}/beheer/fondsen/aanvragen/${id}`, cookie),
      context: harness.context(),
      params: { gemeente: slug, aanvraag: id },
    } as never),
  );
const staffPost = (id: string, cookie: string, fields: Record<string, string>, slug = "aldorp") =>
  answerOf(() =>
    staffApplication.action({
      request: harness.post(`/${slug}/beheer/fondsen/aanvragen/${id}`, cookie, fields),
      context: harness.context(),
      params: { gemeente: slug, aanvraag: id },
    } as never),
  );
const statusOf = async (id: string) =>
  ((await staffPage("aldorp", id, cookies.staffA!)).body as { application: { status: string } }).application.status;

describe("the staff pages", () => {
  it("keep municipalities apart: another municipality's staff get a 403 here and a 404 in their own", async () => {
    expect((await staffPage("aldorp", open, cookies.staffB!)).status).toBe(403);
    expect((await staffPage("beekstad", open, cookies.staffB!)).status).toBe(404);
    expect(
      (await staffPost(open, cookies.staffB!, { intent: "extend", reason: "Meer tijd nodig." }, "beekstad")).status,
    ).toBe(404);
    const list = await answerOf(() =>
      staffFunds.loader({
        request: harness.get("/beekstad/beheer/fondsen", cookies.staffB!),
        context: harness.context(),
        params: { gemeente: "beekstad" },
      } as never),
    );
    expect((list.body as { funds: unknown[] }).funds).toEqual([]);
    expect((await staffPage("aldorp", open, cookies.residentA!)).status).toBe(403);
  });

  it("let a committee member assess but not decide, and refuse a conflicted member's scores", async () => {
    expect(
      (await staffPost(open, cookies.committeeA!, { intent: "decide", outcome: "refused", reasons: "x" })).status,
    ).toBe(403);
    expect(
      (await staffPost(open, cookies.committeeA!, { intent: "assess", conflict: "yes", note: "Mijn buurvrouw" }))
        .location,
    ).toMatch(/melding=assess/);
    const refused = await staffPost(open, cookies.committeeA!, { intent: "assess", conflict: "no", "scores[0]": "4" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ result: { error: { "": ["funds.error.conflicted"] } } });
  });

  it("change nothing on bad input", async () => {
    const noAmount = await staffPost(open, cookies.staffA!, { intent: "decide", outcome: "granted", amount: "" });
    expect(noAmount.status).toBe(400);
    const tooMuch = await staffPost(open, cookies.staffA!, {
      intent: "decide",
      outcome: "granted",
      amount: "2.000,01",
    });
    expect(tooMuch.status).toBe(422);
    expect(
      (await staffPost(open, cookies.staffA!, { intent: "decide", outcome: "refused", reasons: " " })).status,
    ).toBe(400);
    expect((await staffPost(open, cookies.staffA!, { intent: "pay", tranche: "final" })).status).toBe(409);
    const noReason = await staffPost(open, cookies.staffA!, { intent: "extend", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ result: { error: { reason: ["form.required"] } } });
    expect(await statusOf(open)).toBe("in-assessment");
    const page = (await staffPage("aldorp", open, cookies.staffA!)).body as { application: { extended: boolean } };
    expect(page.application.extended).toBe(false);
  });
});

describe("the fund's rules form", () => {
  const newFund = {
    name: "Leefbaarheidsbudget",
    slug: "leefbaarheid",
    description: "",
    maxPerApplication: "5.000",
    yearlyBudget: "100.000",
    coFinancingPercent: "50",
    hourValue: "15",
    leadTimeDays: "0",
    decisionTermLength: "4",
    decisionTermUnit: "weeks",
    extensionLength: "4",
    intake: "decision-dates",
    decisionDates: "2027-03-15\n2027-06-14",
    criteria: "Voor en door bewoners\nHaalbaar",
    requiredDocuments: "Begroting",
    advancePercent: "100",
    reportTermWeeks: "8",
  };
  const post = (fields: Record<string, string>, cookie = cookies.staffA!, fonds?: string, slug = "aldorp") =>
    answerOf(() =>
      staffFund.action({
        request: harness.post(`/${slug}/beheer/fondsen/${fonds ?? "nieuw"}`, cookie, fields),
        context: harness.context(),
        params: fonds ? { gemeente: slug, fonds } : { gemeente: slug },
      } as never),
    );
  const page = (fonds: string, cookie = cookies.staffA!, slug = "aldorp") =>
    answerOf(() =>
      staffFund.loader({
        request: harness.get(`/${slug}/beheer/fondsen/${fonds}`, cookie),
        context: harness.context(),
        params: { gemeente: slug, fonds },
      } as never),
    );

  it("refuses rules that do not hold together with a message at the field, and makes nothing", async () => {
    const bad = await post({
      ...newFund,
      slug: "Nieuw Fonds!",
      maxPerApplication: "200.000",
      coFinancingPercent: "150",
      leadTimeDays: "8,5",
      decisionDates: "15 maart",
      criteria: "Haalbaar\nHaalbaar",
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { result: { error: Record<string, string[]> } }).result.error).toMatchObject({
      slug: ["funds.error.slug"],
      coFinancingPercent: ["form.outOfRange"],
      leadTimeDays: ["funds.error.whole"],
      decisionDates: ["funds.error.decisionDate"],
      criteria: ["funds.error.sameLineTwice"],
      maxPerApplication: ["funds.error.maxAboveBudget"],
    });
    const noDates = await post({ ...newFund, decisionDates: "", hourValue: "15", coFinancingPercent: "" });
    expect((noDates.body as { result: { error: Record<string, string[]> } }).result.error).toMatchObject({
      decisionDates: ["funds.error.decisionDatesNeeded"],
      hourValue: ["funds.error.hourValueWithoutShare"],
    });
    expect((await post({ ...newFund, slug: "nieuw" })).status).toBe(400);
    expect((await page("leefbaarheid")).status).toBe(404);
  });

  it("makes a fund and changes its rules, for staff who manage funds only", async () => {
    expect((await post(newFund, cookies.committeeA!)).status).toBe(403);
    expect((await post(newFund, cookies.staffB!)).status).toBe(403);
    expect((await post(newFund)).location).toBe("/aldorp/beheer/fondsen/leefbaarheid?melding=created");
    expect((await post(newFund)).body).toMatchObject({ result: { error: { slug: ["funds.error.slugTaken"] } } });
    const shown = await page("leefbaarheid");
    expect((shown.body as { values: Record<string, string> }).values).toMatchObject({
      maxPerApplication: "5000",
      yearlyBudget: "100000",
      hourValue: "15",
      decisionDates: "2027-03-15\n2027-06-14",
      criteria: "Voor en door bewoners\nHaalbaar",
    });
    const { slug: _slug, ...rules } = newFund;
    const saved = await post(
      { ...rules, maxPerApplication: "1.000", intake: "continuous" },
      cookies.staffA!,
      "leefbaarheid",
    );
    expect(saved.location).toBe("/aldorp/beheer/fondsen/leefbaarheid?melding=saved");
    const after = (await page("leefbaarheid")).body as { values: Record<string, string> };
    // Dates belong to fixed-date intake only: continuous intake drops them.
    expect(after.values).toMatchObject({ maxPerApplication: "1000", intake: "continuous", decisionDates: "" });
    expect((await page("leefbaarheid", cookies.staffB!, "beekstad")).status).toBe(404);
    expect((await post(rules, cookies.staffB!, "leefbaarheid", "beekstad")).status).toBe(404);
  });
});

describe("the applicant's pages", () => {
  const mine = (id: string, cookie: string) =>
    answerOf(() =>
      myApplication.loader({
        request: harness.get(`/aldorp/fondsen/aanvraag/${id}`, cookie),
        context: harness.context(),
        params: { gemeente: "aldorp", aanvraag: id },
      } as never),
    );
  const letter = (id: string, cookie: string) =>
    answerOf(() =>
      letterRoute.loader({
        request: harness.get(`/aldorp/fondsen/aanvraag/${id}/besluit.pdf`, cookie),
        context: harness.context(),
        params: { gemeente: "aldorp", aanvraag: id },
      } as never),
    );

  it("show an application only to its applicant", async () => {
    expect((await mine(granted, cookies.residentA!)).status).toBe(200);
    expect((await mine(granted, cookies.otherResident!)).status).toBe(404);
    expect((await mine(granted, cookies.staffB!)).status).toBe(404);
  });

  it("give the decision letter as a PDF in the municipality's name, to the applicant and staff only", async () => {
    const { status, response } = await letter(granted, cookies.residentA!);
    expect(status).toBe(200);
    expect(response!.headers.get("Content-Type")).toBe("application/pdf");
    const pdf = await readPdf(new Uint8Array(await response!.arrayBuffer()));
    expect(pdf.pages).toBe(1);
    const text = pdf.text.join(" ").replace(/\s+/g, " ");
    expect(text).toContain("Wij kennen u € 1.500,00 toe");
    expect(text).toContain("Gemeente Aldorp");
    expect((await letter(granted, cookies.staffA!)).status).toBe(200);
    expect((await letter(granted, cookies.otherResident!)).status).toBe(404);
    expect((await letter(open, cookies.residentA!)).status).toBe(404);
  });
});

describe("the fairness dashboard", () => {
  it("counts per area per 1,000 residents and shows no personal data, on the page or in the CSV", async () => {
    const year = dutchDateOf(new Date()).slice(0, 4);
    const page = await answerOf(() =>
      fairnessPage.loader({
        request: new Request(`http://samenspel.test/aldorp/fondsen/initiatievenfonds/eerlijkheid?jaar=${year}`),
        context: harness.context(),
        params: { gemeente: "aldorp", fonds: "initiatievenfonds" },
      } as never),
    );
    const { fairness } = page.body as { fairness: { applications: number; firstTimeShare: number; rows: unknown[] } };
    expect(fairness.applications).toBe(2);
    // Two applications in one area: below the threshold of 5, so no figure of the area, and no shares either.
    expect(fairness.firstTimeShare).toBeNull();
    expect(fairness.rows).toEqual([
      expect.objectContaining({
        area: "Aldeveen",
        suppressed: true,
        applications: null,
        grants: null,
        grantRate: null,
      }),
      expect.objectContaining({ combined: ["Aldeveen"], applications: null, grantedCents: null }),
    ]);
    const csv = await answerOf(() =>
      fairnessCsv.loader({
        request: new Request(`http://samenspel.test/aldorp/fondsen/initiatievenfonds/eerlijkheid.csv?jaar=${year}`),
        context: harness.context(),
        params: { gemeente: "aldorp", fonds: "initiatievenfonds" },
      } as never),
    );
    const text = await csv.response!.text();
    expect(text).toContain("Aldeveen;;niet getoond;;;;;;");
    expect(text).not.toContain("1500,00");
    for (const body of [JSON.stringify(page.body), text])
      for (const secret of ["Geheime titel", "bewoonster", "Naam residentA", people.residentA!, granted])
        expect(body).not.toContain(secret);
    const bad = await answerOf(() =>
      fairnessPage.loader({
        request: new Request("http://samenspel.test/aldorp/fondsen/initiatievenfonds/eerlijkheid?jaar=twee"),
        context: harness.context(),
        params: { gemeente: "aldorp", fonds: "initiatievenfonds" },
      } as never),
    );
    expect(bad.status).toBe(404);
  });
});

describe("the recovery form", () => {
  /** A grant of 1,000 in its own fund with the 80 % advance paid and no report: recovery claims the 800 paid. */
  let claimed: string;
  let tenantId: string;
  beforeAll(async () => {
    tenantId = fund.tenantId;
    const now = new Date();
    claimed = await withTenant(handle.db, { tenantId }, async (tx) => {
      const own = await createFund(tx, {
        ...rules,
        tenantId,
        slug: "herstelfonds",
        name: "Herstelfonds",
        description: "",
        actorPersonId: people.staffA!,
        now,
      });
      const application = await applyToFund(tx, {
        tenantId,
        fundId: own.id,
        applicantId: people.otherResident!,
        title: "Straatfeest",
        description: "Een feest",
        areaId: null,
        activityOn: addDays(dutchDateOf(now), 70),
        totalCostCents: 200_000,
        requestedCents: 100_000,
        ownMoneyCents: 100_000,
        ownHours: 0,
        documents: [],
        idempotencyKey: "recovery-route-test",
        url: (id) => `http://samenspel.test/aldorp/fondsen/aanvraag/${id}`,
        now,
      });
      const step = { tenantId, applicationId: application.id, actorPersonId: people.staffA!, now };
      await decideApplication(tx, {
        ...step,
        tenantSlug: "aldorp",
        url: "http://samenspel.test/x",
        decision: { outcome: "granted", amountCents: 100_000, conditions: "" },
      });
      await payTranche(tx, { ...step, tranche: "advance" });
      const afterTheReportTerm = new Date(now.getTime() + 200 * 86_400_000);
      const started = await startRecovery(tx, {
        tenantId,
        tenantSlug: "aldorp",
        applicationId: application.id,
        url: "http://samenspel.test/x",
        now: afterTheReportTerm,
      });
      expect(started).toBe(true);
      return application.id;
    });
  });
  const booked = async () => {
    const { application, recoveries } = await withTenant(handle.db, { tenantId }, (tx) =>
      getApplication(tx, { tenantId, applicationId: claimed }),
    );
    return { recovered: application.recoveredCents, waived: application.waivedCents, bookings: recoveries.length };
  };
  const key = (n: number) => `herstel-formulier-${n}-0123456789`;
  const book = (fields: Record<string, string>, cookie = cookies.staffA!) =>
    staffPost(claimed, cookie, { intent: "recovery", ...fields }, "aldorp");

  it("refuses bad input with a message at the field and books nothing", async () => {
    const noAmount = await book({ key: key(1), kind: "recovered", amount: "" });
    expect(noAmount.status).toBe(400);
    expect(noAmount.errors).toHaveProperty("amount");
    const noReasons = await book({ key: key(2), kind: "waived", amount: "100", reasons: "" });
    expect(noReasons.status).toBe(400);
    expect(noReasons.errors).toMatchObject({ reasons: ["funds.error.waiverReasons"] });
    const noKind = await book({ key: key(3), kind: "kwijtgescholden", amount: "100" });
    expect(noKind.errors).toMatchObject({ kind: ["form.choice"] });
    const tooMuch = await book({ key: key(4), kind: "recovered", amount: "800,01" });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.errors).toMatchObject({ amount: ["funds.error.recoveryAboveOutstanding"] });
    expect((await book({ key: key(5), kind: "recovered", amount: "100" }, cookies.committeeA!)).status).toBe(403);
    expect((await book({ key: key(6), kind: "recovered", amount: "100" }, cookies.staffB!)).status).toBe(403);
    expect(await booked()).toEqual({ recovered: 0, waived: 0, bookings: 0 });
  });

  it("books money paid back and a waived amount, each once however often the same form is sent", async () => {
    const paidBack = { key: key(7), kind: "recovered", amount: "500" };
    expect((await book(paidBack)).location).toBe(`/aldorp/beheer/fondsen/aanvragen/${claimed}?melding=recovery`);
    expect((await book(paidBack)).location).toBe(`/aldorp/beheer/fondsen/aanvragen/${claimed}?melding=recovery`);
    expect(await booked()).toEqual({ recovered: 50_000, waived: 0, bookings: 1 });
    const waiver = { key: key(8), kind: "waived", amount: "300", reasons: "De activiteit ging door; bonnen kwijt" };
    await book(waiver);
    await book(waiver);
    expect(await booked()).toEqual({ recovered: 50_000, waived: 30_000, bookings: 2 });
    // Nothing is left to claim: one more euro is refused.
    expect((await book({ key: key(9), kind: "recovered", amount: "1" })).status).toBe(422);
    expect(await booked()).toEqual({ recovered: 50_000, waived: 30_000, bookings: 2 });
  });
});
