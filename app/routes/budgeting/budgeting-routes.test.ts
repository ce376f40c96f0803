import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import { listCodeBatches, revealCodeBatch } from "../../../src/domain/budgeting/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { givenMunicipality, givenRound } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as round from "./round.tsx";
import * as staffRound from "./staff-round.tsx";
import * as vote from "./vote.tsx";

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

describe("a round's forms", () => {
  it("refuse bad input on the staff page and the ballot with a message, and change nothing", async () => {
    const { context, signIn, post, config } = routeHarness(handle);
    const cookie = await signIn(town.personId);
    const { slug, roundId, areas, plans } = await givenRound(handle.db, {
      ...town,
      plans: [
        { area: 0, title: "Bankjes", cost: 10_000 },
        { area: 0, title: "Bomen", cost: 20_000 },
      ],
    });
    const params = { gemeente: "dijkstad", ronde: slug };
    const staff = (fields: Record<string, string>) =>
      answerOf(() =>
        staffRound.action({
          request: post(`/dijkstad/beheer/burgerbegroting/${slug}`, cookie, fields),
          context: context(),
          params,
        } as never),
      );
    const ballot = (fields: Record<string, string | string[]>) =>
      answerOf(() =>
        vote.action({
          request: post(`/dijkstad/burgerbegroting/${slug}/stemmen`, "", fields),
          context: context(),
          params,
        } as never),
      );
    const batches = () =>
      withTenant(handle.db, town, (tx) => listCodeBatches(tx, { tenantId: town.tenantId, roundId }));

    expect((await staff({ intent: "iets-anders" })).status).toBe(400);
    expect(await staff({ intent: "move", from: "voting", to: "nergens" })).toMatchObject({
      status: 400,
      body: { error: "form.choice" },
    });
    expect(await staff({ intent: "codes", area: areas[0]!.id, size: "veel" })).toMatchObject({
      status: 400,
      body: { error: "budgeting.error.wholeNumber" },
    });
    expect(await batches()).toEqual([]);
    expect((await staff({ intent: "codes", area: areas[0]!.id, size: "2" })).location).toContain("melding=codes");
    const [batch] = await batches();
    const { codes } = await withTenant(handle.db, town, (tx) =>
      revealCodeBatch(tx, {
        tenantId: town.tenantId,
        roundId,
        batchId: batch!.id,
        key: config.votingCodeKey,
        actorPersonId: town.personId,
      }),
    );

    expect(await ballot({ intent: "vote", secret: codes[0]!, plan: ["geen-plan"] })).toMatchObject({
      status: 400,
      body: { error: "form.choice" },
    });
    expect(await ballot({ intent: "vote", secret: "" })).toMatchObject({
      status: 400,
      body: { error: "form.required" },
    });
    // The code was not used up by the refusals: it still casts the ballot, with both plans ticked.
    const cast = await ballot({ intent: "vote", secret: codes[0]!, plan: plans.map((plan) => plan.id) });
    expect(cast).toMatchObject({ status: 200, body: { step: "done" } });
    const receipt = (cast.body as unknown as { receipt: string }).receipt;
    expect(await ballot({ intent: "receipt", secret: receipt })).toMatchObject({
      body: { step: "ballot", mode: "change", chosen: { planIds: expect.arrayContaining(plans.map((p) => p.id)) } },
    });
  });
});
