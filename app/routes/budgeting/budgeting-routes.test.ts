import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform } from "../../../src/db/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { givenMunicipality } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as round from "./round.tsx";
import * as staffRound from "./staff-round.tsx";

let handle: DatabaseHandle;
let town: Awaited<ReturnType<typeof givenMunicipality>>;

beforeAll(async () => {
  handle = await freshDatabase();
  town = await givenMunicipality(handle.db, "dijkstad");
  await withPlatform(handle.db, (tx) =>
    grantRole(tx, { personId: town.personId, tenantId: town.tenantId, role: "municipal-staff" }),
  );
});
afterAll(() => handle?.close());

describe("budgeting pages", () => {
  it("answer 404 for a round that does not exist, to staff and to the public", async () => {
    const { context, signIn, get } = routeHarness(handle);
    const cookie = await signIn(town.personId);
    const params = { gemeente: "dijkstad", ronde: "bestaat-niet" };
    const staff = await answerOf(() =>
      staffRound.loader({
        request: get("/dijkstad/beheer/burgerbegroting/bestaat-niet", cookie),
        context: context(),
        params,
      } as never),
    );
    expect(staff.status).toBe(404);
    const page = await answerOf(() =>
      round.loader({ request: get("/dijkstad/burgerbegroting/bestaat-niet", ""), context: context(), params } as never),
    );
    expect(page.status).toBe(404);
  });
});
