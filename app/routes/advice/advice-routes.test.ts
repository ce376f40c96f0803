import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import {
  createCouncil,
  giveAdvice,
  listAdvice,
  requestAdvice,
  seatMember,
} from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { dutchTime } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as adviceApi from "../api/advice.ts";
import * as daysOffPage from "../terms/staff-days-off.tsx";
import * as councilPage from "./council-advice.tsx";
import * as registerPage from "./public-register.tsx";
import * as csvRoute from "./register-csv.ts";
import * as listPage from "./staff-advice.tsx";
import * as itemPage from "./staff-advice-item.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let tenantA: string;
let councilId: string;
let answeredId: string;
const cookies: Record<string, string> = {};
const SECRETARY = "Sietske Secretaris";
const STAFF_NAME = "Maarten Medewerker";

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  tenantA = a.id;
  const kern = await givenKern(handle, a.id, "Aldeveen");
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, displayName: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return {
      staffA: await person("medewerker@aldorp.nl", STAFF_NAME, a.id, "municipal-staff"),
      secretary: await person("secretaris@dorpsraad.nl", SECRETARY, a.id, "council-member"),
      member: await person("lid@dorpsraad.nl", "Lieke Lid", a.id, "council-member"),
      staffB: await person("medewerker@beekstad.nl", "Bea Beekstad", b.id, "municipal-coordinator"),
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
  const now = dutchTime("2026-03-02", "10:00");
  await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const council = await createCouncil(tx, {
      tenantId: a.id,
      slug: "dorpsraad-aldeveen",
      name: "Dorpsraad Aldeveen",
      kind: "village-council",
      basis: "association",
      basisUrl: null,
      description: "",
      memberSeats: 5,
      areaIds: [kern],
      actorPersonId: null,
      now,
    });
    councilId = council.id;
    const seat = (role: "secretary" | "member", name: string, personId: string) =>
      seatMember(tx, {
        tenantId: a.id,
        councilId,
        role,
        name,
        personId,
        startsOn: "2025-01-01",
        endsOn: null,
        actorPersonId: null,
        now,
      });
    await seat("secretary", SECRETARY, people.secretary);
    await seat("member", "Lieke Lid", people.member);
    const asked = await requestAdvice(tx, {
      tenantId: a.id,
      councilId,
      subject: "Dorpsplein",
      question: "Wat vindt u van het ontwerp?",
      actorPersonId: people.staffA,
      now,
    });
    answeredId = asked.id;
    await giveAdvice(tx, {
      tenantId: a.id,
      councilId,
      answer: { requestId: asked.id },
      adviceText: "Meer groen.",
      actorPersonId: people.secretary,
      now: dutchTime("2026-03-20", "10:00"),
    });
  });
});
afterAll(() => handle.close());

type Params = Record<string, string>;
type Loader = { loader: (args: never) => Promise<unknown> };
type Action = { action: (args: never) => Promise<unknown> };
const load = (module: Loader, path: string, cookie: string, params: Params) =>
  answerOf(() => module.loader({ request: harness.get(path, cookie), context: harness.context(), params } as never));
const act = (module: Action, path: string, cookie: string, fields: Params, params: Params) =>
  answerOf(() =>
    module.action({ request: harness.post(path, cookie, fields), context: harness.context(), params } as never),
  );
const key = () => `k${crypto.randomUUID().replaceAll("-", "")}`;
const adviceOfA = () => withTenant(handle.db, { tenantId: tenantA }, (tx) => listAdvice(tx, { tenantId: tenantA }));

