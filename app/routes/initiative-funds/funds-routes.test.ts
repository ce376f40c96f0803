import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import {
  applyToFund,
  createFund,
  decideApplication,
  type Fund,
  type FundRules,
  payTranche,
} from "../../../src/domain/initiatives/index.ts";
import { addDays, dutchDateOf } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as fundsApi from "../api/funds.ts";

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
    const application = await applyToFund(tx, {
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
      idempotencyKey: "route-test-1",
      url: (id) => `http://samenspel.test/aldorp/fondsen/aanvraag/${id}`,
      now,
    });
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
