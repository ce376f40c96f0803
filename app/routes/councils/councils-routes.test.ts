import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import { createCouncil, seatMember } from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { dutchDateOf } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as councilPage from "./public-council.tsx";
import * as councilsPage from "./public-councils.tsx";
import * as workspace from "./workspace.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
const cookies: Record<string, string> = {};
const today = dutchDateOf(new Date());
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  const kern = await givenKern(handle, a.id, "Aldeveen");
  const otherKern = await givenKern(handle, a.id, "Brinkhorst", 2);
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: email });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return {
      secretary: await person("secretaris@aldeveen.nl", a.id, "council-member"),
      formerChair: await person("oud-voorzitter@aldeveen.nl", a.id, "council-member"),
      otherCouncil: await person("lid@brinkhorst.nl", a.id, "council-member"),
      staffA: await person("staff@aldorp.nl", a.id, "municipal-coordinator"),
      staffB: await person("staff@beekstad.nl", b.id, "municipal-coordinator"),
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
  const now = new Date();
  await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const council = (slug: string, name: string, areaId: string) =>
      createCouncil(tx, {
        tenantId: a.id,
        slug,
        name,
        kind: "village-council",
        basis: "association",
        basisUrl: null,
        description: "Wij komen op voor het dorp.",
        memberSeats: 5,
        areaIds: [areaId],
        actorPersonId: null,
        now,
      });
    const aldeveen = await council("dorpsraad-aldeveen", "Dorpsraad Aldeveen", kern);
    const brinkhorst = await council("dorpsraad-brinkhorst", "Dorpsraad Brinkhorst", otherKern);
    const seat = (councilId: string, role: "chair" | "secretary" | "member", personId: string, name: string) =>
      seatMember(tx, {
        tenantId: a.id,
        councilId,
        role,
        name,
        personId,
        startsOn: `${year - 1}-01-01`,
        endsOn: null,
        actorPersonId: null,
        now,
      });
    await seatMember(tx, {
      tenantId: a.id,
      councilId: aldeveen.id,
      role: "chair",
      name: "Oud Voorzitter",
      personId: people.formerChair,
      startsOn: `${year - 4}-01-01`,
      endsOn: `${year - 2}-12-31`,
      actorPersonId: null,
      now,
    });
    await seat(aldeveen.id, "secretary", people.secretary, "Sanne Secretaris");
    await seat(brinkhorst.id, "member", people.otherCouncil, "Lars Lid");
  });
});
afterAll(() => handle.close());

const load = (module: { loader: (args: never) => unknown }, path: string, params: object, cookie = "") =>
  answerOf(
    async () =>
      await module.loader({ request: harness.get(path, cookie), context: harness.context(), params } as never),
  );

describe("the public council pages", () => {
  it("list the municipality's councils, and another municipality's are not there", async () => {
    const { body } = await load(councilsPage, "/aldorp/raden", { gemeente: "aldorp" });
    expect((body as unknown as { councils: { name: string }[] }).councils.map((c) => c.name)).toEqual([
      "Dorpsraad Aldeveen",
      "Dorpsraad Brinkhorst",
    ]);
    const other = await load(councilsPage, "/beekstad/raden", { gemeente: "beekstad" });
    expect((other.body as unknown as { councils: unknown[] }).councils).toEqual([]);
    expect((await load(councilsPage, "/bestaat-niet/raden", { gemeente: "bestaat-niet" })).status).toBe(404);
  });

  it("show today's members by name and role, and no e-mail address, account or ended term", async () => {
    const { body, status } = await load(councilPage, "/aldorp/raden/dorpsraad-aldeveen", {
      gemeente: "aldorp",
      raad: "dorpsraad-aldeveen",
    });
    expect(status).toBe(200);
    const council = (body as unknown as { council: { members: object[]; areas: { name: string }[] } }).council;
    expect(council.members).toEqual([{ id: expect.any(String), name: "Sanne Secretaris", role: "secretary" }]);
    expect(council.areas.map((a) => a.name)).toEqual(["Aldeveen"]);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/@|personId|Oud Voorzitter/);
    const unknown = await load(councilPage, "/aldorp/raden/x", { gemeente: "aldorp", raad: "x" });
    expect(unknown.status).toBe(404);
    const elsewhere = await load(councilPage, "/beekstad/raden/dorpsraad-aldeveen", {
      gemeente: "beekstad",
      raad: "dorpsraad-aldeveen",
    });
    expect(elsewhere.status).toBe(404);
  });
});

describe("the council's workspace", () => {
  const open = (cookie: string, gemeente = "aldorp", raad = "dorpsraad-aldeveen") =>
    load(workspace, `/${gemeente}/raad/${raad}`, { gemeente, raad }, cookie);

  it("opens for someone who holds a seat on the council today", async () => {
    const { status, body } = await open(cookies.secretary!);
    expect(status).toBe(200);
    expect(body).toMatchObject({ role: "secretary", council: { name: "Dorpsraad Aldeveen" } });
  });

  it("stays shut for a member of another council, a former member, staff and another municipality", async () => {
    expect((await open(cookies.otherCouncil!)).status).toBe(403);
    expect((await open(cookies.formerChair!)).status).toBe(403);
    expect((await open(cookies.staffA!)).status).toBe(403);
    expect((await open(cookies.staffB!)).status).toBe(403);
    expect((await open(cookies.secretary!, "beekstad")).status).toBe(404);
    expect((await open(cookies.secretary!, "aldorp", "bestaat-niet")).status).toBe(404);
    const anonymous = await open("");
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/inloggen\?terug=/);
  });
});
