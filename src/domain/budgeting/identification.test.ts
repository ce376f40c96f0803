import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenMunicipality, givenRound, MARCH } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import type { IdentificationMethod } from "./index.ts";
import {
  castBallot,
  changeBallot,
  changeIdentification,
  findBallotByReceipt,
  issueOidcPass,
  openVotingPass,
  requestVotingLink,
} from "./index.ts";

/**
 * Issue 11 item 3: the two identification methods besides postal codes. A pass (mailed, or issued after DigiD)
 * opens one ballot; the register keys the voter by a keyed hash of the address or `sub`; nothing else is stored.
 */
const KEY = "test-voting-code-key-of-at-least-32-chars";
const ISSUER = "https://broker.example.org";
let handle: DatabaseHandle;
let town: Awaited<ReturnType<typeof givenMunicipality>>;

beforeAll(async () => {
  handle = await freshDatabase();
  town = await givenMunicipality(handle.db, "eenhoorn");
});
afterAll(() => handle?.close());

async function roundBy(identification: IdentificationMethod, until?: "review") {
  const round = await givenRound(handle.db, {
    ...town,
    eligibility: { residentsOnly: true, identification },
    areas: [
      { name: "Noord", budgetEuros: 100_000 },
      { name: "Zuid", budgetEuros: 50_000 },
    ],
    plans: [
      { area: 0, title: "Speeltuin", cost: 60_000 },
      { area: 0, title: "Bankjes", cost: 30_000 },
      { area: 1, title: "Bomen", cost: 40_000 },
    ],
    until,
  });
  const { tenantId } = town;
  const inTown = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(handle.db, { tenantId }, work);
  const cast = (pass: string, planIds: string[], area = round.areas[0]!.id, now = MARCH(6, 15)) =>
    inTown((tx) =>
      castBallot(tx, {
        tenantId,
        roundSlug: round.slug,
        pass,
        roundAreaId: area,
        choices: planIds.map((planId) => ({ planId })),
        key: KEY,
        now,
      }),
    );
  const open = (pass: string, now = MARCH(6, 15)) =>
    inTown((tx) => openVotingPass(tx, { tenantId, roundId: round.roundId, pass, now }));
  const passes = () =>
    handle.db.select().from(schema.pbVotingPasses).where(eq(schema.pbVotingPasses.roundId, round.roundId));
  const register = () =>
    handle.db.select().from(schema.pbVoterRegister).where(eq(schema.pbVoterRegister.roundId, round.roundId));
  const ballots = () => handle.db.select().from(schema.pbBallots).where(eq(schema.pbBallots.roundId, round.roundId));
  return { ...round, cast, open, passes, register, ballots, inTown };
}

/** The links mailed for a round, newest last, read from the mail jobs the way the queue will send them. */
async function mailedPasses(roundSlug: string, to: string): Promise<string[]> {
  const jobs = await handle.db.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"));
  return jobs
    .map((job) => job.payload as { to: string; template: string; params: { url: string } })
    .filter((mail) => mail.template === "pb-voting-link" && mail.to === to && mail.params.url.includes(roundSlug))
    .map((mail) => new URL(mail.params.url).searchParams.get("pas")!);
}

function requestLink(round: { slug: string }, email: string, now = MARCH(6, 14)) {
  const { tenantId } = town;
  return withTenant(handle.db, { tenantId }, (tx) =>
    requestVotingLink(tx, {
      tenantId,
      roundSlug: round.slug,
      email,
      key: KEY,
      ballotUrl: (pass) => `https://samenspel.example/eenhoorn/burgerbegroting/${round.slug}/stemmen?pas=${pass}`,
      locale: "nl",
      now,
    }),
  );
}

/** A pass after DigiD lasts half an hour: these are issued shortly before the casts at 15:00. */
const FIVE_BEFORE_CAST = new Date(MARCH(6, 15).getTime() - 5 * 60_000);

function oidcPass(round: { slug: string }, subject: string, issuer = ISSUER) {
  const { tenantId } = town;
  return withTenant(handle.db, { tenantId }, (tx) =>
    issueOidcPass(tx, { tenantId, roundSlug: round.slug, issuer, subject, key: KEY, now: FIVE_BEFORE_CAST }),
  );
}

