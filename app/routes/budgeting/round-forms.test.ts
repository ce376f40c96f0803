import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { getRound, listPlans, listRounds } from "../../../src/domain/budgeting/index.ts";
import { findOrCreatePerson, grantRole } from "../../../src/domain/identity/index.ts";
import { givenRound } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as staffRound from "./staff-round.tsx";
import * as newRound from "./staff-round-new.tsx";
import * as submitPlan from "./submit-plan.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let aldorp: { id: string };
let beekstad: { id: string };
let WIJK: string;
let OTHER_WIJK: string;
let STRANGE_AREA: string;
const cookies: Record<string, string> = {};
const people: Record<string, string> = {};

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  [aldorp, beekstad] = await givenTwoMunicipalities(handle);
  WIJK = await givenKern(handle, aldorp.id, "Centrum", 1);
  OTHER_WIJK = await givenKern(handle, aldorp.id, "Noord", 2);
  STRANGE_AREA = await givenKern(handle, beekstad.id, "Elders", 1);
  await withPlatform(handle.db, async (tx) => {
    const person = async (name: string, email: string, grants: [string, "municipal-staff" | "resident"][]) => {
      const p = await findOrCreatePerson(tx, { email, displayName: name });
      for (const [tenantId, role] of grants) await grantRole(tx, { tenantId, personId: p.id, role });
      people[name] = p.id;
    };
    await person("staffA", "staf@aldorp.nl", [[aldorp.id, "municipal-staff"]]);
    await person("staffA2", "staf2@aldorp.nl", [[aldorp.id, "municipal-staff"]]);
    await person("staffB", "staf@beekstad.nl", [[beekstad.id, "municipal-staff"]]);
    await person("resident", "inwoner@aldorp.nl", []);
    await person("resident2", "inwoner2@aldorp.nl", []);
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
});
afterAll(() => handle?.close());

const key = () => `k${crypto.randomUUID().replaceAll("-", "")}`;

const goodRound = (over: Record<string, string> = {}) => ({
  key: key(),
  title: "Burgerbegroting Aldorp 2027",
  slug: "burgerbegroting-2027",
  body: "Wat wilt u in uw wijk?",
  "areas[0].area": WIJK,
  "areas[0].budget": "60.000",
  "areas[1].area": OTHER_WIJK,
  "areas[1].budget": "€ 40000",
  "areas[2].area": "",
  "areas[2].budget": "",
  "starts.plans": "2027-03-01",
  "starts.review": "2027-04-01",
  "starts.voting": "2027-05-01",
  "starts.counting": "2027-05-22",
  "starts.results": "",
  "starts.realisation": "",
  form: "approval",
  minPlans: "1",
  maxPlans: "3",
  minShare: "",
  points: "",
  maxPointsPerPlan: "",
  rankCount: "",
  rule: "equal-shares-add1",
  comparisonRule: "greedy",
  minAge: "12",
  residentsOnly: "on",
  identification: "postal-code",
  ...over,
});

const postRound = (slug: string, cookie: string, fields: Record<string, string>) =>
  answerOf(() =>
    newRound.action({
      request: harness.post(`/${slug}/beheer/burgerbegroting/nieuw`, cookie, fields),
      context: harness.context(),
      params: { gemeente: slug },
    } as never),
  );

const roundsOf = (tenantId: string) => withTenant(handle.db, { tenantId }, (tx) => listRounds(tx, { tenantId }));

