import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  givenBallots,
  givenMunicipality,
  givenPublishedRound,
  givenRound,
  MARCH,
} from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { linkIn, type Mailbox, type ReceivedMail, startMailbox } from "../../../tests/support/mailbox.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { createMailer, MAIL_JOB, mailJobHandler } from "../../mail/index.ts";
import { createLogger } from "../../platform/logger.ts";
import { runDueJobs } from "../../platform/queue/index.ts";
import { confirmFollow, followingJobHandlers, stopFollowing } from "../following/index.ts";
import {
  countRoundJobHandlers,
  followPlan,
  followRound,
  listRealisation,
  postPlanUpdate,
  roundNewsJobHandlers,
} from "./index.ts";

let handle: DatabaseHandle;
let mailbox: Mailbox;
let town: Awaited<ReturnType<typeof givenMunicipality>>;

beforeAll(async () => {
  [handle, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
  town = await givenMunicipality(handle.db);
});
afterAll(() => Promise.all([handle?.close(), mailbox?.close()]));

const PUBLIC = "http://test";
const REALISATION = "http://test/gemeente/burgerbegroting/ronde/uitvoering";
const UNSUBSCRIBE = "http://test/gemeente/volgen/afmelden";

/** What the worker does, until nothing is due: counts, round news, follow deliveries, then the mails they queue. */
async function runJobs() {
  const mailer = createMailer({
    smtpUrl: mailbox.url,
    from: "Samenspel <noreply@test>",
    logger: createLogger("silent"),
  });
  const handlers = {
    [MAIL_JOB]: mailJobHandler(mailer),
    ...followingJobHandlers(),
    ...countRoundJobHandlers(),
    ...roundNewsJobHandlers({ publicUrl: PUBLIC }),
  };
  const outcomes = await runDueJobs(handle.db, handlers, { now: MARCH(21), limit: 500 });
  mailer.close();
  expect(outcomes.filter((o) => o.result !== "done")).toEqual([]);
}

const PLANS = [
  { area: 0, title: "Speeltuin", cost: 60_000 },
  { area: 0, title: "Bankjes", cost: 30_000 },
  { area: 0, title: "Bomen", cost: 50_000 },
];

const post = (slug: string, planId: string, extra: Partial<Parameters<typeof postPlanUpdate>[1]> = {}) =>
  withTenant(handle.db, town, (tx) =>
    postPlanUpdate(tx, {
      tenantId: town.tenantId,
      roundSlug: slug,
      planId,
      status: "in-progress",
      body: "De aannemer is begonnen.",
      happenedOn: "2026-05-01",
      actorPersonId: town.personId,
      idempotencyKey: `test:${Math.random()}`,
      realisationUrl: REALISATION,
      unsubscribeBase: UNSUBSCRIBE,
      now: MARCH(20),
      ...extra,
    }),
  );

describe("realisation updates", () => {
  it("wait for the published result, and then only for the funded plans", async () => {
    const open = await givenRound(handle.db, { ...town, plans: PLANS });
    await expect(post(open.slug, open.plans[0]!.id)).rejects.toMatchObject({ code: "budgeting.result-not-ready" });
    expect(await withTenant(handle.db, town, (tx) => listRealisation(tx, { ...town, roundId: open.roundId }))).toEqual(
      [],
    );

    const round = await givenPublishedRound(handle.db, { ...town, plans: PLANS, ballots: [[0, 1], [0, 1], [0]] });
    const [speeltuin, bankjes, bomen] = round.plans;
    await expect(post(round.slug, bomen!.id)).rejects.toMatchObject({ code: "budgeting.plan-not-funded" });

    await post(round.slug, speeltuin!.id, { status: "realised", body: "Geopend!", happenedOn: "2026-09-01" });
    const key = "same-form-twice";
    const first = await post(round.slug, speeltuin!.id, { idempotencyKey: key, happenedOn: "2026-05-01" });
    const again = await post(round.slug, speeltuin!.id, { idempotencyKey: key, happenedOn: "2026-05-01" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false, mailed: 0 });

    const plans = await withTenant(handle.db, town, (tx) => listRealisation(tx, { ...town, roundId: round.roundId }));
    expect(plans.map((p) => [p.title, p.status, p.updates.map((u) => u.happenedOn)])).toEqual([
      ["Speeltuin", "realised", ["2026-05-01", "2026-09-01"]],
      ["Bankjes", "planned", []],
    ]);
    expect(plans.map((p) => p.id)).toEqual([speeltuin!.id, bankjes!.id]);

    const audit = await withPlatform(handle.db, (tx) =>
      tx
        .select({ details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, town.tenantId), eq(schema.auditLog.action, "budgeting.plan.update"))),
    );
    expect(audit).toHaveLength(2);
  });

  it("are append-only: the table refuses a change or a deletion", async () => {
    const round = await givenPublishedRound(handle.db, { ...town, plans: PLANS, ballots: [[0]] });
    const { id } = await post(round.slug, round.plans[0]!.id);
    await expect(
      withTenant(handle.db, town, (tx) =>
        tx.update(schema.pbPlanUpdates).set({ body: "Anders" }).where(eq(schema.pbPlanUpdates.id, id)),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(handle.db, town, (tx) => tx.delete(schema.pbPlanUpdates).where(eq(schema.pbPlanUpdates.id, id))),
    ).rejects.toThrow();
    const [row] = await withTenant(handle.db, town, (tx) =>
      tx.select({ body: schema.pbPlanUpdates.body }).from(schema.pbPlanUpdates).where(eq(schema.pbPlanUpdates.id, id)),
    );
    expect(row?.body).toBe("De aannemer is begonnen.");
  });

  it("mail the plan's confirmed followers through the queue, with one-click unsubscribe, and no one else", async () => {
    const round = await givenPublishedRound(handle.db, { ...town, plans: PLANS, ballots: [[0, 1], [0, 1], [0]] });
    const [speeltuin, bankjes, bomen] = round.plans;
    const follow = (email: string, planId: string) =>
      withTenant(handle.db, town, (tx) =>
        followPlan(tx, {
          tenantId: town.tenantId,
          roundSlug: round.slug,
          planId,
          email,
          locale: "nl",
          linkFor: (token) => `http://test/gemeente/volgen/bevestigen/${token}`,
          now: MARCH(20),
        }),
      );
    const confirm = async (email: string) => {
      const token = linkIn(await mailbox.waitForMail(email), "http://test/gemeente/volgen/bevestigen/")
        .split("/")
        .at(-1)!;
      await withTenant(handle.db, town, (tx) => confirmFollow(tx, { tenantId: town.tenantId, token, now: MARCH(20) }));
    };
    // A plan that was not funded gets no updates, so it cannot be followed.
    await expect(follow("piet@example.org", bomen!.id)).rejects.toMatchObject({ code: "budgeting.plan-not-funded" });
    await follow("anna@example.org", speeltuin!.id);
    await follow("bert@example.org", bankjes!.id);
    await follow("carla@example.org", speeltuin!.id);
    await runJobs();
    await confirm("anna@example.org");
    await confirm("bert@example.org");
    // Carla never confirms.

    const posted = await post(round.slug, speeltuin!.id, {
      status: "realised",
      body: "De speeltuin is open, met een kabelbaan.",
      happenedOn: "2026-09-01",
    });
    expect(posted).toMatchObject({ created: true, mailed: 1 });
    // Queued in the update's transaction, sent only by the worker.
    expect(mailbox.messages.filter((m) => m.to.includes("anna@example.org"))).toHaveLength(1);
    await runJobs();
    const mail = await mailbox.waitForMail("anna@example.org");
    expect(mail.subject).toBe("Nieuws over Speeltuin");
    expect(mail.text).toContain("1 september 2026: gerealiseerd");
    expect(mail.text).toContain("De speeltuin is open, met een kabelbaan.");
    expect(mail.text).toContain(`${REALISATION}#uitvoering-${speeltuin!.id}`);
    const [follower] = await withTenant(handle.db, town, (tx) =>
      tx
        .select({ token: schema.follows.unsubscribeToken })
        .from(schema.follows)
        .where(eq(schema.follows.email, "anna@example.org")),
    );
    const headers = mail.headerLines.join("\n").replace(/\s+/g, " ");
    expect(headers).toContain(`List-Unsubscribe: <${UNSUBSCRIBE}/${follower!.token}>`);
    expect(headers).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mailbox.messages.filter((m) => m.to.includes("bert@example.org"))).toHaveLength(1);
    expect(mailbox.messages.filter((m) => m.to.includes("carla@example.org"))).toHaveLength(1);

    // The same form again mails no one; after unsubscribing, a new update neither.
    const key = "sent-twice";
    expect((await post(round.slug, speeltuin!.id, { idempotencyKey: key })).mailed).toBe(1);
    expect(await post(round.slug, speeltuin!.id, { idempotencyKey: key })).toMatchObject({ created: false, mailed: 0 });
    await withTenant(handle.db, town, (tx) =>
      stopFollowing(tx, { tenantId: town.tenantId, token: follower!.token, now: MARCH(21) }),
    );
    await runJobs();
    expect(await post(round.slug, speeltuin!.id)).toMatchObject({ created: true, mailed: 0 });
    await runJobs();
    expect(mailbox.messages.filter((m) => m.to.includes("anna@example.org"))).toHaveLength(2);
  });
});

