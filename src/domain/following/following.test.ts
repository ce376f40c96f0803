import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { linkIn, type Mailbox, startMailbox } from "../../../tests/support/mailbox.ts";
import { type DatabaseHandle, withPlatform, withTenant } from "../../db/index.ts";
import { createMailer, MAIL_JOB, mailJobHandler } from "../../mail/index.ts";
import { createLogger } from "../../platform/logger.ts";
import { runDueJobs } from "../../platform/queue/index.ts";
import { createTenant } from "../tenancy/index.ts";
import { confirmFollow, followingJobHandlers, notifyFollowers, requestFollow, stopFollowing } from "./index.ts";

const NOW = new Date("2026-03-02T09:00:00Z");
const TOPIC = "process:dorpsvisie";
let handle: DatabaseHandle;
let mailbox: Mailbox;
let tenantId: string;
let otherTenantId: string;

beforeAll(async () => {
  [handle, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
  [tenantId, otherTenantId] = await withPlatform(handle.db, async (tx) => [
    (await createTenant(tx, { slug: "veenhoven", name: "Gemeente Veenhoven", kind: "municipality" })).id,
    (await createTenant(tx, { slug: "dijkstad", name: "Gemeente Dijkstad", kind: "municipality" })).id,
  ]);
});
afterAll(() => Promise.all([handle.close(), mailbox.close()]));

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2], id = tenantId) =>
  withTenant(handle.db, { tenantId: id }, work);
const runJobs = async () => {
  const mailer = createMailer({
    smtpUrl: mailbox.url,
    from: "Samenspel <noreply@test>",
    logger: createLogger("silent"),
  });
  const handlers = { [MAIL_JOB]: mailJobHandler(mailer), ...followingJobHandlers() };
  await runDueJobs(handle.db, handlers, { now: NOW });
  await runDueJobs(handle.db, handlers, { now: NOW });
  mailer.close();
};
const follow = (email: string) =>
  inTenant((tx) =>
    requestFollow(tx, {
      tenantId,
      email,
      topic: TOPIC,
      title: "Dorpsvisie Veenhoven 2030",
      locale: "nl",
      linkFor: (token) => `http://test/veenhoven/volgen/bevestigen/${token}`,
      now: NOW,
    }),
  );
const notify = (id = tenantId) =>
  inTenant(
    (tx) =>
      notifyFollowers(tx, {
        tenantId: id,
        topic: TOPIC,
        template: "process-feedback-published",
        params: { process: "Dorpsvisie Veenhoven 2030", moment: "Dorpsavond", url: "http://test/veenhoven/p" },
        unsubscribeBase: "http://test/veenhoven/volgen/afmelden",
        now: NOW,
      }),
    id,
  );

describe("following a subject by e-mail", () => {
  it("mails only confirmed followers, with one-click unsubscribe, and stops after one click", async () => {
    await follow("Anna@Example.org");
    await runJobs();
    const confirmation = await mailbox.waitForMail("anna@example.org");
    expect(confirmation.subject).toContain("Dorpsvisie Veenhoven 2030");
    expect(await notify()).toBe(0);

    const token = linkIn(confirmation, "http://test/veenhoven/volgen/bevestigen/").split("/").at(-1)!;
    expect(await inTenant((tx) => confirmFollow(tx, { tenantId, token, now: NOW }))).toEqual({
      email: "anna@example.org",
      topic: TOPIC,
    });
    // Another municipality cannot use the link, nor reach the follower with a subject of the same name.
    await expect(
      inTenant((tx) => confirmFollow(tx, { tenantId, token, now: NOW }), otherTenantId),
    ).rejects.toMatchObject({
      code: "following.link-invalid",
    });
    expect(await notify(otherTenantId)).toBe(0);

    expect(await notify()).toBe(1);
    await runJobs();
    const update = await mailbox.waitForMail("anna@example.org");
    expect(update.subject).toContain("Dorpsavond");
    // The link in the text and the one-click header are the follower's own.
    const unsubscribeUrl = linkIn(update, "http://test/veenhoven/volgen/afmelden/");
    const unsubscribeToken = unsubscribeUrl.split("/").at(-1)!;
    expect(unsubscribeToken).not.toBe(token);
    const headers = update.headerLines.join("\n").replace(/\s+/g, " ");
    expect(headers).toContain(`List-Unsubscribe: <${unsubscribeUrl}>`);
    expect(headers).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // Stopped after the mail was queued: the delivery finds no follower and sends nothing.
    expect(await notify()).toBe(1);
    await inTenant((tx) => stopFollowing(tx, { tenantId, token: unsubscribeToken, now: NOW }));
    await inTenant((tx) => stopFollowing(tx, { tenantId, token: unsubscribeToken, now: NOW }));
    const before = mailbox.messages.length;
    await runJobs();
    expect(mailbox.messages.length).toBe(before);
    expect(await notify()).toBe(0);
    await expect(inTenant((tx) => stopFollowing(tx, { tenantId, token: "made-up", now: NOW }))).rejects.toMatchObject({
      code: "following.link-invalid",
    });
  });
});
