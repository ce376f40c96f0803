import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../../tests/support/database.ts";
import { givenKern, givenTwoMunicipalities } from "../../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, postgresCode, schema, type Tx, withPlatform, withTenant } from "../../../db/index.ts";
import { receiptTypes, storeUpload } from "../../../platform/uploads/index.ts";
import { findOrCreatePerson } from "../../identity/index.ts";
import { DomainError } from "../../shared/index.ts";
import {
  applyToFund,
  assessApplication,
  completeApplication,
  createFund,
  decideApplication,
  decisionDueOn,
  extendDecisionTerm,
  type Fund,
  type FundRules,
  fundFigures,
  getApplication,
  getFund,
  markIncomplete,
  payTranche,
  recordRecovery,
  sendLinksAgain,
  startRecovery,
  submitReport,
  suppressSmallCounts,
  updateFund,
} from "../index.ts";

/** Monday 2 March 2026, 10:00 in Amsterdam. */
const NOW = new Date("2026-03-02T09:00:00Z");
const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const PDF = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
let staff: string;
let resident: string;
let assessors: [string, string, string];
let areaId: string;
let funds = 0;

const person = (email: string) =>
  withPlatform(handle.db, (tx) => findOrCreatePerson(tx, { email, displayName: email.split("@")[0]! }));

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  staff = (await person("medewerker@aldorp.nl")).id;
  resident = (await person("bewoner@example.org")).id;
  assessors = [
    (await person("commissie1@example.org")).id,
    (await person("commissie2@example.org")).id,
    (await person("commissie3@example.org")).id,
  ];
  areaId = await givenKern(handle, tenantId, "Noord");
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>, tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);

/** Amsterdam-like: EUR 5,000 at most, 8 weeks' lead time, decision in 8 weeks, 80 % in advance. */
const amsterdam: FundRules = {
  maxPerApplicationCents: 500_000,
  yearlyBudgetCents: 2_000_000,
  coFinancingPercent: null,
  hourValueCents: null,
  leadTimeDays: 56,
  decisionTermLength: 8,
  decisionTermUnit: "weeks",
  extensionLength: 4,
  intake: "continuous",
  decisionDates: [],
  criteria: ["Voor en door bewoners", "Haalbaarheid"],
  requiredDocuments: ["Begroting"],
  advancePercent: 80,
  reportTermWeeks: 8,
};

const givenFund = (rules: Partial<FundRules> = {}) =>
  inTenant((tx) =>
    createFund(tx, {
      ...amsterdam,
      ...rules,
      tenantId,
      slug: `fonds-${++funds}`,
      name: `Fonds ${funds}`,
      description: "",
      actorPersonId: staff,
      now: NOW,
    }),
  );

const upload = (tx: Tx) =>
  storeUpload(tx, {
    tenantId,
    bytes: PDF,
    fileName: "begroting.pdf",
    accept: receiptTypes,
    visibility: "internal",
    actorPersonId: resident,
    now: NOW,
  });

let keys = 0;
const apply = (fund: Fund, o: Partial<Parameters<typeof applyToFund>[1]> & { withBudget?: boolean } = {}) =>
  inTenant(async (tx) => {
    const documents = o.withBudget === false ? [] : [{ purpose: "Begroting", uploadId: (await upload(tx)).id }];
    return applyToFund(tx, {
      tenantId,
      fundId: fund.id,
      applicantId: resident,
      title: "Buurtmoestuin",
      description: "Een moestuin voor de straat",
      areaId,
      activityOn: "2026-06-01",
      totalCostCents: 300_000,
      requestedCents: 250_000,
      ownMoneyCents: 50_000,
      ownHours: 0,
      documents,
      idempotencyKey: `key-${++keys}`,
      url: (id) => `https://example.org/${id}`,
      now: NOW,
      ...o,
    });
  });