describe("staff ask for advice and respond", () => {
  const params = { gemeente: "aldorp" };
  it("refuses a request without a subject or with an unknown council, and changes nothing", async () => {
    const before = (await adviceOfA()).length;
    const noSubject = await act(
      listPage,
      "/aldorp/beheer/advies",
      cookies.staffA!,
      { intent: "request", key: key(), council: councilId, subject: "", question: "Vraag" },
      params,
    );
    expect(noSubject.status).toBe(400);
    expect(noSubject.errors).toMatchObject({ subject: ["form.required"] });
    const unknown = await act(
      listPage,
      "/aldorp/beheer/advies",
      cookies.staffA!,
      { intent: "request", key: key(), council: crypto.randomUUID(), subject: "X", question: "Vraag" },
      params,
    );
    expect(unknown.status).toBe(404);
    expect((await adviceOfA()).length).toBe(before);
  });

  it("asks the council and shows the deadline on the advice's page", async () => {
    const asked = await act(
      listPage,
      "/aldorp/beheer/advies",
      cookies.staffA!,
      {
        intent: "request",
        key: key(),
        council: councilId,
        subject: "Speeltuin",
        question: "Waar moet de speeltuin komen?",
      },
      params,
    );
    expect(asked.status).toBe(302);
    const id = asked.location!.split("/").at(-1)!.split("?")[0]!;
    const page = await load(itemPage, `/aldorp/beheer/advies/${id}`, cookies.staffA!, { ...params, adviceId: id });
    expect((page.body as unknown as { advice: { adviceDueOn: string; status: string } }).advice).toMatchObject({
      status: "requested",
    });
    expect((page.body as unknown as { advice: { adviceDueOn: string } }).advice.adviceDueOn).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });

  it("records one response, refuses a second and bad input with clear messages", async () => {
    const path = `/aldorp/beheer/advies/${answeredId}`;
    const p = { ...params, adviceId: answeredId };
    const bad = await act(itemPage, path, cookies.staffA!, { intent: "respond", outcome: "misschien", reasons: "" }, p);
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({ outcome: ["advice.error.outcomeRequired"], reasons: ["form.required"] });
    const first = await act(
      itemPage,
      path,
      cookies.staffA!,
      { intent: "respond", outcome: "not-adopted", reasons: "Geen geld." },
      p,
    );
    expect(first.location).toBe(`${path}?melding=responded`);
    const second = await act(
      itemPage,
      path,
      cookies.staffA!,
      { intent: "respond", outcome: "adopted", reasons: "Toch wel." },
      p,
    );
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ result: { error: { "": ["advice.error.alreadyAnswered"] } } });
    expect((await adviceOfA()).find((row) => row.id === answeredId)).toMatchObject({
      outcome: "not-adopted",
      reasons: "Geen geld.",
    });
  });

  it("keeps every staff page to the municipality's own staff", async () => {
    const id = answeredId;
    for (const cookie of [cookies.staffB!, cookies.secretary!]) {
      expect((await load(listPage, "/aldorp/beheer/advies", cookie, params)).status).toBe(403);
      expect((await load(itemPage, `/aldorp/beheer/advies/${id}`, cookie, { ...params, adviceId: id })).status).toBe(
        403,
      );
      expect((await load(daysOffPage, "/aldorp/beheer/vrije-dagen", cookie, params)).status).toBe(403);
      const respond = await act(
        itemPage,
        `/aldorp/beheer/advies/${id}`,
        cookie,
        { intent: "respond", outcome: "adopted", reasons: "x" },
        { ...params, adviceId: id },
      );
      expect(respond.status).toBe(403);
    }
    // Beekstad's staff, in Beekstad, do not find Aldorp's advice.
    const elsewhere = await load(itemPage, `/beekstad/beheer/advies/${id}`, cookies.staffB!, {
      gemeente: "beekstad",
      adviceId: id,
    });
    expect(elsewhere.status).toBe(404);
    expect(
      (await load(itemPage, "/aldorp/beheer/advies/geen-id", cookies.staffA!, { ...params, adviceId: "geen-id" }))
        .status,
    ).toBe(404);
  });
});

