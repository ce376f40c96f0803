import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { listDaysOff } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as daysOffPage from "./staff-days-off.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let tenantA: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  tenantA = a.id;
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: email });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return {
      staffA: await person("medewerker@aldorp.nl", a.id, "municipal-staff"),
      councilA: await person("raad@aldorp.nl", a.id, "council-member"),
      staffB: await person("medewerker@beekstad.nl", b.id, "municipal-coordinator"),
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
});
afterAll(() => handle.close());

const params = { gemeente: "aldorp" };
const path = "/aldorp/beheer/vrije-dagen";
const send = (cookie: string, fields: Record<string, string>) =>
  answerOf(() =>
    daysOffPage.action({ request: harness.post(path, cookie, fields), context: harness.context(), params } as never),
  );
const show = (cookie: string, gemeente = "aldorp") =>
  answerOf(() =>
    daysOffPage.loader({
      request: harness.get(`/${gemeente}/beheer/vrije-dagen`, cookie),
      context: harness.context(),
      params: { gemeente },
    } as never),
  );
const ownDays = async () =>
  (await withTenant(handle.db, { tenantId: tenantA }, (tx) => listDaysOff(tx, { tenantId: tenantA }))).filter(
    (day) => day.source === "municipality",
  );

describe("the days-off page", () => {
  it("adds a day, refuses one that is off already or no date with a message, and removes it", async () => {
    expect((await send(cookies.staffA!, { intent: "add", on: "2026-11-03", reason: "Verhuizing" })).location).toBe(
      `${path}?melding=add`,
    );
    const again = await send(cookies.staffA!, { intent: "add", on: "2026-11-03", reason: "Nog eens" });
    expect(again.status).toBe(409);
    expect(again.errors).toMatchObject({ on: ["terms.error.alreadyDayOff"] });
    const noDate = await send(cookies.staffA!, { intent: "add", on: "2026-02-30", reason: "x" });
    expect(noDate.status).toBe(400);
    expect(noDate.errors).toMatchObject({ on: ["form.date"] });
    expect(await ownDays()).toEqual([{ on: "2026-11-03", reason: "Verhuizing", source: "municipality" }]);
    expect((await send(cookies.staffA!, { intent: "remove", on: "2026-11-03" })).location).toBe(
      `${path}?melding=remove`,
    );
    expect((await send(cookies.staffA!, { intent: "remove", on: "2026-11-03" })).status).toBe(404);
    expect((await send(cookies.staffA!, { intent: "elsewhere" })).status).toBe(400);
    expect(await ownDays()).toEqual([]);
  });

  it("is for the municipality's own staff only", async () => {
    expect((await show(cookies.staffA!)).status).toBe(200);
    for (const cookie of [cookies.councilA!, cookies.staffB!]) {
      expect((await show(cookie)).status).toBe(403);
      expect((await send(cookie, { intent: "add", on: "2026-11-10", reason: "Indringer" })).status).toBe(403);
    }
    expect((await show(cookies.staffB!, "beekstad")).status).toBe(200);
    expect(await ownDays()).toEqual([]);
  });
});