describe("the new-round form", () => {
  it("shows the municipality's areas to its staff, and is closed to other municipalities' staff", async () => {
    const page = await answerOf(() =>
      newRound.loader({
        request: harness.get("/aldorp/beheer/burgerbegroting/nieuw", cookies.staffA!),
        context: harness.context(),
        params: { gemeente: "aldorp" },
      } as never),
    );
    expect((page.body as unknown as { areas: { name: string }[] }).areas.map((a) => a.name)).toEqual([
      "Gemeente",
      "Centrum",
      "Noord",
    ]);
    const stranger = await answerOf(() =>
      newRound.loader({
        request: harness.get("/aldorp/beheer/burgerbegroting/nieuw", cookies.staffB!),
        context: harness.context(),
        params: { gemeente: "aldorp" },
      } as never),
    );
    expect(stranger.status).toBe(403);
    expect((await postRound("aldorp", cookies.staffB!, goodRound())).status).toBe(403);
    expect((await postRound("aldorp", cookies.resident!, goodRound())).status).toBe(403);
    expect(await roundsOf(aldorp.id)).toEqual([]);
  });

  it.each([
    [
      "no area",
      { "areas[0].area": "", "areas[0].budget": "", "areas[1].area": "", "areas[1].budget": "" },
      "areas[0].area",
      "budgeting.error.noAreas",
    ],
    ["a budget with cents", { "areas[0].budget": "60.000,50" }, "areas[0].budget", "budgeting.error.wholeEuros"],
    ["an area without budget", { "areas[1].budget": "" }, "areas[1].budget", "budgeting.error.wholeEuros"],
    ["an area twice", { "areas[1].area": "WIJK" }, "areas[1].area", "budgeting.error.areaTwice"],
    ["a slug with spaces", { slug: "mijn ronde" }, "slug", "budgeting.error.slug"],
    ["approval without a minimum", { minPlans: "" }, "minPlans", "budgeting.error.settingRequired"],
    ["a maximum below the minimum", { minPlans: "3", maxPlans: "2" }, "maxPlans", "budgeting.error.maxPlans"],
    [
      "points over the total",
      { form: "cumulative", points: "10", maxPointsPerPlan: "11" },
      "maxPointsPerPlan",
      "budgeting.error.maxPoints",
    ],
    ["equal shares for a ranking", { form: "ranking", rankCount: "3" }, "rule", "budgeting.error.ruleNotForForm"],
    ["an unknown rule", { rule: "dictator" }, "rule", "form.choice"],
    ["a date that does not exist", { "starts.plans": "2027-02-30" }, "starts.plans", "form.date"],
    ["an age of 200", { minAge: "200" }, "minAge", "form.outOfRange"],
  ])("refuses %s with a message next to the field, and creates nothing", async (_name, over, field, message) => {
    const fields = Object.fromEntries(Object.entries(over).map(([k, v]) => [k, v === "WIJK" ? WIJK : v]));
    const answer = await postRound("aldorp", cookies.staffA!, goodRound(fields));
    expect(answer.status).toBe(400);
    expect(answer.errors?.[field]).toContain(message);
    expect(await roundsOf(aldorp.id)).toEqual([]);
  });

  it("refuses another municipality's area and dates out of order, and creates nothing", async () => {
    const strange = await postRound("aldorp", cookies.staffA!, goodRound({ "areas[1].area": STRANGE_AREA }));
    expect(strange.status).toBe(422);
    expect(strange.errors?.["areas[0].area"]).toContain("budgeting.error.areaNotFound");
    const backwards = await postRound("aldorp", cookies.staffA!, goodRound({ "starts.review": "2027-02-01" }));
    expect(backwards.status).toBe(422);
    expect(await roundsOf(aldorp.id)).toEqual([]);
  });

  it("creates the round with linked areas, dated phases, rules and eligibility; a second submit of the form changes nothing", async () => {
    const fields = goodRound();
    const first = await postRound("aldorp", cookies.staffA!, fields);
    expect(first.location).toBe("/aldorp/beheer/burgerbegroting/burgerbegroting-2027?melding=created");
    expect((await postRound("aldorp", cookies.staffA!, fields)).location).toBe(first.location);
    const round = await withTenant(handle.db, { tenantId: aldorp.id }, (tx) =>
      getRound(tx, { tenantId: aldorp.id, slug: "burgerbegroting-2027" }),
    );
    expect(round).toMatchObject({
      title: "Burgerbegroting Aldorp 2027",
      areas: [
        { areaId: WIJK, name: "Centrum", budgetEuros: 60_000 },
        { areaId: OTHER_WIJK, name: "Noord", budgetEuros: 40_000 },
      ],
      rules: { ballot: { form: "approval", minPlans: 1, maxPlans: 3 }, rule: "equal-shares-add1", minAge: 12 },
      eligibility: { residentsOnly: true, identification: "postal-code" },
      track: { phase: "preparation", nextDueAt: new Date("2027-02-28T23:00:00Z") },
    });
    expect(await roundsOf(aldorp.id)).toHaveLength(1);
  });

  it("gives one round when two staff members create rounds with the same short name at once", async () => {
    const answers = await Promise.all([
      postRound("aldorp", cookies.staffA!, goodRound({ slug: "tegelijk", title: "Eerste" })),
      postRound("aldorp", cookies.staffA2!, goodRound({ slug: "tegelijk", title: "Tweede" })),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    expect(answers.find((a) => a.status === 409)?.errors?.slug).toContain("budgeting.error.slugTaken");
    expect((await roundsOf(aldorp.id)).filter((r) => r.slug === "tegelijk")).toHaveLength(1);
  });
});

describe("the plan form", () => {
  let round: Awaited<ReturnType<typeof givenRound>>;
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

  beforeAll(async () => {
    round = await givenRound(handle.db, {
      tenantId: aldorp.id,
      personId: people.staffA!,
      areas: [
        { name: "Centrum", budgetEuros: 50_000 },
        { name: "Noord", budgetEuros: 30_000 },
      ],
      plans: [],
      until: "plans",
    });
  });

  const send = (cookie: string, fields: Record<string, string>, photo?: { bytes: Uint8Array; type: string }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    if (photo) form.set("photo", new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.type }), "foto.png");
    const request = new Request(`http://samenspel.test/aldorp/burgerbegroting/${round.slug}/plan-indienen`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: form,
    });
    return answerOf(() =>
      submitPlan.action({
        request,
        context: harness.context(),
        params: { gemeente: "aldorp", ronde: round.slug },
      } as never),
    );
  };
  const goodPlan = (over: Record<string, string> = {}) => ({
    key: key(),
    title: "Bankjes op het plein",
    description: "Vier bankjes in de schaduw.",
    area: round.areas[0]!.id,
    location: "Marktplein",
    estimatedCost: "12.500",
    photoAlt: "",
    website: "",
    ...over,
  });
  const plans = () =>
    withTenant(handle.db, { tenantId: aldorp.id }, (tx) =>
      listPlans(tx, { tenantId: aldorp.id, roundId: round.roundId, show: "all" }),
    );
  const uploads = async () =>
    (
      await withTenant(handle.db, { tenantId: aldorp.id }, (tx) =>
        tx.select({ n: count() }).from(schema.uploads).where(eq(schema.uploads.tenantId, aldorp.id)),
      )
    )[0]!.n;

  it("sends a visitor who is not signed in to the sign-in page first", async () => {
    const page = await answerOf(() =>
      submitPlan.loader({
        request: harness.get(`/aldorp/burgerbegroting/${round.slug}/plan-indienen`, ""),
        context: harness.context(),
        params: { gemeente: "aldorp", ronde: round.slug },
      } as never),
    );
    expect(page.location).toMatch(/^\/inloggen\?terug=/);
    expect((await send("", goodPlan())).location).toMatch(/^\/inloggen\?terug=/);
    expect(await plans()).toEqual([]);
  });

  it.each([
    ["no title", { title: "" }, undefined, "title", "form.required"],
    ["a cost in words", { estimatedCost: "veel" }, undefined, "estimatedCost", "budgeting.error.wholeEuros"],
    ["a cost of nothing", { estimatedCost: "0" }, undefined, "estimatedCost", "budgeting.error.wholeEuros"],
    ["an area of another round", { area: "STRANGE_AREA" }, undefined, "area", "budgeting.error.areaNotFound"],
    [
      "a photo without alt text",
      {},
      { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), type: "image/png" },
      "photoAlt",
      "budgeting.error.photoAlt",
    ],
    [
      "a photo that is a PDF",
      { photoAlt: "Een foto" },
      { bytes: new TextEncoder().encode("%PDF-1.7\n%%EOF\n"), type: "image/png" },
      "photo",
      "budgeting.error.photoType",
    ],
  ])("refuses %s with a message next to the field, and keeps nothing", async (_name, over, photo, field, message) => {
    const fields = Object.fromEntries(
      Object.entries(over).map(([k, v]) => [k, v === "STRANGE_AREA" ? STRANGE_AREA : v]),
    );
    const answer = await send(cookies.resident!, goodPlan(fields), photo);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.errors?.[field]).toContain(message);
    expect(await plans()).toEqual([]);
    expect(await uploads()).toBe(0);
  });

  it("keeps a plan with its photo and alt text, waiting for staff; a repeated submit keeps one", async () => {
    const fields = goodPlan({ photoAlt: "Het plein met lege hoeken" });
    const answer = await send(cookies.resident!, fields, { bytes: png, type: "image/png" });
    expect(answer.location).toBe(`/aldorp/burgerbegroting/${round.slug}?melding=plan`);
    await send(cookies.resident!, fields, { bytes: png, type: "image/png" });
    const [plan, ...others] = await plans();
    expect(others).toEqual([]);
    expect(plan).toMatchObject({
      title: "Bankjes op het plein",
      location: "Marktplein",
      estimatedCostEuros: 12_500,
      status: "submitted",
      photo: { altText: "Het plein met lege hoeken" },
    });
    const [stored] = await withTenant(handle.db, { tenantId: aldorp.id }, (tx) =>
      tx
        .select({ visibility: schema.uploads.visibility, type: schema.uploads.contentType })
        .from(schema.uploads)
        .where(and(eq(schema.uploads.tenantId, aldorp.id), eq(schema.uploads.id, plan!.photo!.id))),
    );
    expect(stored).toEqual({ visibility: "public", type: "image/png" });
  });

  it("numbers plans of two residents sent at once apart", async () => {
    const before = (await plans()).length;
    await Promise.all([
      send(cookies.resident!, goodPlan({ title: "Boom A" })),
      send(cookies.resident2!, goodPlan({ title: "Boom B", area: round.areas[1]!.id })),
    ]);
    const refs = (await plans()).map((p) => p.reference);
    expect(refs).toHaveLength(before + 2);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it("takes no plans once the round has moved on", async () => {
    await round.move("plans", "review");
    const answer = await send(cookies.resident!, goodPlan({ title: "Te laat" }));
    expect(answer.status).toBe(409);
    expect((await plans()).some((p) => p.title === "Te laat")).toBe(false);
  });
});

