import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  givenMunicipality,
  givenPublishedRound,
  givenRound,
  MARCH,
} from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { linkIn, type Mailbox, startMailbox } from "../../../tests/support/mailbox.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { createMailer, MAIL_JOB, mailJobHandler } from "../../mail/index.ts";
import { createLogger } from "../../platform/logger.ts";
import { runDueJobs } from "../../platform/queue/index.ts";
import { confirmFollow, followingJobHandlers, stopFollowing } from "../following/index.ts";
import { followPlan, listRealisation, postPlanUpdate } from "./index.ts";

let handle: DatabaseHandle;
let mailbox: Mailbox;
let town: Awaited<ReturnType<typeof givenMunicipality>>;

beforeAll(async () => {
  [handle, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
  town = await givenMunicipality(handle.db);
});
afterAll(() => Promise.all([handle?.close(), mailbox?.close()]));

const REALISATION = "http://test/gemeente/burgerbegroting/ronde/uitvoering";
const UNSUBSCRIBE = "http://test/gemeente/volgen/afmelden";

/** What the worker does: the follow deliveries first, then the mails they queue. */
const runJobs = async () => {
  const mailer = createMailer({
    smtpUrl: mailbox.url,
    from: "Samenspel <noreply@test>",
    logger: createLogger("silent"),
  });
  const handlers = { [MAIL_JOB]: mailJobHandler(mailer), ...followingJobHandlers() };
  await runDueJobs(handle.db, handlers, { now: MARCH(21) });
  await runDueJobs(handle.db, handlers, { now: MARCH(21) });
  mailer.close();
};

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
