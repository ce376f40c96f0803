import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withTenant } from "../../../src/db/index.ts";
import { followPlan, followRound } from "../../../src/domain/budgeting/index.ts";
import { givenMunicipality, givenPublishedRound, givenRound } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as confirm from "./confirm.tsx";

let handle: DatabaseHandle;
let town: Awaited<ReturnType<typeof givenMunicipality>>;

beforeAll(async () => {
  handle = await freshDatabase();
  town = await givenMunicipality(handle.db, "dijkstad");
});
afterAll(() => handle?.close());

/** The secret of the confirmation link the follow request mails, as the mail would carry it. */
async function requested(follow: (linkFor: (token: string) => string) => Promise<void>): Promise<string> {
  let secret = "";
  await follow((token) => {
    secret = token;
    return `http://samenspel.test/dijkstad/volgen/bevestigen/${token}`;
  });
  return secret;
}

const confirmWith = (token: string) => {
  const { context } = routeHarness(handle);
  return answerOf(() =>
    confirm.action({
      request: new Request(`http://samenspel.test/dijkstad/volgen/bevestigen/${token}`, { method: "POST" }),
      context: context(),
      params: { gemeente: "dijkstad", token },
    } as never),
  );
};

describe("confirming a follow", () => {
  it("leads back to the followed plan on its round's realisation page", async () => {
    const round = await givenPublishedRound(handle.db, {
      ...town,
      plans: [{ area: 0, title: "Speeltuin", cost: 60_000 }],
      ballots: [[0]],
    });
    const planId = round.plans[0]!.id;
    const token = await requested((linkFor) =>
      withTenant(handle.db, town, (tx) =>
        followPlan(tx, {
          tenantId: town.tenantId,
          roundSlug: round.slug,
          planId,
          email: "anna@example.org",
          locale: "nl",
          linkFor,
          now: new Date(),
        }),
      ),
    );
    expect((await confirmWith(token)).body).toEqual({
      back: `/dijkstad/burgerbegroting/${round.slug}/uitvoering#uitvoering-${planId}`,
    });
    expect(await confirmWith("made-up")).toMatchObject({ status: 404, body: { invalid: true } });
  });

  it("leads back to the followed round's page", async () => {
    const round = await givenRound(handle.db, { ...town, until: "review" });
    const token = await requested((linkFor) =>
      withTenant(handle.db, town, (tx) =>
        followRound(tx, {
          tenantId: town.tenantId,
          roundSlug: round.slug,
          email: "bert@example.org",
          locale: "nl",
          linkFor,
          now: new Date(),
        }),
      ),
    );
    expect((await confirmWith(token)).body).toEqual({ back: `/dijkstad/burgerbegroting/${round.slug}` });
  });
});
