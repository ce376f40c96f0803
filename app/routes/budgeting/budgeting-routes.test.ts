import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import {
  createCodeBatch,
  listCodeBatches,
  listRealisation,
  revealCodeBatch,
} from "../../../src/domain/budgeting/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { givenMunicipality, givenPublishedRound, givenRound } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { readPdf } from "../../../tests/support/pdf.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as letters from "./code-batch-letters.ts";
import * as realisation from "./realisation.tsx";
import * as round from "./round.tsx";
import * as staffRealisation from "./staff-realisation.tsx";
import * as staffRound from "./staff-round.tsx";
import * as vote from "./vote.tsx";
import * as voted from "./voted.tsx";

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
    const { context, signIn, post, get, config } = routeHarness(handle);
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
        format: "csv",
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
    // The code was not used up by the refusals: it still casts the ballot, with both plans ticked. The answer is a
    // 303 to the receipt page with the change code sealed in a cookie, never readable in it.
    const cast = await ballot({ intent: "vote", secret: codes[0]!, plan: plans.map((plan) => plan.id) });
    expect(cast).toMatchObject({ status: 303, location: `/dijkstad/burgerbegroting/${slug}/gestemd` });
    const sealed = (cast as { response: Response }).response.headers.get("Set-Cookie")!;
    expect(sealed).toMatch(/^samenspel-stembewijs=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=600$/);
    const receiptPage = (cookie: string) =>
      voted.loader({
        request: get(`/dijkstad/burgerbegroting/${slug}/gestemd`, cookie),
        context: context(),
        params,
      } as never) as unknown as Promise<{ data: { shown: { kind: string; receipt?: string } }; init: ResponseInit }>;
    const shown = await receiptPage(sealed.split(";")[0]!);
    expect(shown.data.shown.kind).toBe("cast");
    const receipt = shown.data.shown.receipt!;
    expect(receipt).toMatch(/^[A-Z0-9]{8,}$/);
    expect(decodeURIComponent(sealed)).not.toContain(receipt);
    // Shown once: the page clears the cookie, and without it (or with a forged one) there is no code to show.
    expect(new Headers(shown.init.headers).get("Set-Cookie")).toContain("samenspel-stembewijs=; Path=/");
    expect((await receiptPage("")).data.shown.kind).toBe("gone");
    const pair = sealed.split(";")[0]!;
    // A character in the middle (its authentication tag): the last one may carry only padding bits.
    const forged = `${pair.slice(0, 40)}${pair[40] === "A" ? "B" : "A"}${pair.slice(41)}`;
    expect((await receiptPage(forged)).data.shown.kind).toBe("gone");
    expect(await ballot({ intent: "receipt", secret: receipt })).toMatchObject({
      body: { step: "ballot", mode: "change", chosen: { planIds: expect.arrayContaining(plans.map((p) => p.id)) } },
    });
    // A change goes the same way, and its page says the ballot was changed.
    const change = await ballot({ intent: "change", secret: receipt, plan: [plans[0]!.id] });
    expect(change).toMatchObject({ status: 303, location: `/dijkstad/burgerbegroting/${slug}/gestemd` });
    const changed = (change as { response: Response }).response.headers.get("Set-Cookie")!.split(";")[0]!;
    expect((await receiptPage(changed)).data.shown).toEqual({ kind: "changed" });
  });
});

