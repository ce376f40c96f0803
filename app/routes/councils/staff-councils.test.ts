import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { getCouncil, listCouncils } from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { dutchDateOf } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as councilPage from "./staff-council.tsx";
import * as listPage from "./staff-councils.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let tenantA: string;
let kern: string;
let otherKern: string;
const cookies: Record<string, string> = {};
const today = dutchDateOf(new Date());

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  tenantA = a.id;
  kern = await givenKern(handle, a.id, "Aldeveen");
  otherKern = await givenKern(handle, a.id, "Brinkhorst", 2);
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: email });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return {
      staffA: await person("medewerker@aldorp.nl", a.id, "municipal-staff"),
      councilMember: await person("lid@aldorp.nl", a.id, "council-member"),
      staffB: await person("medewerker@beekstad.nl", b.id, "municipal-coordinator"),
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
});
afterAll(() => handle.close());

/** A form post; repeated fields (the areas) as pairs. */
const post = (
  module: { action: (args: never) => Promise<unknown> },
  path: string,
  fields: string[][],
  params: object,
) =>
  answerOf(() =>
    module.action({
      request: new Request(`http://samenspel.test${path}`, {
        method: "POST",
        headers: { Cookie: cookies.staffA!, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields),
      }),
      context: harness.context(),
      params,
    } as never),
  );
const inA = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(handle.db, { tenantId: tenantA }, work);
const council = () => inA((tx) => getCouncil(tx, { tenantId: tenantA, slug: "dorpsraad-aldeveen", today }));
const auditActions = () =>
  handle.db
    .select({ action: schema.auditLog.action })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.tenantId, tenantA))
    .orderBy(desc(schema.auditLog.id));

const create = (fields: Record<string, string>, areas = [kern]) =>
  post(
    listPage,
    "/aldorp/beheer/raden",
    [
      ...Object.entries({
        intent: "create",
        slug: "dorpsraad-aldeveen",
        name: "Dorpsraad Aldeveen",
        kind: "village-council",
        basis: "association",
        basisUrl: "",
        description: "Wij komen op voor het dorp.",
        memberSeats: "3",
        ...fields,
      }),
      ...areas.map((area) => ["areas", area]),
    ],
    { gemeente: "aldorp" },
  );

const params = { gemeente: "aldorp", raad: "dorpsraad-aldeveen" };
const onCouncil = (fields: Record<string, string>) =>
  post(councilPage, "/aldorp/beheer/raden/dorpsraad-aldeveen", Object.entries(fields), params);

