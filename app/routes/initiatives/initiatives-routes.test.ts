import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { submitChallenge, submitInitiative as submitDirectly } from "../../../src/domain/initiatives/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as challengesApi from "../api/challenges.ts";
import * as initiativesApi from "../api/initiatives.ts";
import * as challengeSubmit from "./challenge-submit.tsx";
import * as challengesPage from "./challenges.tsx";
import * as initiatorPage from "./initiator.tsx";
import * as lostLinkPage from "./lost-link.tsx";
import * as showcasePage from "./showcase.tsx";
import * as staffChallenge from "./staff-challenge.tsx";
import * as staffInitiative from "./staff-initiative.tsx";
import * as staffInitiatives from "./staff-initiatives.tsx";
import * as submitPage from "./submit.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let aldorpId: string;
let kern: string;
let otherKern: string;
const cookies: Record<string, string> = {};
const key = () => `k${crypto.randomUUID().replaceAll("-", "")}`;

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  aldorpId = a.id;
  kern = await givenKern(handle, a.id, "Aldeveen");
  otherKern = await givenKern(handle, b.id, "Beekhuizen");
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: email.split("@")[0]! });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return {
      staffA: await person("sanne@aldorp.nl", a.id, "municipal-staff"),
      councilA: await person("raad@aldorp.nl", a.id, "council-member"),
      staffB: await person("staf@beekstad.nl", b.id, "municipal-coordinator"),
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
  cookies.staffAId = people.staffA;
});
afterAll(() => handle.close());

const call = (
  module: { action?: unknown; loader?: unknown },
  kind: "action" | "loader",
  request: Request,
  params: object,
) =>
  answerOf(() => (module[kind] as (args: object) => Promise<unknown>)({ request, context: harness.context(), params }));
const submitInitiative = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return call(
    submitPage,
    "action",
    new Request("http://samenspel.test/aldorp/initiatieven/indienen", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    }),
    { gemeente: "aldorp" },
  );
};
const initiative = (overrides: Record<string, string | string[]> = {}) => ({
  key: key(),
  title: "Speeltuin opknappen",
  description: "De speeltuin aan de Esdoornlaan is oud. Wij willen hem samen opknappen.",
  area: kern,
  location: "Esdoornlaan 12",
  involved: "Marieke Jansen en de buren",
  support: ["money", "advice"],
  supportNote: "Ongeveer 3.000 euro",
  name: "Marieke Jansen",
  email: "marieke@example.nl",
  showcase: "on",
  ...overrides,
});
const rows = () => handle.db.select().from(schema.initiatives);
const publicJson = async (module: { loader?: unknown }, slug: string, resource: string) => {
  const { status, response } = await call(
    module,
    "loader",
    new Request(`http://samenspel.test/api/v1/municipalities/${slug}/${resource}`),
    { slug },
  );
  return { status, body: status === 200 ? await response!.json() : null };
};

describe("submitting an initiative", () => {
  it("stores it once, however often the form is sent, and answers with the reference", async () => {
    const fields = initiative();
    const first = await submitInitiative(fields);
    expect(first.location).toMatch(/^\/aldorp\/initiatieven\/indienen\?referentie=INI-\d{4}-0001$/);
    const again = await submitInitiative(fields);
    expect(again.location).toBe(first.location);
    expect(await rows()).toHaveLength(1);
  });

  it("refuses bad input with messages per field and stores nothing", async () => {
    const before = await rows();
    const empty = await submitInitiative({ key: key(), title: "", description: "", name: "", email: "geen-adres" });
    expect(empty.status).toBe(400);
    expect(empty.errors).toMatchObject({
      title: ["form.required"],
      support: ["initiatives.support.required"],
      email: ["form.email"],
    });
    const foreignArea = await submitInitiative(initiative({ area: otherKern }));
    expect(foreignArea.status).toBe(422);
    expect(foreignArea.errors).toMatchObject({ area: ["initiatives.error.area"] });
    const unknownSupport = await submitInitiative(initiative({ support: ["money", "helicopter"] }));
    expect(unknownSupport.status).toBe(400);
    const bot = await submitInitiative(initiative({ website: "http://spam.example" }));
    expect(bot.status).toBe(400);
    expect(await rows()).toEqual(before);
  });

  it("refuses text over the limit its field states with a field error, and stores nothing rather than cut it", async () => {
    const before = await rows();
    const tooLong = await submitInitiative(
      initiative({ title: "t".repeat(151), description: "regel\r\n".repeat(834), supportNote: "n".repeat(2001) }),
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.errors).toMatchObject({
      title: ["form.tooLong"],
      description: ["form.tooLong"],
      supportNote: ["form.tooLong"],
    });
    expect(tooLong.errors?.name).toBeFalsy();
    expect(await rows()).toEqual(before);
  });
});