const step = { tenantId: "", actorPersonId: "", url: "https://example.org/a", now: NOW };
const grant = (applicationId: string, amountCents: number, now = NOW) =>
  inTenant((tx) =>
    decideApplication(tx, {
      ...step,
      tenantId,
      tenantSlug: "aldorp",
      actorPersonId: staff,
      applicationId,
      decision: { outcome: "granted", amountCents, conditions: "Vermeld de gemeente op de flyer" },
      now,
    }),
  );

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
};
const applicationCount = async () =>
  (await inTenant((tx) => tx.select({ n: count() }).from(schema.fundApplications)))[0]!.n;

describe("decision terms", () => {
  it("counts weeks, working days and fixed decision dates from the day the application is complete", () => {
    // 8 weeks from Monday 2 March 2026 end on King's Day, Monday 27 April: the term runs to Tuesday 28 April.
    expect(decisionDueOn(amsterdam, "2026-03-02")).toBe("2026-04-28");
    expect(decisionDueOn(amsterdam, "2026-02-26")).toBe("2026-04-23");
    // 20 working days from Thursday 30 April 2026 skip 5 May (Liberation Day), Ascension
    // (14 May), the decree's bridge day 15 May and Whit Monday (25 May).
    expect(
      decisionDueOn({ ...amsterdam, decisionTermLength: 20, decisionTermUnit: "working-days" }, "2026-04-30"),
    ).toBe("2026-06-03");
    const dated = { ...amsterdam, intake: "decision-dates" as const, decisionDates: ["2026-03-02", "2026-05-11"] };
    expect(decisionDueOn(dated, "2026-03-02")).toBe("2026-05-11");
    expect(decisionDueOn(dated, "2026-05-11")).toBe(decisionDueOn(amsterdam, "2026-05-11"));
  });

  it("starts no term while incomplete, and a new one from the day it is completed", async () => {
    const fund = await givenFund();
    const incomplete = await apply(fund, { withBudget: false });
    expect(incomplete).toMatchObject({ status: "incomplete", dueOn: null, missing: "Begroting" });

    const completed = await inTenant(async (tx) =>
      completeApplication(tx, {
        ...step,
        tenantId,
        applicationId: incomplete.id,
        actorPersonId: resident,
        documents: [{ purpose: "Begroting", uploadId: (await upload(tx)).id }],
        explanation: "De begroting zit erbij.",
        now: later(10),
      }),
    );
    // Completed on Thursday 12 March: 8 weeks later is Thursday 7 May.
    expect(completed).toMatchObject({ status: "in-assessment", completeOn: "2026-03-12", dueOn: "2026-05-07" });

    const again = await inTenant((tx) =>
      markIncomplete(tx, {
        ...step,
        tenantId,
        applicationId: completed.id,
        actorPersonId: staff,
        missing: "Offerte van de tent",
      }),
    );
    expect(again).toMatchObject({ status: "incomplete", dueOn: null, completeOn: null });
    const restarted = await inTenant((tx) =>
      completeApplication(tx, {
        ...step,
        tenantId,
        applicationId: completed.id,
        actorPersonId: resident,
        documents: [],
        explanation: "Offerte: 450 euro.",
        now: later(20),
      }),
    );
    expect(restarted).toMatchObject({ completeOn: "2026-03-22", dueOn: "2026-05-18" });

    const extend = (reason: string) =>
      inTenant((tx) =>
        extendDecisionTerm(tx, { ...step, tenantId, applicationId: restarted.id, actorPersonId: staff, reason }),
      );
    // Without a reason nothing changes: the applicant must hear why.
    expect(await refusal(extend("  "))).toBe("initiatives.reason-required");
    const extended = await extend(" Het advies van de dorpsraad komt pas in juni. ");
    // Four more weeks from Monday 18 May is Monday 15 June.
    expect(extended).toMatchObject({
      dueOn: "2026-06-15",
      extensionReason: "Het advies van de dorpsraad komt pas in juni.",
    });
    const mails = await handle.db
      .select()
      .from(schema.jobs)
      .where(eq(schema.jobs.kind, "mail.send"))
      .then((jobs) => jobs.map((j) => j.payload as { template: string; params: Record<string, unknown> }));
    expect(mails.filter((m) => m.template === "fund-application").map((m) => m.params)).toContainEqual(
      expect.objectContaining({
        step: "extended",
        dueOn: "2026-06-15",
        reason: "Het advies van de dorpsraad komt pas in juni.",
      }),
    );
    expect(await refusal(extend("Nog meer tijd nodig."))).toBe("initiatives.term-already-extended");
  });
});