describe("voting by e-mail", () => {
  it("mails a single-use link; the register keeps a keyed hash of the address, the ballot nothing of it", async () => {
    const round = await roundBy("email");
    const [speeltuin, bankjes] = round.plans;
    await requestLink(round, "  Anna.de.Vries@Example.ORG ");
    const [pass] = await mailedPasses(round.slug, "anna.de.vries@example.org");
    expect(pass).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = await round.passes();
    expect(stored!.tokenHash).toBe(createHash("sha256").update(pass!).digest("hex"));
    await expect(round.open(pass!)).resolves.toMatchObject({ voterKey: stored!.voterKey });

    const { receipt } = await round.cast(pass!, [speeltuin!.id, bankjes!.id]);
    expect(receipt).toHaveLength(12);
    expect(await round.passes()).toHaveLength(0);
    const [entry] = await round.register();
    expect(entry!.votedOn).toBe("2026-03-06");
    expect(entry!.voterKey).toMatch(/^email:[0-9a-f]{64}$/);
    // Hashing a list of addresses without the key finds no one.
    const plain = createHash("sha256").update("anna.de.vries@example.org").digest("hex");
    expect(entry!.voterKey).not.toContain(plain);
    expect(JSON.stringify(await round.register())).not.toContain("anna");
    const [ballot] = await round.ballots();
    expect(ballot).toMatchObject({ castOn: "2026-03-06", source: "online", roundAreaId: round.areas[0]!.id });
    expect(JSON.stringify(ballot)).not.toContain(entry!.voterKey.slice(6));

    // The used link is worthless; a new link for the same address (written differently) opens nothing new.
    await expect(round.open(pass!)).rejects.toMatchObject({ code: "budgeting.pass-invalid" });
    await expect(round.cast(pass!, [bankjes!.id])).rejects.toMatchObject({ code: "budgeting.pass-invalid" });
    await requestLink(round, "ANNA.DE.VRIES@example.org");
    const [, again] = await mailedPasses(round.slug, "anna.de.vries@example.org");
    await expect(round.open(again!)).rejects.toMatchObject({ code: "budgeting.already-voted" });
    await expect(round.cast(again!, [bankjes!.id])).rejects.toMatchObject({ code: "budgeting.already-voted" });
    expect(await round.ballots()).toHaveLength(1);

    // The receipt changes the ballot as it does for a code; the register does not change.
    const { tenantId } = town;
    await round.inTown((tx) =>
      changeBallot(tx, {
        tenantId,
        roundSlug: round.slug,
        receipt,
        choices: [{ planId: bankjes!.id }],
        key: KEY,
        now: MARCH(7),
      }),
    );
    const changed = await round.inTown((tx) =>
      findBallotByReceipt(tx, { tenantId, roundId: round.roundId, receipt, key: KEY }),
    );
    expect(changed.planIds).toEqual([bankjes!.id]);
    expect(await round.register()).toEqual([entry]);
  });

  it("refuses what is not an address, a round of another method, and a closed round, storing nothing", async () => {
    const round = await roundBy("email");
    const byCode = await roundBy("postal-code");
    const early = await roundBy("email", "review");
    // Counted once the rounds are there: opening voting queues the round's news for its followers (ADR 0011).
    const jobsBefore = (await handle.db.select().from(schema.jobs)).length;
    for (const bad of ["", "anna", "anna@", "@example.org", "anna @example.org", `${"a".repeat(250)}@example.org`]) {
      await expect(requestLink(round, bad)).rejects.toMatchObject({ code: "budgeting.email-invalid" });
    }
    await expect(requestLink(byCode, "anna@example.org")).rejects.toMatchObject({
      code: "budgeting.wrong-identification",
    });
    await expect(requestLink(early, "anna@example.org")).rejects.toMatchObject({ code: "budgeting.voting-closed" });
    for (const refused of [round, byCode, early]) expect(await refused.passes()).toHaveLength(0);
    expect((await handle.db.select().from(schema.jobs)).length).toBe(jobsBefore);
  });

  it("refuses an expired link, a wrong area, a bad ballot and a voting code, and stores no vote", async () => {
    const round = await roundBy("email");
    const [speeltuin, , bomen] = round.plans;
    await requestLink(round, "bert@example.org", MARCH(5, 9));
    const [pass] = await mailedPasses(round.slug, "bert@example.org");
    await expect(round.open(pass!, MARCH(6, 10))).rejects.toMatchObject({ code: "budgeting.pass-invalid" });
    await expect(round.cast(pass!, [speeltuin!.id], round.areas[0]!.id, MARCH(6, 10))).rejects.toMatchObject({
      code: "budgeting.pass-invalid",
    });
    await requestLink(round, "bert@example.org");
    const [, fresh] = await mailedPasses(round.slug, "bert@example.org");
    const otherRound = await roundBy("email");
    await expect(round.cast(fresh!, [speeltuin!.id], otherRound.areas[0]!.id)).rejects.toMatchObject({
      code: "budgeting.area-not-found",
    });
    // A plan of the other area is not on this area's ballot.
    await expect(round.cast(fresh!, [bomen!.id])).rejects.toMatchObject({
      code: "budgeting.ballot-invalid",
      params: { reason: "unknown-plan" },
    });
    await expect(round.cast("not-a-pass", [speeltuin!.id])).rejects.toMatchObject({ code: "budgeting.pass-invalid" });
    const { tenantId } = town;
    await expect(
      round.inTown((tx) =>
        castBallot(tx, {
          tenantId,
          roundSlug: round.slug,
          code: "ABCD-EFGH-JKMN",
          choices: [{ planId: speeltuin!.id }],
          key: KEY,
          now: MARCH(6, 15),
        }),
      ),
    ).rejects.toMatchObject({ code: "budgeting.wrong-identification" });
    expect(await round.register()).toHaveLength(0);
    expect(await round.ballots()).toHaveLength(0);
    // The refused casts rolled back: the fresh pass still opens the ballot, in the other area too.
    await round.cast(fresh!, [bomen!.id], round.areas[1]!.id);
    expect(await round.ballots()).toMatchObject([{ roundAreaId: round.areas[1]!.id }]);
  });

  it("gives exactly one ballot when 50 links of one address are used at once", async () => {
    const round = await roundBy("email");
    for (let i = 0; i < 50; i++) await requestLink(round, "chris@example.org");
    const links = await mailedPasses(round.slug, "chris@example.org");
    expect(new Set(links).size).toBe(50);
    // Half the attempts share one link, half bring their own: both races end in one ballot.
    const attempts = await Promise.allSettled(
      links.map((pass, i) => round.cast(i % 2 === 0 ? links[0]! : pass, [round.plans[1]!.id])),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const lost = attempts.flatMap((a) => (a.status === "rejected" ? [(a.reason as { code: string }).code] : []));
    expect(lost).toHaveLength(49);
    expect(lost.every((code) => code === "budgeting.already-voted" || code === "budgeting.pass-invalid")).toBe(true);
    expect(await round.ballots()).toHaveLength(1);
    expect(await round.register()).toHaveLength(1);
  });
});

describe("voting with DigiD (OpenID Connect)", () => {
  it("keys the register by a keyed hash of issuer and sub, and lets one ballot in per sub", async () => {
    const round = await roundBy("oidc");
    const pass = await oidcPass(round, "s-12345");
    await round.cast(pass, [round.plans[0]!.id]);
    const [entry] = await round.register();
    expect(entry!.voterKey).toMatch(/^oidc:[0-9a-f]{64}$/);
    expect(JSON.stringify(await round.register())).not.toContain("s-12345");
    const [ballot] = await round.ballots();
    expect(JSON.stringify(ballot)).not.toContain(entry!.voterKey.slice(5));

    const again = await oidcPass(round, "s-12345");
    await expect(round.open(again)).rejects.toMatchObject({ code: "budgeting.already-voted" });
    // The same sub from another issuer is another person.
    await round.cast(await oidcPass(round, "s-12345", "https://other-broker.example.org"), [round.plans[1]!.id]);
    expect(await round.ballots()).toHaveLength(2);
  });

  it("refuses an empty sub and a round of another method, storing nothing", async () => {
    const round = await roundBy("oidc");
    await expect(oidcPass(round, "")).rejects.toMatchObject({ code: "budgeting.pass-invalid" });
    const byMail = await roundBy("email");
    await expect(oidcPass(byMail, "s-1")).rejects.toMatchObject({ code: "budgeting.wrong-identification" });
    expect(await round.passes()).toHaveLength(0);
    expect(await byMail.passes()).toHaveLength(0);
  });

  it("gives exactly one ballot when one sub signs in 50 times and casts at once", async () => {
    const round = await roundBy("oidc");
    const passes = await Promise.all(Array.from({ length: 50 }, () => oidcPass(round, "s-race")));
    const attempts = await Promise.allSettled(passes.map((pass) => round.cast(pass, [round.plans[1]!.id])));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const lost = attempts.flatMap((a) => (a.status === "rejected" ? [(a.reason as { code: string }).code] : []));
    expect(new Set(lost)).toEqual(new Set(["budgeting.already-voted"]));
    expect(await round.ballots()).toHaveLength(1);
  });
});

describe("choosing the method", () => {
  it("is staff's until voting opens, then fixed with the other rules", async () => {
    const round = await roundBy("postal-code", "review");
    const { tenantId, personId } = town;
    const change = (identification: IdentificationMethod) =>
      round.inTown((tx) =>
        changeIdentification(tx, { tenantId, roundId: round.roundId, actorPersonId: personId, identification }),
      );
    await change("email");
    const [row] = await handle.db.select().from(schema.pbRounds).where(eq(schema.pbRounds.id, round.roundId));
    expect(row!.identification).toBe("email");
    await expect(change("bogus" as IdentificationMethod)).rejects.toMatchObject({ code: "budgeting.invalid-rules" });
    await round.move("review", "voting");
    await expect(change("oidc")).rejects.toMatchObject({ code: "budgeting.rules-fixed" });
    // The database refuses too, whoever asks.
    await expect(
      round.inTown((tx) => tx.execute(sql`update pb_rounds set identification = 'oidc' where id = ${round.roundId}`)),
    ).rejects.toThrow();
  });
});