const CONFIRM = `${PUBLIC}/gemeente/volgen/bevestigen/`;
const inTown = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(handle.db, town, work);

const mailsTo = (email: string) => mailbox.messages.filter((m) => m.to.includes(email));
const tokenIn = (mail: ReceivedMail) => linkIn(mail, CONFIRM).split("/").at(-1)!;
const follows = () =>
  inTown((tx) => tx.select().from(schema.follows).where(eq(schema.follows.tenantId, town.tenantId)));
const unsubscribeTokenOf = async (email: string, topic: string) => {
  const [row] = await inTown((tx) =>
    tx
      .select({ token: schema.follows.unsubscribeToken })
      .from(schema.follows)
      .where(and(eq(schema.follows.email, email), eq(schema.follows.topic, topic))),
  );
  return row!.token;
};

describe("following a burgerbegroting round", () => {
  it("mails when voting opens, when the result is out and on every plan update, once per person", async () => {
    const round = await givenRound(handle.db, { ...town, plans: PLANS, until: "review" });
    const [speeltuin] = round.plans;
    const request = (email: string, what: "round" | "plan") =>
      inTown((tx) => {
        const base = {
          tenantId: town.tenantId,
          roundSlug: round.slug,
          email,
          locale: "nl" as const,
          linkFor: (token: string) => `${CONFIRM}${token}`,
          now: MARCH(5),
        };
        return what === "round" ? followRound(tx, base) : followPlan(tx, { ...base, planId: speeltuin!.id });
      });
    const confirm = async (email: string) => {
      const token = tokenIn(await mailbox.waitForMail(email));
      await inTown((tx) => confirmFollow(tx, { tenantId: town.tenantId, token, now: MARCH(5) }));
    };

    // Bad input changes nothing: no follow is stored.
    const before = await follows();
    await expect(
      inTown((tx) =>
        followRound(tx, {
          tenantId: town.tenantId,
          roundSlug: "bestaat-niet",
          email: "ria@example.org",
          locale: "nl",
          linkFor: (token) => `${CONFIRM}${token}`,
          now: MARCH(5),
        }),
      ),
    ).rejects.toMatchObject({ code: "budgeting.round-not-found" });
    expect(await follows()).toEqual(before);

    await request("ria@example.org", "round");
    await request("dirk@example.org", "round"); // never confirms
    await request("erik@example.org", "round");
    await runJobs();
    const confirmation = await mailbox.waitForMail("ria@example.org");
    expect(confirmation.subject).toBe("Bevestig: u volgt Burgerbegroting");
    await inTown((tx) => confirmFollow(tx, { tenantId: town.tenantId, token: tokenIn(confirmation), now: MARCH(5) }));
    await confirm("erik@example.org");
    // Erik stops at once: the unsubscribe link works before any news.
    const erikStop = (await follows()).find((f) => f.email === "erik@example.org")!.unsubscribeToken;
    await inTown((tx) => stopFollowing(tx, { tenantId: town.tenantId, token: erikStop, now: MARCH(5) }));

    await round.move("review", "voting");
    await runJobs();
    const voting = await mailbox.waitForMail("ria@example.org");
    expect(voting.subject).toBe("U kunt nu stemmen: Burgerbegroting");
    expect(voting.text).toContain(`${PUBLIC}/${town.slug}/burgerbegroting/${round.slug}`);
    const roundTopic = `pb-round:${round.roundId}`;
    const riaStop = `${PUBLIC}/${town.slug}/volgen/afmelden/${await unsubscribeTokenOf("ria@example.org", roundTopic)}`;
    expect(voting.headerLines.join(" ")).toContain(`<${riaStop}>`);
    expect(mailsTo("dirk@example.org")).toHaveLength(1); // the confirmation only
    expect(mailsTo("erik@example.org")).toHaveLength(1);

    // During voting Sem follows the round and Lot one plan; once funded, Sem follows that plan too.
    await request("sem@example.org", "round");
    await runJobs();
    await confirm("sem@example.org");
    await givenBallots(handle.db, town.tenantId, round, [[0], [0, 1], [1]]);
    await round.move("voting", "counting");
    await runJobs(); // the count
    expect(mailsTo("ria@example.org")).toHaveLength(2); // counting is no news
    await round.move("counting", "results");
    await runJobs();
    for (const email of ["ria@example.org", "sem@example.org"]) {
      const result = await mailbox.waitForMail(email);
      expect(result.subject).toBe("De uitslag is bekend: Burgerbegroting");
      expect(result.text).toContain(`${PUBLIC}/${town.slug}/burgerbegroting/${round.slug}/uitslag`);
    }
    await request("sem@example.org", "plan");
    await request("lot@example.org", "plan");
    await runJobs();
    await confirm("sem@example.org");
    await confirm("lot@example.org");

    const post = (body: string) =>
      inTown((tx) =>
        postPlanUpdate(tx, {
          tenantId: town.tenantId,
          roundSlug: round.slug,
          planId: speeltuin!.id,
          status: "in-progress",
          body,
          happenedOn: "2026-05-01",
          actorPersonId: town.personId,
          idempotencyKey: body,
          realisationUrl: `${PUBLIC}/${town.slug}/burgerbegroting/${round.slug}/uitvoering`,
          unsubscribeBase: `${PUBLIC}/${town.slug}/volgen/afmelden`,
          now: MARCH(20),
        }),
      );
    // Ria (round), Sem (round and plan) and Lot (plan): three people, three mails.
    expect((await post("De aannemer is begonnen.")).mailed).toBe(3);
    await runJobs();
    const counts = () => ["ria", "sem", "lot"].map((name) => mailsTo(`${name}@example.org`).length);
    expect(counts()).toEqual([4, 4, 2]);
    const toRia = await mailbox.waitForMail("ria@example.org");
    expect(toRia.text).toContain("Wilt u geen e-mail meer over Burgerbegroting? Afmelden:");
    expect(toRia.text).toContain("De aannemer is begonnen.");
    // Sem's one mail is about the plan he follows; its link stops the plan, and he still follows the round.
    const toSem = await mailbox.waitForMail("sem@example.org");
    expect(toSem.text).toContain("Wilt u geen e-mail meer over dit plan? Afmelden:");
    const planTopic = `pb-plan:${speeltuin!.id}`;
    await inTown((tx) =>
      stopFollowing(tx, {
        tenantId: town.tenantId,
        token: linkIn(toSem, `${PUBLIC}/${town.slug}/volgen/afmelden/`).split("/").at(-1)!,
        now: MARCH(20),
      }),
    );
    expect(linkIn(toSem, `${PUBLIC}/${town.slug}/volgen/afmelden/`)).toContain(
      await unsubscribeTokenOf("sem@example.org", planTopic),
    );
    const riaToken = await unsubscribeTokenOf("ria@example.org", roundTopic);
    await inTown((tx) => stopFollowing(tx, { tenantId: town.tenantId, token: riaToken, now: MARCH(20) }));

    expect((await post("De speeltuin is open.")).mailed).toBe(2);
    await runJobs();
    expect(counts()).toEqual([4, 5, 3]);
    const again = await mailbox.waitForMail("sem@example.org");
    expect(again.text).toContain("Wilt u geen e-mail meer over Burgerbegroting? Afmelden:");
    expect(again.headerLines.join(" ")).toContain(await unsubscribeTokenOf("sem@example.org", roundTopic));
    expect(mailsTo("dirk@example.org")).toHaveLength(1);
    expect(mailsTo("erik@example.org")).toHaveLength(1);
  });

  it("mails each follower in the language they followed in: English for one who reads English, Dutch beside it", async () => {
    const round = await givenRound(handle.db, { ...town, plans: PLANS, until: "review" });
    const [speeltuin] = round.plans;
    const follow = (email: string, locale: "nl" | "en", planId?: string) =>
      inTown((tx) => {
        const base = {
          tenantId: town.tenantId,
          roundSlug: round.slug,
          email,
          locale,
          linkFor: (token: string) => `${CONFIRM}${token}`,
          now: MARCH(5),
        };
        return planId ? followPlan(tx, { ...base, planId }) : followRound(tx, base);
      });
    const confirm = async (email: string) => {
      const confirmation = await mailbox.waitForMail(email);
      await inTown((tx) => confirmFollow(tx, { tenantId: town.tenantId, token: tokenIn(confirmation), now: MARCH(5) }));
      return confirmation;
    };
    await follow("grace@example.org", "en");
    await follow("hein@example.org", "nl");
    await runJobs();
    expect((await confirm("grace@example.org")).subject).toBe("Confirm: you follow Burgerbegroting");
    expect((await confirm("hein@example.org")).subject).toBe("Bevestig: u volgt Burgerbegroting");
    const roundPage = `${PUBLIC}/${town.slug}/burgerbegroting/${round.slug}`;
    const graceStop = `${PUBLIC}/${town.slug}/volgen/afmelden/${await unsubscribeTokenOf("grace@example.org", `pb-round:${round.roundId}`)}`;

    await round.move("review", "voting");
    await runJobs();
    const voting = await mailbox.waitForMail("grace@example.org");
    expect(voting.subject).toBe("You can vote now: Burgerbegroting");
    expect(voting.text).toContain("In Burgerbegroting you can now vote for the plans.");
    expect(voting.text).toContain(`No longer want e-mail about Burgerbegroting? Unsubscribe: ${graceStop}`);
    expect(voting.text).toContain(roundPage);
    expect((await mailbox.waitForMail("hein@example.org")).subject).toBe("U kunt nu stemmen: Burgerbegroting");

    await givenBallots(handle.db, town.tenantId, round, [[0], [0, 1], [1]]);
    await round.move("voting", "counting");
    await runJobs();
    await round.move("counting", "results");
    await runJobs();
    const result = await mailbox.waitForMail("grace@example.org");
    expect(result.subject).toBe("The result is out: Burgerbegroting");
    expect(result.text).toContain(
      "The result of Burgerbegroting is out. You can read which plans are funded, and why.",
    );
    expect(result.text).toContain(`${roundPage}/uitslag`);
    expect((await mailbox.waitForMail("hein@example.org")).subject).toBe("De uitslag is bekend: Burgerbegroting");

    // Grace follows a funded plan too: its news comes once, in English, with the date in English words.
    await follow("grace@example.org", "en", speeltuin!.id);
    await runJobs();
    await confirm("grace@example.org");
    const posted = await inTown((tx) =>
      postPlanUpdate(tx, {
        tenantId: town.tenantId,
        roundSlug: round.slug,
        planId: speeltuin!.id,
        status: "in-progress",
        body: "De aannemer is begonnen.",
        happenedOn: "2026-05-01",
        actorPersonId: town.personId,
        idempotencyKey: "english",
        realisationUrl: `${roundPage}/uitvoering`,
        unsubscribeBase: `${PUBLIC}/${town.slug}/volgen/afmelden`,
        now: MARCH(20),
      }),
    );
    expect(posted.mailed).toBe(2);
    await runJobs();
    const news = await mailbox.waitForMail("grace@example.org");
    expect(news.subject).toBe("News about Speeltuin");
    expect(news.text).toContain('There is news about "Speeltuin" from Burgerbegroting. On 1 May 2026: in progress.');
    expect(news.text).toContain("No longer want e-mail about this plan? Unsubscribe:");
    expect((await mailbox.waitForMail("hein@example.org")).subject).toBe("Nieuws over Speeltuin");
    expect(mailsTo("grace@example.org").map((m) => m.subject)).toEqual([
      "Confirm: you follow Burgerbegroting",
      "You can vote now: Burgerbegroting",
      "The result is out: Burgerbegroting",
      "Confirm: you follow Speeltuin",
      "News about Speeltuin",
    ]);
  });

  it("checks again at send time: who stops after the news was queued gets nothing", async () => {
    const round = await givenRound(handle.db, { ...town, plans: PLANS, until: "review" });
    let token = "";
    await inTown((tx) =>
      followRound(tx, {
        tenantId: town.tenantId,
        roundSlug: round.slug,
        email: "fenna@example.org",
        locale: "en",
        linkFor: (secret) => {
          token = secret;
          return `${CONFIRM}${secret}`;
        },
        now: MARCH(5),
      }),
    );
    await inTown((tx) => confirmFollow(tx, { tenantId: town.tenantId, token, now: MARCH(5) }));
    await round.move("review", "voting");
    const fennaStop = (await follows()).find((f) => f.email === "fenna@example.org")!.unsubscribeToken;
    await inTown((tx) => stopFollowing(tx, { tenantId: town.tenantId, token: fennaStop, now: MARCH(6) }));
    await runJobs();
    expect(mailsTo("fenna@example.org").map((m) => m.subject)).toEqual(["Confirm: you follow Burgerbegroting"]);
  });
});