describe("changing a fund's rules", () => {
  const change = (fund: Fund, rules: Partial<FundRules>, now = NOW) =>
    inTenant((tx) =>
      updateFund(tx, {
        ...fund,
        ...rules,
        tenantId,
        fundId: fund.id,
        actorPersonId: staff,
        now,
      }),
    );

  it("leaves decisions and running terms as they were, and writes what changed in the audit log", async () => {
    const fund = await givenFund();
    const running = await apply(fund);
    const decided = await apply(fund);
    await grant(decided.id, 200_000);
    const update = await change(fund, {
      advancePercent: 50,
      reportTermWeeks: 2,
      decisionTermLength: 2,
      extensionLength: 1,
      maxPerApplicationCents: 100_000,
      criteria: ["Alleen nog dit"],
      yearlyBudgetCents: 3_000_000,
    });
    expect(update.changed.toSorted()).toEqual(
      [
        "advancePercent",
        "criteria",
        "decisionTermLength",
        "extensionLength",
        "maxPerApplicationCents",
        "reportTermWeeks",
        "yearlyBudgetCents",
      ].toSorted(),
    );
    // 2026 is open (the grant opened it): the new budget applies from 2027, and this year's figures stay.
    expect(update.budgetFromYear).toBe(2027);
    expect(await inTenant((tx) => fundFigures(tx, fund, 2026))).toMatchObject({ budget: 2_000_000 });

    const after = await inTenant((tx) => getApplication(tx, { tenantId, applicationId: decided.id }));
    expect(after.application).toMatchObject({ grantedCents: 200_000, advancePercent: 80, reportDueOn: "2026-07-27" });
    // The advance is still 80 % of the grant, as decided, not 50 %.
    await inTenant((tx) =>
      payTranche(tx, { tenantId, applicationId: decided.id, tranche: "advance", actorPersonId: staff, now: NOW }),
    );
    const paid = await inTenant((tx) => getApplication(tx, { tenantId, applicationId: decided.id }));
    expect(paid.payments.map((p) => p.amountCents)).toEqual([160_000]);
    // The running term keeps its due date (8 weeks), and the request above the new maximum stays as it came in.
    const stillRunning = await inTenant((tx) => getApplication(tx, { tenantId, applicationId: running.id }));
    expect(stillRunning.application).toMatchObject({ dueOn: "2026-04-28", requestedCents: 250_000 });

    const [line] = await inTenant((tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, "initiatives.fund-rules-changed"))
        .then((rows) => rows.filter((row) => row.subject === fund.id)),
    );
    expect(line?.details).toMatchObject({
      changed: { advancePercent: { from: 80, to: 50 }, criteria: { from: amsterdam.criteria, to: ["Alleen nog dit"] } },
      budgetFromYear: 2027,
    });
    // New applications follow the new rules.
    expect(await refusal(apply(fund, { requestedCents: 100_001 }))).toBe("initiatives.fund-above-maximum");
  });

  it("refuses rules that do not hold together and changes nothing", async () => {
    const fund = await givenFund();
    expect(await refusal(change(fund, { intake: "decision-dates", decisionDates: [] }))).toBe(
      "initiatives.fund-rules-invalid",
    );
    expect(await refusal(change(fund, { advancePercent: 0 }))).toBe("initiatives.fund-rules-invalid");
    const unchanged = await inTenant((tx) => getFund(tx, { tenantId, fundId: fund.id }));
    expect(unchanged).toEqual(fund);
    expect((await change(fund, {})).changed).toEqual([]);
  });
});