describe("the initiator's link and the staff pages", () => {
  it("opens the initiative with a valid link only", async () => {
    const open = (token: string) =>
      call(initiatorPage, "loader", new Request(`http://samenspel.test/aldorp/initiatieven/mijn/${token}`), {
        gemeente: "aldorp",
        token,
      });
    expect((await open("verzonnen")).status).toBe(404);
    const mail = (await handle.db.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send")))[0]!.payload as {
      params: { url: string };
    };
    const token = mail.params.url.split("/mijn/")[1]!;
    const { status, body } = await open(token);
    expect(status).toBe(200);
    expect((body as { initiative: { title: string } }).initiative.title).toBe("Speeltuin opknappen");
    expect(
      (await call(initiatorPage, "loader", new Request("http://x/beekstad"), { gemeente: "beekstad", token })).status,
    ).toBe(404);
  });

  it("keeps the staff pages to the municipality's own staff", async () => {
    const [row] = await rows();
    const list = (cookie: string, slug = "aldorp") =>
      call(staffInitiatives, "loader", harness.get(`/${slug}/beheer/initiatieven`, cookie), { gemeente: slug });
    expect((await list(cookies.staffA!)).status).toBe(200);
    expect((await list(cookies.councilA!)).status).toBe(403);
    expect((await list(cookies.staffB!)).status).toBe(403);
    const detail = (cookie: string, id: string) =>
      call(staffInitiative, "loader", harness.get(`/aldorp/beheer/initiatieven/${id}`, cookie), {
        gemeente: "aldorp",
        initiativeId: id,
      });
    expect((await detail(cookies.staffB!, row!.id)).status).toBe(403);
    expect((await detail(cookies.staffA!, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const assign = await call(
      staffInitiative,
      "action",
      harness.post(`/aldorp/beheer/initiatieven/${row!.id}`, cookies.staffB!, { intent: "assign", contact: row!.id }),
      { gemeente: "aldorp", initiativeId: row!.id },
    );
    expect(assign.status).toBe(403);
    expect((await rows())[0]!.contactPersonId).toBeNull();
  });

  it("assigns, moves with a reason, and refuses a step the table does not allow with a message", async () => {
    const [row] = await rows();
    const act = (fields: Record<string, string>) =>
      call(staffInitiative, "action", harness.post(`/aldorp/beheer/initiatieven/${row!.id}`, cookies.staffA!, fields), {
        gemeente: "aldorp",
        initiativeId: row!.id,
      });
    const early = await act({ intent: "status", to: "supported", reason: "Mooi plan" });
    expect(early.status).toBe(409);
    expect((early.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual([
      "initiatives.error.stepNotAllowed",
    ]);
    expect((await act({ intent: "assign", contact: cookies.staffAId!, current: "" })).status).toBe(302);
    const stale = await act({ intent: "assign", contact: cookies.staffAId!, current: "" });
    expect(stale.status).toBe(409);
    expect((await act({ intent: "status", to: "in-progress", reason: "" })).status).toBe(400);
    expect((await act({ intent: "status", to: "in-progress", reason: "Wij bellen u" })).status).toBe(302);
    expect((await rows())[0]).toMatchObject({ status: "in-progress", statusReason: "Wij bellen u" });
  });

  it("refuses a bad term and keeps the old one", async () => {
    const save = (fields: Record<string, string>) =>
      call(staffInitiatives, "action", harness.post("/aldorp/beheer/initiatieven", cookies.staffA!, fields), {
        gemeente: "aldorp",
      });
    expect((await save({ intent: "settings", assignWorkingDays: "0", challengeDecisionWeeks: "8" })).status).toBe(400);
    expect((await save({ intent: "settings", assignWorkingDays: "vijf", challengeDecisionWeeks: "8" })).status).toBe(
      400,
    );
    expect(await handle.db.select().from(schema.initiativeSettings)).toMatchObject([{ assignWorkingDays: 5 }]);
    expect((await save({ intent: "settings", assignWorkingDays: "3", challengeDecisionWeeks: "6" })).status).toBe(302);
  });
});

describe("the uitdaagrecht", () => {
  const request = (fields: Record<string, string>) =>
    call(
      challengeSubmit,
      "action",
      new Request("http://samenspel.test/aldorp/uitdaagrecht/indienen", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      }),
      { gemeente: "aldorp" },
    );
  const fields = {
    task: "Beheer van het buurthuis",
    plan: "Wij beheren het buurthuis met twintig vrijwilligers.",
    budget: "12.500",
    neighbourhoodSupport: "Handtekeningen van 80 buren",
    area: "",
    requester: "organisation",
    organisation: "Stichting Buurthuis Aldeveen",
    name: "Henk Visser",
    email: "henk@example.nl",
  };

  it("refuses a request without an organisation name when an organisation asks, and stores nothing", async () => {
    const answer = await request({ ...fields, key: key(), organisation: "" });
    expect(answer.status).toBe(400);
    expect(answer.errors).toMatchObject({ organisation: ["initiatives.organisation.required"] });
    expect(await handle.db.select().from(schema.challenges)).toEqual([]);
  });

  it("takes a request to its decision and shows it in the register", async () => {
    expect((await request({ ...fields, key: key() })).status).toBe(302);
    const [challenge] = await handle.db.select().from(schema.challenges);
    expect(challenge).toMatchObject({ budgetCents: 1_250_000, organisation: "Stichting Buurthuis Aldeveen" });
    const post = (values: Record<string, string>, cookie = cookies.staffA!) =>
      call(staffChallenge, "action", harness.post(`/aldorp/beheer/uitdaagrecht/${challenge!.id}`, cookie, values), {
        gemeente: "aldorp",
        challengeId: challenge!.id,
      });
    const step = (values: Record<string, string>, cookie = cookies.staffA!) =>
      post({ intent: "step", ...values }, cookie);
    const extend = (reason: string, cookie = cookies.staffA!) => post({ intent: "extend", reason }, cookie);
    expect((await step({ step: "assess" }, cookies.staffB!)).status).toBe(403);
    expect((await extend("Meer tijd nodig", cookies.staffB!)).status).toBe(403);
    const noReason = await extend(" ");
    expect(noReason.status).toBe(400);
    expect(noReason.errors).toHaveProperty("reason");
    const [unchanged] = await handle.db.select().from(schema.challenges);
    expect(unchanged).toMatchObject({ decisionDueOn: challenge!.decisionDueOn, extendedAt: null });
    expect((await extend("Wij wachten op het advies van de dorpsraad.")).location).toBe(
      `/aldorp/beheer/uitdaagrecht/${challenge!.id}?melding=extend`,
    );
    const again = await extend("Nog langer");
    expect(again.status).toBe(409);
    expect(again.errors).toMatchObject({ "": ["initiatives.error.alreadyExtended"] });
    const shown = await call(
      staffChallenge,
      "loader",
      harness.get(`/aldorp/beheer/uitdaagrecht/${challenge!.id}`, cookies.staffA!),
      { gemeente: "aldorp", challengeId: challenge!.id },
    );
    expect(shown.body).toMatchObject({
      extensionWeeks: null,
      challenge: { extensionReason: "Wij wachten op het advies van de dorpsraad." },
    });
    expect((await step({ step: "honour", reason: "Goed" })).status).toBe(409);
    expect((await step({ step: "assess" })).status).toBe(302);
    expect((await step({ step: "refuse", reason: "" })).status).toBe(400);
    expect((await step({ step: "refuse", reason: "De gemeente houdt het beheer zelf." })).status).toBe(302);
    const page = await call(challengesPage, "loader", new Request("http://samenspel.test/aldorp/uitdaagrecht"), {
      gemeente: "aldorp",
    });
    expect((page.body as { items: { status: string }[] }).items[0]).toMatchObject({
      extended: true,
      status: "refused",
      decisionReason: "De gemeente houdt het beheer zelf.",
    });
  });
});

describe("the public showcase, register and API", () => {
  it("publish no personal data", async () => {
    await submitInitiative(initiative({ title: "Verborgen", showcase: [] }));
    const showcase = await call(showcasePage, "loader", new Request("http://samenspel.test/aldorp/initiatieven"), {
      gemeente: "aldorp",
    });
    const register = await call(challengesPage, "loader", new Request("http://samenspel.test/aldorp/uitdaagrecht"), {
      gemeente: "aldorp",
    });
    const api = await publicJson(initiativesApi, "aldorp", "initiatives");
    const challenges = await publicJson(challengesApi, "aldorp", "challenges");
    expect(api.status).toBe(200);
    expect(api.body.count).toBe(1);
    expect(challenges.body.count).toBe(1);
    const everything = JSON.stringify([showcase.body, register.body, api.body, challenges.body]);
    expect(everything).toContain("Speeltuin opknappen");
    expect(everything).not.toContain("Verborgen");
    for (const personal of ["Marieke", "marieke@example.nl", "Esdoornlaan 12", "Henk", "henk@example.nl", "sanne"]) {
      expect(everything).not.toContain(personal);
    }
  });

  it("keeps municipalities apart and answers 404 for an unknown one", async () => {
    expect((await publicJson(initiativesApi, "beekstad", "initiatives")).body).toEqual({ items: [], count: 0 });
    expect((await publicJson(challengesApi, "beekstad", "challenges")).body).toEqual({ items: [], count: 0 });
    expect((await publicJson(initiativesApi, "bestaat-niet", "initiatives")).status).toBe(404);
  });
});

describe("send my link again", () => {
  const address = "lisa.link@example.nl";
  const ask = (fields: Record<string, string>, { slug = "aldorp", ip = "198.51.100.7" } = {}) =>
    answerOf(() =>
      lostLinkPage.action({
        request: harness.post(`/${slug}/initiatieven/link-kwijt`, "", fields),
        context: harness.context(ip),
        params: { gemeente: slug },
      } as never),
    );
  const linkMails = async () =>
    (await handle.db.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send")))
      .map((job) => job.payload as { to: string; locale: string; template: string; params: Record<string, unknown> })
      .filter((mail) => mail.template === "initiator-links");
  const sameAnswer = "/aldorp/initiatieven/link-kwijt?melding=verstuurd";

  beforeAll(async () => {
    await withTenant(handle.db, { tenantId: aldorpId }, async (tx) => {
      const now = new Date();
      await submitChallenge(tx, {
        tenantId: aldorpId,
        task: "Het beheer van de volkstuinen",
        plan: "Wij beheren de tuinen met de tuinders.",
        budgetCents: 0,
        neighbourhoodSupport: "De tuindersvereniging",
        areaId: null,
        requester: "residents",
        organisation: null,
        contactName: "Lisa",
        contactEmail: address,
        locale: "nl",
        idempotencyKey: key(),
        registerUrl: "http://samenspel.test/aldorp/uitdaagrecht",
        now: new Date(now.getTime() - 60_000),
      });
      await submitDirectly(tx, {
        tenantId: aldorpId,
        title: "Buurtbieb",
        description: "Een kast met boeken op het plein.",
        areaId: null,
        location: "",
        involved: "",
        support: ["permit"],
        supportNote: "",
        initiatorName: "Lisa",
        initiatorEmail: address,
        locale: "en",
        showcase: false,
        submittedById: null,
        idempotencyKey: key(),
        urls: {
          initiator: (token) => `http://samenspel.test/aldorp/initiatieven/mijn/${token}`,
          lostLink: "http://samenspel.test/aldorp/initiatieven/link-kwijt",
          staff: (id) => `http://samenspel.test/aldorp/beheer/initiatieven/${id}`,
        },
        now,
      });
    });
  });

  it("refuses bad input with a message and queues nothing", async () => {
    const before = (await linkMails()).length;
    const bad = await ask({ email: "geen-adres" });
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({ email: ["form.email"] });
    expect((await ask({ email: "" })).errors).toMatchObject({ email: ["form.required"] });
    expect((await ask({ email: address, website: "http://spam.example" })).status).toBe(400);
    expect(await linkMails()).toHaveLength(before);
  });

  it("gives an unknown address the same answer and sends nothing, also in another municipality", async () => {
    const before = (await linkMails()).length;
    expect((await ask({ email: "onbekend@example.nl" })).location).toBe(sameAnswer);
    expect((await ask({ email: address }, { slug: "beekstad" })).location).toBe(
      "/beekstad/initiatieven/link-kwijt?melding=verstuurd",
    );
    expect(await linkMails()).toHaveLength(before);
  });

  it("mails a known address one mail with every link, in the initiator's language", async () => {
    const before = (await linkMails()).length;
    expect((await ask({ email: " Lisa.Link@Example.nl " })).location).toBe(sameAnswer);
    const sent = (await linkMails()).slice(before);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail).toMatchObject({ to: address, locale: "en" });
    const links = mail!.params.links as { kind: string; reference: string; title: string; url: string }[];
    expect(links.map(({ kind, title }) => [kind, title])).toEqual([
      ["initiative", "Buurtbieb"],
      ["challenge", "Het beheer van de volkstuinen"],
    ]);
    expect(links[1]!.url).toBe("http://samenspel.test/aldorp/uitdaagrecht");
    // The fresh link opens the initiative.
    const token = links[0]!.url.split("/mijn/")[1]!;
    const opened = await call(initiatorPage, "loader", harness.get(`/aldorp/initiatieven/mijn/${token}`, ""), {
      gemeente: "aldorp",
      token,
    });
    expect((opened.body as { initiative: { title: string } }).initiative.title).toBe("Buurtbieb");
  });

  it("stops after 5 requests an hour for one address and 30 for one visitor, with a message", async () => {
    const before = (await linkMails()).length;
    // The address asked twice above (in Beekstad and here); the limit counts it across municipalities and visitors.
    for (let visitor = 1; visitor <= 3; visitor++)
      expect((await ask({ email: address }, { ip: `203.0.113.${visitor}` })).location).toBe(sameAnswer);
    const tooOften = await ask({ email: address }, { ip: "203.0.113.99" });
    expect(tooOften.status).toBe(429);
    expect(tooOften.errors).toMatchObject({ "": ["initiatives.lostLink.rateLimited"] });
    expect(await linkMails()).toHaveLength(before + 3);

    for (let n = 1; n <= 30; n++)
      expect((await ask({ email: `bezoeker-${n}@example.nl` }, { ip: "198.51.100.200" })).location).toBe(sameAnswer);
    expect((await ask({ email: "nog-een@example.nl" }, { ip: "198.51.100.200" })).status).toBe(429);
  });
});