describe("the postal voting letters", () => {
  it("print one A4 per code with the round, the area, how to vote, the code and the address, and are audited", async () => {
    const { context, signIn, get, post, config } = routeHarness(handle);
    const cookie = await signIn(town.personId);
    const { slug, roundId, areas } = await givenRound(handle.db, {
      ...town,
      areas: [{ name: "Oost", budgetEuros: 50_000 }],
    });
    const params = { gemeente: "dijkstad", ronde: slug };
    await answerOf(() =>
      staffRound.action({
        request: post(`/dijkstad/beheer/burgerbegroting/${slug}`, cookie, {
          intent: "codes",
          area: areas[0]!.id,
          size: "3",
        }),
        context: context(),
        params,
      } as never),
    );
    const [batch] = await withTenant(handle.db, town, (tx) =>
      listCodeBatches(tx, { tenantId: town.tenantId, roundId }),
    );
    const url = `/dijkstad/beheer/burgerbegroting/${slug}/codes/${batch!.id}/brieven.pdf`;
    const response = (await letters.loader({
      request: get(url, cookie),
      context: context(),
      params: { ...params, batch: batch!.id },
    } as never)) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.pages).toBe(3);
    expect(pdf.title).toBe("Stembrieven Burgerbegroting – Oost");

    const { codes } = await withTenant(handle.db, town, (tx) =>
      revealCodeBatch(tx, {
        tenantId: town.tenantId,
        roundId,
        batchId: batch!.id,
        key: config.votingCodeKey,
        actorPersonId: town.personId,
        format: "csv",
      }),
    );
    const voteUrl = `${config.publicUrl}/dijkstad/burgerbegroting/${slug}/stemmen`;
    pdf.text.forEach((page, i) => {
      const text = page.replace(/\s+/g, " ");
      expect(text).toContain("Uw stemcode voor Burgerbegroting");
      expect(text).toContain("Oost");
      expect(text).toContain("Zo stemt u");
      expect(text).toContain(codes[i]!);
      expect(text).toContain(voteUrl);
      // Every letter carries its own code and no other.
      for (const other of codes.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });

    const downloads = await withPlatform(handle.db, (tx) =>
      tx
        .select({ details: schema.auditLog.details, actor: schema.auditLog.actorPersonId })
        .from(schema.auditLog)
        .where(
          and(eq(schema.auditLog.tenantId, town.tenantId), eq(schema.auditLog.action, "budgeting.codes.download")),
        ),
    );
    const ofBatch = downloads.filter((d) => (d.details as { batchId: string }).batchId === batch!.id);
    expect(ofBatch).toHaveLength(2);
    expect(ofBatch).toEqual(
      expect.arrayContaining([
        { details: { batchId: batch!.id, format: "pdf", size: 3, letters: "1-3" }, actor: town.personId },
        { details: { batchId: batch!.id, format: "csv", size: 3 }, actor: town.personId },
      ]),
    );

    // Another batch id, or somebody without the staff right: no letters.
    const missing = await answerOf(() =>
      letters.loader({
        request: get(url, cookie),
        context: context(),
        params: { ...params, batch: "00000000-0000-4000-8000-000000000000" },
      } as never),
    );
    expect(missing.status).toBe(404);
    for (const deel of ["2", "nul", "0"]) {
      const beyond = await answerOf(() =>
        letters.loader({
          request: get(`${url}?deel=${deel}`, cookie),
          context: context(),
          params: { ...params, batch: batch!.id },
        } as never),
      );
      expect(beyond.status).toBe(404);
    }
  });

  it("come in files of a thousand for a large batch, each part its own codes", async () => {
    const { config } = routeHarness(handle);
    const { roundId, areas } = await givenRound(handle.db, town);
    const { batchId } = await withTenant(handle.db, town, (tx) =>
      createCodeBatch(tx, {
        tenantId: town.tenantId,
        roundId,
        roundAreaId: areas[0]!.id,
        size: 1001,
        key: config.votingCodeKey,
        actorPersonId: town.personId,
        now: new Date(),
      }),
    );
    const reveal = (part?: number) =>
      withTenant(handle.db, town, (tx) =>
        revealCodeBatch(tx, {
          tenantId: town.tenantId,
          roundId,
          batchId,
          key: config.votingCodeKey,
          actorPersonId: town.personId,
          format: part ? "pdf" : "csv",
          part,
        }),
      );
    const [batch] = await withTenant(handle.db, town, (tx) =>
      listCodeBatches(tx, { tenantId: town.tenantId, roundId }),
    );
    expect(batch).toMatchObject({ size: 1001, letterFiles: 2 });
    const all = await reveal();
    const first = await reveal(1);
    const second = await reveal(2);
    expect(first).toMatchObject({ first: 0, size: 1001 });
    expect(second).toMatchObject({ first: 1000, codes: [all.codes[1000]] });
    expect([...first.codes, ...second.codes]).toEqual(all.codes);
    await expect(reveal(3)).rejects.toMatchObject({ code: "budgeting.round-not-found" });
  });
});