describe("applying", () => {
  it("refuses what breaks the fund's rules and changes nothing", async () => {
    const fund = await givenFund({ coFinancingPercent: 50, hourValueCents: 1_500 });
    const before = await applicationCount();
    expect(
      await refusal(apply(fund, { requestedCents: 500_001, totalCostCents: 1_200_000, ownMoneyCents: 700_000 })),
    ).toBe("initiatives.fund-above-maximum");
    expect(await refusal(apply(fund, { activityOn: "2026-04-26" }))).toBe("initiatives.fund-lead-time");
    // 3,000 euro in total: 1,500 of their own is needed; 500 in money and 60 hours at 15 euro is 1,400.
    expect(await refusal(apply(fund, { ownMoneyCents: 50_000, ownHours: 60 }))).toBe("initiatives.fund-co-financing");
    expect(await applicationCount()).toBe(before);
    // 67 hours make it.
    expect((await apply(fund, { ownMoneyCents: 50_000, ownHours: 67, requestedCents: 150_000 })).status).toBe(
      "in-assessment",
    );
  });
});

describe("assessment", () => {
  it("refuses the scores of an assessor who declared a conflict of interest, in the domain and in the table", async () => {
    const fund = await givenFund();
    const application = await apply(fund);
    const assess = (assessorId: string, declaration: Parameters<typeof assessApplication>[1]["declaration"]) =>
      inTenant((tx) =>
        assessApplication(tx, { tenantId, applicationId: application.id, assessorId, declaration, now: NOW }),
      );
    const scores = { "Voor en door bewoners": 4, Haalbaarheid: 3 };

    await assess(assessors[0], { conflict: true, note: "Mijn buurvrouw" });
    expect(await refusal(assess(assessors[0], { conflict: false, scores, remarks: "" }))).toBe(
      "initiatives.fund-assessor-conflicted",
    );
    expect(await refusal(assess(assessors[1], { conflict: false, scores: { Haalbaarheid: 6 }, remarks: "" }))).toBe(
      "initiatives.fund-scores-invalid",
    );
    await assess(assessors[1], { conflict: false, scores, remarks: "Goed plan" });
    const { assessments } = await inTenant((tx) => getApplication(tx, { tenantId, applicationId: application.id }));
    // Both were assessed at the same instant: their order is the assessors' names', which the test does not fix.
    expect(assessments).toHaveLength(2);
    expect(assessments.map((a) => [a.conflict, a.scores])).toEqual(
      expect.arrayContaining([
        [true, null],
        [false, scores],
      ]),
    );
    const forged = await inTenant((tx) =>
      tx.update(schema.fundAssessments).set({ scores }).where(eq(schema.fundAssessments.assessorId, assessors[0])),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(postgresCode(forged)).toBe("23514");
  });
});

describe("decision and money", () => {
  it("grants up to the amount asked, pays 80 % in advance and the rest after the report", async () => {
    const fund = await givenFund();
    const application = await apply(fund);
    expect(await refusal(grant(application.id, 250_001))).toBe("initiatives.fund-grant-above-request");
    const granted = await grant(application.id, 200_000);
    // The activity is on 1 June; the report is due 8 weeks later, on Monday 27 July.
    expect(granted).toMatchObject({ status: "granted", grantedCents: 200_000, reportDueOn: "2026-07-27" });
    expect(await refusal(grant(application.id, 100_000))).toBe("initiatives.fund-not-in-assessment");

    // The final tranche is paid after the report, later than the advance: the ledger lists payments by date.
    const pay = (tranche: "advance" | "final") =>
      inTenant((tx) =>
        payTranche(tx, {
          tenantId,
          applicationId: application.id,
          tranche,
          actorPersonId: staff,
          now: tranche === "advance" ? NOW : later(101),
        }),
      );
    await pay("advance");
    expect(await refusal(pay("advance"))).toBe("initiatives.fund-tranche-paid");
    expect(await refusal(pay("final"))).toBe("initiatives.fund-report-not-received");
    await inTenant((tx) =>
      submitReport(tx, {
        tenantId,
        applicationId: application.id,
        applicantId: resident,
        text: "Het was mooi",
        files: [],
        now: later(100),
      }),
    );
    expect((await pay("final")).reportStatus).toBe("accepted");
    const detail = await inTenant((tx) => getApplication(tx, { tenantId, applicationId: application.id }));
    expect(detail.payments.map((p) => p.amountCents)).toEqual([160_000, 40_000]);
    expect(await inTenant((tx) => fundFigures(tx, fund, 2026))).toEqual({
      year: 2026,
      budget: 2_000_000,
      granted: 200_000,
      paid: 200_000,
      available: 1_800_000,
    });
  });

  it("refuses with reasons, and starts recovery when the report's term passes", async () => {
    const fund = await givenFund();
    const refused = await apply(fund);
    const decided = await inTenant((tx) =>
      decideApplication(tx, {
        ...step,
        tenantId,
        tenantSlug: "aldorp",
        actorPersonId: staff,
        applicationId: refused.id,
        decision: { outcome: "refused", reasons: "Past niet bij het doel van het fonds" },
      }),
    );
    expect(decided).toMatchObject({
      status: "refused",
      reasons: "Past niet bij het doel van het fonds",
      grantedCents: null,
    });

    const late = await apply(fund);
    await grant(late.id, 100_000);
    await inTenant((tx) =>
      payTranche(tx, { tenantId, applicationId: late.id, tranche: "advance", actorPersonId: staff, now: NOW }),
    );
    const payload = { tenantId, tenantSlug: "aldorp", applicationId: late.id, url: "https://example.org/a" };
    expect(await inTenant((tx) => startRecovery(tx, { ...payload, now: new Date("2026-07-27T20:00:00Z") }))).toBe(
      false,
    );
    expect(await inTenant((tx) => startRecovery(tx, { ...payload, now: new Date("2026-07-28T08:00:00Z") }))).toBe(true);
    expect(await inTenant((tx) => fundFigures(tx, fund, 2026))).toMatchObject({ paid: 80_000, available: 1_920_000 });
    expect(
      await refusal(
        inTenant((tx) =>
          submitReport(tx, { tenantId, applicationId: late.id, applicantId: resident, text: "x", files: [], now: NOW }),
        ),
      ),
    ).toBe("initiatives.fund-report-closed");
  });

  /** A grant of 1,000 with its 80 % advance paid, whose report never came: recovery claims the 800 paid. */
  const inRecovery = async (fund: Fund) => {
    const application = await apply(fund);
    await grant(application.id, 100_000);
    await inTenant((tx) =>
      payTranche(tx, { tenantId, applicationId: application.id, tranche: "advance", actorPersonId: staff, now: NOW }),
    );
    const payload = { tenantId, tenantSlug: "aldorp", applicationId: application.id, url: "https://example.org/a" };
    await inTenant((tx) => startRecovery(tx, { ...payload, now: new Date("2026-07-28T08:00:00Z") }));
    return application;
  };
  let bookings = 0;
  const book = (applicationId: string, booking: Parameters<typeof recordRecovery>[1]["booking"], key?: string) =>
    inTenant((tx) =>
      recordRecovery(tx, {
        tenantId,
        applicationId,
        booking,
        idempotencyKey: key ?? `booking-${++bookings}`,
        actorPersonId: staff,
        now: later(160),
      }),
    );

  it("books money recovered and amounts waived, so granted, paid and available stay right", async () => {
    const fund = await givenFund();
    const application = await inRecovery(fund);
    // The 200 still reserved went back at once; the 800 paid is claimed.
    expect(await inTenant((tx) => fundFigures(tx, fund, 2026))).toEqual({
      year: 2026,
      budget: 2_000_000,
      granted: 80_000,
      paid: 80_000,
      available: 1_920_000,
    });
    expect(
      (await inTenant((tx) => getApplication(tx, { tenantId, applicationId: application.id }))).application,
    ).toMatchObject({ reclaimCents: 80_000, recoveredCents: 0, waivedCents: 0 });

    expect(await refusal(book(application.id, { kind: "recovered", amountCents: 80_001 }))).toBe(
      "initiatives.fund-recovery-above-outstanding",
    );
    expect(await refusal(book(application.id, { kind: "waived", amountCents: 10_000, reasons: " " }))).toBe(
      "initiatives.fund-recovery-reasons-required",
    );
    await book(application.id, { kind: "recovered", amountCents: 50_000 }, "first-payment");
    // The same form sent twice books once.
    await book(application.id, { kind: "recovered", amountCents: 50_000 }, "first-payment");
    expect(await inTenant((tx) => fundFigures(tx, fund, 2026))).toEqual({
      year: 2026,
      budget: 2_000_000,
      granted: 30_000,
      paid: 30_000,
      available: 1_970_000,
    });
    await book(application.id, {
      kind: "waived",
      amountCents: 30_000,
      reasons: "De activiteit ging door; bonnen kwijt",
    });
    // A waived amount stays spent: granted and paid keep it, available does not get it back.
    expect(await inTenant((tx) => fundFigures(tx, fund, 2026))).toEqual({
      year: 2026,
      budget: 2_000_000,
      granted: 30_000,
      paid: 30_000,
      available: 1_970_000,
    });
    const detail = await inTenant((tx) => getApplication(tx, { tenantId, applicationId: application.id }));
    expect(detail.application).toMatchObject({ recoveredCents: 50_000, waivedCents: 30_000 });
    // Both were booked in the same millisecond, so their order on the page is not part of the claim here.
    expect(detail.recoveries.map((r) => [r.kind, r.amountCents]).sort()).toEqual([
      ["recovered", 50_000],
      ["waived", 30_000],
    ]);
    expect(await refusal(book(application.id, { kind: "recovered", amountCents: 1 }))).toBe(
      "initiatives.fund-recovery-above-outstanding",
    );
    // The database holds the line too: booked never exceeds what was claimed.
    const forged = await inTenant((tx) =>
      tx
        .update(schema.fundApplications)
        .set({ recoveredCents: 80_001 })
        .where(eq(schema.fundApplications.id, application.id)),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(postgresCode(forged)).toBe("23514");
    // Nothing to book on a grant that is not in recovery.
    const fine = await apply(fund);
    await grant(fine.id, 10_000);
    expect(await refusal(book(fine.id, { kind: "recovered", amountCents: 1_000 }))).toBe(
      "initiatives.fund-not-in-recovery",
    );
  });

  it("books two recoveries of the whole claim at once exactly once, and grants beside them never take the fund below zero", async () => {
    const fund = await givenFund({ yearlyBudgetCents: 200_000 });
    const claimed = await inRecovery(fund);
    const others = [await apply(fund), await apply(fund), await apply(fund)];
    // Available: 200,000 − 80,000 paid = 120,000. Three grants of 50,000 fit only with the 80,000 recovered.
    const results = await Promise.allSettled([
      book(claimed.id, { kind: "recovered", amountCents: 80_000 }),
      book(claimed.id, { kind: "recovered", amountCents: 80_000 }),
      ...others.map((o) => grant(o.id, 50_000)),
    ]);
    const [first, second] = results;
    expect([first!.status, second!.status].toSorted()).toEqual(["fulfilled", "rejected"]);
    const figures = await inTenant((tx) => fundFigures(tx, fund, 2026));
    expect(figures.available).toBeGreaterThanOrEqual(0);
    const grants = results.slice(2).filter((r) => r.status === "fulfilled").length;
    expect(figures).toEqual({
      year: 2026,
      budget: 200_000,
      granted: grants * 50_000,
      paid: 0,
      available: 200_000 - grants * 50_000,
    });
  });

  it("keeps one municipality's applications out of another's reach", async () => {
    const fund = await givenFund();
    const application = await apply(fund);
    expect(
      await refusal(
        inTenant((tx) => getApplication(tx, { tenantId: otherTenantId, applicationId: application.id }), otherTenantId),
      ),
    ).toBe("initiatives.fund-application-not-found");
  });

  it("sends the applicant the page of each application again when they ask for their links", async () => {
    const fund = await givenFund();
    const application = await apply(fund);
    const ask = (email: string, tenant = tenantId) =>
      inTenant(
        (tx) =>
          sendLinksAgain(tx, {
            tenantId: tenant,
            email,
            urls: { initiator: () => "x", lostLink: "x", staff: () => "x" },
            applicationUrl: (id) => `https://samenspel.test/aldorp/fondsen/aanvraag/${id}`,
            registerUrl: "https://samenspel.test/aldorp/uitdaagrecht",
            now: NOW,
          }),
        tenant,
      );
    expect(await ask("bewoner@example.org")).toBe(true);
    const [job] = await handle.db
      .select()
      .from(schema.jobs)
      .where(eq(schema.jobs.kind, "mail.send"))
      .then((jobs) => jobs.filter((j) => (j.payload as { template: string }).template === "initiator-links"));
    const links = (job!.payload as { params: { links: { kind: string; url: string }[] } }).params.links;
    expect(links).toContainEqual(
      expect.objectContaining({
        kind: "application",
        reference: application.reference,
        url: `https://samenspel.test/aldorp/fondsen/aanvraag/${application.id}`,
      }),
    );
    expect(await ask("bewoner@example.org", otherTenantId)).toBe(false);
  });

  it.runIf(process.env.DATABASE_URL)(
    "never takes the fund below zero on the PostgreSQL server: 12 grants of 1,000 against 4,500, 4 win",
    async () => {
      expect(handle.kind).toBe("server");
      const fund = await givenFund({ yearlyBudgetCents: 450_000 });
      const applications = [];
      for (let i = 0; i < 12; i++) applications.push(await apply(fund));
      const results = await Promise.allSettled(applications.map((a) => grant(a.id, 100_000)));
      const won = results.filter((r) => r.status === "fulfilled");
      expect(won).toHaveLength(4);
      for (const r of results)
        if (r.status === "rejected") expect((r.reason as DomainError).code).toBe("initiatives.fund-budget-exhausted");
      expect(await inTenant((tx) => fundFigures(tx, fund, 2026))).toMatchObject({
        granted: 400_000,
        available: 50_000,
      });
    },
  );
});

describe("small-count suppression on the fairness dashboard", () => {
  const row = (area: string, applications: number) => ({
    areaId: area,
    area,
    residents: 1000,
    suppressed: false,
    combined: null,
    applications,
    decided: applications,
    grants: applications,
    grantedCents: applications * 100_000,
    applicationsPer1000: null,
    grantsPer1000: null,
    grantedCentsPer1000: null,
    grantRate: null,
  });

  it("hides areas under 5, and one more when the hidden ones together stay under 5", () => {
    const out = suppressSmallCounts([row("Noord", 12), row("Oost", 6), row("Zuid", 2), row("West", 0)]);
    expect(out.map((r) => [r.area, r.suppressed, r.applications])).toEqual([
      ["Noord", false, 12],
      // Zuid alone (2) would be the fund's total minus the rest: Oost, the smallest shown, joins it.
      ["Oost", true, null],
      ["Zuid", true, null],
      ["West", false, 0],
      [null, false, 8],
    ]);
    expect(out.at(-1)!.combined).toEqual(["Oost", "Zuid"]);
    expect(suppressSmallCounts([row("Noord", 5), row("Oost", 7)]).every((r) => !r.suppressed)).toBe(true);
    const tiny = suppressSmallCounts([row("Noord", 1), row("Oost", 2)]);
    expect(tiny.every((r) => r.applications === null && r.grantedCents === null)).toBe(true);
  });
});