describe("paper ballots on the staff round page", () => {
  it("are for the municipality's own staff; a bad line and a third person change nothing", async () => {
    const round = await givenRound(handle.db, {
      tenantId: aldorp.id,
      personId: people.staffA!,
      plans: [
        { area: 0, title: "Bankjes", cost: 10_000 },
        { area: 0, title: "Bomen", cost: 20_000 },
      ],
    });
    const act = (cookie: string, fields: Record<string, string>, gemeente = "aldorp") =>
      answerOf(() =>
        staffRound.action({
          request: harness.post(`/${gemeente}/beheer/burgerbegroting/${round.slug}`, cookie, fields),
          context: harness.context(),
          params: { gemeente, ronde: round.slug },
        } as never),
      );
    const batches = async () =>
      withTenant(handle.db, { tenantId: aldorp.id }, (tx) =>
        tx.select().from(schema.pbPaperBatches).where(eq(schema.pbPaperBatches.roundId, round.roundId)),
      );
    const stranger = await act(cookies.staffB!, { intent: "paper-batch", area: round.areas[0]!.id, label: "Stapel" });
    expect(stranger.status).toBe(403);
    expect(await batches()).toEqual([]);
    const created = await act(cookies.staffA!, { intent: "paper-batch", area: round.areas[0]!.id, label: "Stapel 1" });
    expect(created.location).toBe(`/aldorp/beheer/burgerbegroting/${round.slug}?melding=paper-batch`);
    const [batch] = await batches();
    expect((await act(cookies.staffB!, { intent: "paper-entry", batch: batch!.id, ballots: "1" })).status).toBe(403);
    expect((await act(cookies.staffA!, { intent: "paper-entry", batch: "geen-id", ballots: "1" })).status).toBe(400);
    expect((await act(cookies.staffA!, { intent: "paper-entry", batch: randomUUID(), ballots: "1" })).status).toBe(404);
    const bad = await act(cookies.staffA!, { intent: "paper-entry", batch: batch!.id, ballots: "1\nzeven" });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: "budgeting.error.paperLine", params: { line: 2 } });
    await act(cookies.staffA!, { intent: "paper-entry", batch: batch!.id, ballots: "1\n2" });
    const differs = await act(cookies.staffA2!, { intent: "paper-entry", batch: batch!.id, ballots: "1\n1, 2" });
    expect(differs.location).toContain("melding=paper-entry");
    expect(await batches()).toMatchObject([{ status: "blocked", differences: [2] }]);
  });
});