describe("staff manage councils", () => {
  it("refuses a council without an area, with a bad address or an ordinance without its link, and makes none", async () => {
    const noArea = await create({}, []);
    expect(noArea.status).toBe(400);
    expect(noArea.errors).toMatchObject({ areas: ["councils.error.noArea"] });
    const badSlug = await create({ slug: "Dorpsraad Aldeveen!" });
    expect(badSlug.errors).toMatchObject({ slug: ["councils.error.slug"] });
    const noLink = await create({ basis: "ordinance" });
    expect(noLink.errors).toMatchObject({ basisUrl: ["councils.error.ordinanceLink"] });
    expect(await inA((tx) => listCouncils(tx, { tenantId: tenantA }))).toEqual([]);
  });

  it("creates a council for two areas, and refuses a second with the same address", async () => {
    const made = await create({}, [kern, otherKern]);
    expect(made.location).toBe("/aldorp/beheer/raden/dorpsraad-aldeveen?melding=created");
    expect((await council())?.areas.map((a) => a.name)).toEqual(["Aldeveen", "Brinkhorst"]);
    const again = await create({ name: "Nog een" });
    expect(again.status).toBe(409);
    expect(again.errors).toMatchObject({ slug: ["councils.error.slugTaken"] });
    expect((await auditActions())[0]).toEqual({ action: "councils.create" });
  });

  it("changes the council: an ordinance committee with its link, one area", async () => {
    const changed = await onCouncil({
      intent: "update",
      name: "Gebiedscommissie Aldeveen",
      kind: "area-committee",
      basis: "ordinance",
      basisUrl: "https://lokaleregelgeving.overheid.nl/CVDR1",
      description: "",
      memberSeats: "2",
      areas: kern,
    });
    expect(changed.location).toBe("/aldorp/beheer/raden/dorpsraad-aldeveen?melding=update");
    expect(await council()).toMatchObject({
      name: "Gebiedscommissie Aldeveen",
      kind: "area-committee",
      basis: "ordinance",
      basisUrl: "https://lokaleregelgeving.overheid.nl/CVDR1",
      memberSeats: 2,
      areas: [{ name: "Aldeveen" }],
    });
    expect((await auditActions())[0]).toEqual({ action: "councils.update" });
  });

  it("seats a secretary by e-mail, refuses a second one at the same time with a clear message, and ends a term", async () => {
    const seat = (name: string, email = "", startsOn = "2025-01-01") =>
      onCouncil({ intent: "seat", role: "secretary", name, email, startsOn, endsOn: "" });
    expect((await seat("Sanne Secretaris", "Secretaris@Aldeveen.nl")).location).toMatch(/melding=seat$/);
    const taken = await seat("Tweede Secretaris");
    expect(taken.status).toBe(409);
    expect(taken.errors).toMatchObject({ role: ["councils.error.seatTaken"] });
    const members = (await council())!.members;
    expect(members).toMatchObject([{ name: "Sanne Secretaris", role: "secretary", state: "current" }]);
    const [person] = await handle.db
      .select({ email: schema.people.email })
      .from(schema.people)
      .where(eq(schema.people.id, members[0]!.personId!));
    expect(person?.email).toBe("secretaris@aldeveen.nl");
    expect((await auditActions())[0]).toEqual({ action: "councils.seat" });

    const badDate = await onCouncil({ intent: "end", member: members[0]!.id, lastDayOn: "2025-02-30" });
    expect(badDate.status).toBe(400);
    expect(badDate.body).toMatchObject({ formId: `end-${members[0]!.id}` });
    const ended = await onCouncil({ intent: "end", member: members[0]!.id, lastDayOn: "2025-12-31" });
    expect(ended.location).toMatch(/melding=end$/);
    expect((await council())!.members[0]).toMatchObject({ endsOn: "2025-12-31", state: "ended" });
    expect((await seat("Opvolger", "", "2026-01-01")).location).toMatch(/melding=seat$/);
  });

  it("refuses fewer member seats while a member sits on a seat that would go", async () => {
    const seated = await onCouncil({ intent: "seat", role: "member", name: "Een", startsOn: "2025-01-01" });
    expect(seated.location).toMatch(/melding=seat$/);
    await onCouncil({ intent: "seat", role: "member", name: "Twee", startsOn: "2025-01-01" });
    const fewer = await onCouncil({
      intent: "update",
      name: "Gebiedscommissie Aldeveen",
      kind: "area-committee",
      basis: "ordinance",
      basisUrl: "https://lokaleregelgeving.overheid.nl/CVDR1",
      memberSeats: "1",
      areas: kern,
    });
    expect(fewer.status).toBe(409);
    expect(fewer.errors).toMatchObject({ memberSeats: ["councils.error.seatsInUse"] });
    expect((await council())!.memberSeats).toBe(2);
  });

  it("keeps the pages to the municipality's own staff", async () => {
    const load = (module: { loader: (args: never) => Promise<unknown> }, path: string, cookie: string, p: object) =>
      answerOf(() =>
        module.loader({ request: harness.get(path, cookie), context: harness.context(), params: p } as never),
      );
    expect((await load(listPage, "/aldorp/beheer/raden", cookies.staffA!, { gemeente: "aldorp" })).status).toBe(200);
    for (const cookie of [cookies.staffB!, cookies.councilMember!]) {
      expect((await load(listPage, "/aldorp/beheer/raden", cookie, { gemeente: "aldorp" })).status).toBe(403);
      expect((await load(councilPage, "/aldorp/beheer/raden/dorpsraad-aldeveen", cookie, params)).status).toBe(403);
    }
    const elsewhere = await load(councilPage, "/beekstad/beheer/raden/dorpsraad-aldeveen", cookies.staffA!, {
      gemeente: "beekstad",
      raad: "dorpsraad-aldeveen",
    });
    expect(elsewhere.status).toBe(403);
    const unknown = await load(councilPage, "/aldorp/beheer/raden/x", cookies.staffA!, { ...params, raad: "x" });
    expect(unknown.status).toBe(404);
  });
});