describe("the realisation pages", () => {
  it("refuse a bad update with a Dutch message and change nothing, and show a good one publicly", async () => {
    const { context, signIn, get } = routeHarness(handle);
    const cookie = await signIn(town.personId);
    const round = await givenPublishedRound(handle.db, {
      ...town,
      plans: [
        { area: 0, title: "Speeltuin", cost: 60_000 },
        { area: 0, title: "Bomen", cost: 50_000 },
      ],
      ballots: [[0], [0], [1]],
    });
    const params = { gemeente: "dijkstad", ronde: round.slug };
    const [speeltuin, bomen] = round.plans;
    const today = new Date().toISOString().slice(0, 10);
    const send = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      return answerOf(() =>
        staffRealisation.action({
          request: new Request(`http://samenspel.test/dijkstad/beheer/burgerbegroting/${round.slug}/uitvoering`, {
            method: "POST",
            headers: { Cookie: cookie },
            body: form,
          }),
          context: context(),
          params,
        } as never),
      );
    };
    const good = (over: Record<string, string> = {}) => ({
      key: randomUUID(),
      plan: speeltuin!.id,
      status: "in-progress",
      happenedOn: today,
      body: "De aannemer is begonnen met graven.",
      photoAlt: "",
      ...over,
    });
    const fieldErrors = (answer: Awaited<ReturnType<typeof send>>) => ("errors" in answer ? answer.errors : {});
    const updates = () =>
      withTenant(handle.db, town, (tx) => listRealisation(tx, { tenantId: town.tenantId, roundId: round.roundId }));

    expect(fieldErrors(await send(good({ body: "  " })))).toMatchObject({ body: ["form.required"] });
    expect(fieldErrors(await send(good({ happenedOn: "2099-01-01" })))).toMatchObject({
      happenedOn: ["form.date.near"],
    });
    expect(fieldErrors(await send(good({ status: "klaar" })))).toMatchObject({ status: ["form.choice"] });
    const notFunded = await send(good({ plan: bomen!.id }));
    expect(notFunded.status).toBe(409);
    expect(fieldErrors(notFunded)).toMatchObject({ plan: ["budgeting.error.planNotFunded"] });
    expect((await updates()).flatMap((p) => p.updates)).toEqual([]);

    expect((await send(good())).location).toContain("melding=update");
    const page = await answerOf(() =>
      realisation.loader({
        request: get(`/dijkstad/burgerbegroting/${round.slug}/uitvoering`, ""),
        context: context(),
        params,
      } as never),
    );
    expect(page.body).toMatchObject({
      plans: [
        { title: "Speeltuin", status: "in-progress", updates: [{ body: "De aannemer is begonnen met graven." }] },
      ],
    });
  });
});

describe("following a round", () => {
  it("refuses a bad address or an unknown round with a message and stores nothing, and takes a good one", async () => {
    const { context, post } = routeHarness(handle);
    const { slug } = await givenRound(handle.db, { ...town, until: "review" });
    const follow = (ronde: string, fields: Record<string, string>) =>
      answerOf(() =>
        round.action({
          request: post(`/dijkstad/burgerbegroting/${ronde}`, "", { intent: "follow", ...fields }),
          context: context(),
          params: { gemeente: "dijkstad", ronde },
        } as never),
      );
    const stored = () =>
      withPlatform(handle.db, async (tx) => ({
        follows: await tx.select().from(schema.follows).where(eq(schema.follows.tenantId, town.tenantId)),
        jobs: await tx.$count(schema.jobs),
      }));
    const before = await stored();

    const badAddress = await follow(slug, { email: "geen-adres" });
    expect(badAddress).toMatchObject({ status: 400, errors: { email: ["form.email"] } });
    const unknown = await follow("bestaat-niet", { email: "anna@example.org" });
    expect(unknown.status).toBe(404);
    expect(await stored()).toEqual(before);

    expect((await follow(slug, { email: "anna@example.org" })).location).toBe(
      `/dijkstad/burgerbegroting/${slug}?melding=follow#volgen`,
    );
    expect((await stored()).follows.map((f) => [f.email, f.topic, f.confirmedAt])).toEqual([
      ["anna@example.org", expect.stringMatching(/^pb-round:/), null],
    ]);
  });
});