describe("the council gives advice in its workspace", () => {
  const params = { gemeente: "aldorp", raad: "dorpsraad-aldeveen" };
  const path = "/aldorp/raad/dorpsraad-aldeveen/advies";
  it("lets the secretary give unsolicited advice, and refuses an ordinary member and outsiders", async () => {
    const fields = { intent: "offer", key: key(), subject: "Bankjes", advice: "Zet meer bankjes neer." };
    const given = await act(councilPage, path, cookies.secretary!, fields, params);
    expect(given.location).toBe(`${path}?melding=given`);
    const byMember = await act(councilPage, path, cookies.member!, { ...fields, key: key() }, params);
    expect(byMember.status).toBe(403);
    expect(byMember.body).toMatchObject({ result: { error: { "": ["advice.error.secretaryOnly"] } } });
    expect((await act(councilPage, path, cookies.staffA!, { ...fields, key: key() }, params)).status).toBe(403);
    expect((await load(councilPage, path, cookies.staffB!, params)).status).toBe(403);
    expect(
      (
        await load(councilPage, "/beekstad/raad/dorpsraad-aldeveen/advies", cookies.secretary!, {
          ...params,
          gemeente: "beekstad",
        })
      ).status,
    ).toBe(404);
    expect((await adviceOfA()).filter((row) => row.subject === "Bankjes")).toHaveLength(1);
  });
});

describe("the public register and the API", () => {
  const personal = [SECRETARY, STAFF_NAME, "Lieke Lid", "medewerker@aldorp.nl", "secretaris@dorpsraad.nl"];
  const noPersonalData = (text: string) => {
    for (const word of personal) expect(text).not.toContain(word);
  };

  it("gives each advice with its dates, deadlines, response and late, and no person", async () => {
    const { status, response } = await answerOf(() =>
      adviceApi.loader({
        request: new Request("http://samenspel.test/api/v1/municipalities/aldorp/advice"),
        context: harness.context(),
        params: { slug: "aldorp" },
      } as never),
    );
    expect(status).toBe(200);
    const body = (await response!.json()) as { count: number; items: Record<string, unknown>[] };
    const answered = body.items.find((item) => item.id === answeredId)!;
    expect(answered).toMatchObject({
      council: "Dorpsraad Aldeveen",
      kind: "solicited",
      status: "responded",
      requestedOn: "2026-03-02",
      adviceTerm: { length: 6, unit: "weeks" },
      adviceDueOn: "2026-04-13",
      advisedOn: "2026-03-20",
      responseDueOn: "2026-04-17",
      response: { outcome: "not-adopted", reasons: "Geen geld." },
      adviceLate: false,
      overdue: false,
      late: true,
    });
    noPersonalData(JSON.stringify(body));
    const empty = await answerOf(() =>
      adviceApi.loader({
        request: new Request("http://samenspel.test/api/v1/municipalities/beekstad/advice"),
        context: harness.context(),
        params: { slug: "beekstad" },
      } as never),
    );
    expect(await empty.response!.json()).toEqual({ count: 0, items: [] });
    const bad = await answerOf(() =>
      adviceApi.loader({
        request: new Request("http://samenspel.test/api/v1/municipalities/aldorp/advice?year=26"),
        context: harness.context(),
        params: { slug: "aldorp" },
      } as never),
    );
    expect(bad.status).toBe(400);
  });

  it("shows the register and its tallies per council and year, and exports it, without personal data", async () => {
    const page = await load(registerPage, "/aldorp/advies", "", { gemeente: "aldorp" });
    const register = page.body as unknown as {
      tallies: { councilName: string; year: number; respondedLate: number }[];
    };
    // The tests above ask for advice through the staff page, on today's date; the row of their year is not this
    // test's business (with the clock a year ahead it is a row of its own).
    expect(register.tallies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ councilName: "Dorpsraad Aldeveen", year: 2026, respondedLate: 1 }),
      ]),
    );
    noPersonalData(JSON.stringify(page.body));
    const { response } = await load(csvRoute, "/aldorp/advies/export.csv", "", { gemeente: "aldorp" });
    const bytes = new Uint8Array(await response!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, ...rows] = parse(text, { delimiter: ";" }) as string[][];
    expect(header?.slice(0, 3)).toEqual(["Nummer", "Raad", "Jaar"]);
    expect(rows.find((row) => row[0] === answeredId)?.slice(11, 13)).toEqual(["Niet overgenomen", "Te laat"]);
    noPersonalData(text);
  });
});
