import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { MAIL_JOB, type MailRequest, mailJobHandler } from "../../mail/index.ts";
import { type JobHandlers, runDueJobs } from "../../platform/queue/index.ts";
import {
  addMeetingSlot,
  confirmNewsletterSubscription,
  fanOutNewsletterEdition,
  findCalendarFeedPerson,
  findNewsletterDelivery,
  issueCalendarFeed,
  listNewsletterDeliveries,
  listNewsletterEditions,
  listPersonRegistrations,
  listSlotOccupancy,
  NEWSLETTER_DELIVERY_JOB,
  newsletterJobHandlers,
  newsletterMailReceipts,
  requestNewsletterSubscription,
  sendNewsletterEdition,
  signUpForTrack,
  unsubscribe,
  withdrawFromTrack,
} from "./index.ts";

const NOW = new Date("2026-11-22T09:00:00Z");
const at = (hhmm: string) => new Date(`2027-03-04T${hhmm}:00+01:00`);
const link = (slug: string) => `https://samenspel.test/programma/bijeenkomsten/${slug}`;

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let tenantId: string;
let meetingId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 0, now: NOW });
  tenantId = programme.programmeId;
  meetingId = await programme.givenMeeting({
    slug: "netwerk-2027",
    title: "Netwerkbijeenkomst",
    startsAt: at("09:30"),
    endsAt: at("16:00"),
    city: "Utrecht",
  });
});
afterAll(() => handle.close());

const givenTrack = (capacity: number, title: string) =>
  withTenant(handle.db, { tenantId }, async (tx) => {
    const slot = await addMeetingSlot(tx, {
      tenantId,
      meetingId,
      kind: "track",
      capacity,
      title,
      startsAt: at("10:00"),
      endsAt: at("12:30"),
    });
    return slot.id;
  });

const mailsTo = async (personId: string) => {
  const [person] = await withPlatform(handle.db, (tx) =>
    tx.select({ email: schema.people.email }).from(schema.people).where(eq(schema.people.id, personId)),
  );
  const jobs = await withPlatform(handle.db, (tx) =>
    tx.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send")),
  );
  return jobs.map((job) => job.payload as MailRequest).filter((mail) => mail.to === person!.email);
};

const signUp = (slotId: string, personId: string) =>
  withTenant(handle.db, { tenantId, personId }, (tx) =>
    signUpForTrack(tx, {
      tenantId,
      slotId,
      personId,
      answers: { organisation: "Gemeente Dijkstad" },
      meetingLink: link,
      now: NOW,
    }),
  );

describe("signing up for a track and giving the place back", () => {
  it("mails a confirmation with the invitation attached, a wait-list position, and the freed place", async () => {
    const slot = await givenTrack(1, "Raadswerk");
    const [a, b] = await programme.givenPeople(2);
    const first = await signUp(slot, a!);
    const second = await signUp(slot, b!);
    expect(first.registration.status).toBe("registered");
    expect(second).toMatchObject({ registration: { status: "wait-listed" }, waitListPosition: 1 });

    const [confirmation] = await mailsTo(a!);
    expect(confirmation).toMatchObject({ template: "registration-confirmed", params: { track: "Raadswerk" } });
    expect(confirmation!.attachments![0]!.content).toMatch(/DTSTART:20270304T090000Z/);
    expect(confirmation!.attachments![0]!.content).toContain("SUMMARY:Netwerkbijeenkomst: Raadswerk");
    expect(await mailsTo(b!)).toMatchObject([{ template: "registration-wait-listed", params: { position: 1 } }]);

    const again = await signUp(slot, a!);
    expect(again.registration.id).toBe(first.registration.id);
    expect(await mailsTo(a!)).toHaveLength(1);

    expect(
      await withTenant(handle.db, { tenantId }, (tx) => listSlotOccupancy(tx, { tenantId, meetingId })),
    ).toContainEqual({
      slotId: slot,
      registered: 1,
      waitListed: 1,
    });
    const outcome = await withTenant(handle.db, { tenantId, personId: a }, (tx) =>
      withdrawFromTrack(tx, {
        tenantId,
        registrationId: first.registration.id,
        personId: a!,
        meetingLink: link,
        now: NOW,
      }),
    );
    expect(outcome.promoted?.personId).toBe(b);
    const promotedMails = await mailsTo(b!);
    expect(promotedMails[1]).toMatchObject({
      template: "registration-promoted",
      params: { url: link("netwerk-2027") },
    });
    expect(promotedMails[1]!.attachments![0]!.filename).toBe("uitnodiging.ics");
    expect(
      await withTenant(handle.db, { tenantId }, (tx) => listPersonRegistrations(tx, { tenantId, personId: b! })),
    ).toMatchObject([{ status: "registered", track: "Raadswerk", answers: { organisation: "Gemeente Dijkstad" } }]);
  });

  it("lists each waiting person's place in line", async () => {
    const slot = await givenTrack(1, "Ambtelijk");
    const [a, b, c] = await programme.givenPeople(3);
    for (const person of [a!, b!, c!]) await signUp(slot, person);
    const mine = (personId: string) =>
      withTenant(handle.db, { tenantId }, (tx) => listPersonRegistrations(tx, { tenantId, personId }));
    expect(await mine(c!)).toMatchObject([{ status: "wait-listed", waitListPosition: 2 }]);
    expect((await mine(a!))[0]!.waitListPosition).toBeUndefined();
  });
});

describe("a personal calendar feed", () => {
  it("keeps its secret until renewed, and the old secret stops working", async () => {
    const [person] = await programme.givenPeople(1);
    const issue = (renew: boolean) =>
      withTenant(handle.db, { tenantId }, (tx) =>
        issueCalendarFeed(tx, { tenantId, personId: person!, renew, now: NOW }),
      );
    const owner = (token: string) =>
      withTenant(handle.db, { tenantId }, (tx) => findCalendarFeedPerson(tx, { tenantId, token }));
    const first = await issue(false);
    expect(await issue(false)).toBe(first);
    const second = await issue(true);
    expect(second).not.toBe(first);
    expect(await owner(first)).toBeUndefined();
    expect(await owner(second)).toBe(person);
  });
});

describe("the newsletter", () => {
  const subscribe = (email: string, themes: string[]) => {
    let link = "";
    return withTenant(handle.db, { tenantId }, async (tx) => {
      await requestNewsletterSubscription(tx, {
        tenantId,
        email,
        themes,
        locale: "nl",
        linkFor: (token) => {
          link = token;
          return `https://samenspel.test/nieuwsbrief/bevestigen/${token}`;
        },
        now: NOW,
      });
      return link;
    });
  };
  const edition = (key: string, theme = "kernen") =>
    withTenant(handle.db, { tenantId }, (tx) =>
      sendNewsletterEdition(tx, {
        tenantId,
        idempotencyKey: key,
        theme,
        subject: "Nieuws",
        body: "Eerste alinea.\n\nTweede alinea.",
        actorPersonId: programme.staffId,
        now: NOW,
      }),
    );

  it("confirms several themes with one link, sends an edition once per key, only to confirmed addresses", async () => {
    const token = await subscribe("lid@example.nl", ["kernen", "raad"]);
    await subscribe("onbevestigd@example.nl", ["kernen"]);
    const confirmed = await withTenant(handle.db, { tenantId }, (tx) =>
      confirmNewsletterSubscription(tx, { tenantId, token, now: NOW }),
    );
    expect(confirmed).toEqual({ email: "lid@example.nl", themes: ["kernen", "raad"] });

    const sent = await edition("sleutel-0123456789");
    expect((await edition("sleutel-0123456789")).repeated).toBe(true);
    const fanOut = () =>
      withTenant(handle.db, { tenantId }, (tx) =>
        fanOutNewsletterEdition(tx, { tenantId, editionId: sent.edition.id, now: NOW }),
      );
    expect(await fanOut()).toBe(1);
    expect(await fanOut()).toBe(0);
    const deliveries = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.jobs).where(eq(schema.jobs.kind, NEWSLETTER_DELIVERY_JOB)),
    );
    expect(deliveries.map((job) => job.payload.email)).toEqual(["lid@example.nl"]);
    const audit = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, "newsletter.edition-sent")),
    );
    expect(audit).toHaveLength(1);

    // Unsubscribed after the deliveries were queued: skipped at send time.
    const delivery = () =>
      withTenant(handle.db, { tenantId }, (tx) =>
        findNewsletterDelivery(tx, { tenantId, editionId: sent.edition.id, email: "lid@example.nl" }),
      );
    const before = await delivery();
    expect(before).toMatchObject({ subject: "Nieuws", locale: "nl" });
    await withTenant(handle.db, { tenantId }, (tx) =>
      unsubscribe(tx, { tenantId, token: before!.unsubscribeToken, now: NOW }),
    );
    expect(await delivery()).toBeUndefined();
  });

  it("runs an edition through the worker: one mail per confirmed reader, with one-click unsubscribe", async () => {
    const token = await subscribe("werker@example.nl", ["raad"]);
    await withTenant(handle.db, { tenantId }, (tx) => confirmNewsletterSubscription(tx, { tenantId, token, now: NOW }));
    await subscribe("nog-niet@example.nl", ["raad"]);
    await edition("sleutel-werker-0123456789", "raad");
    const mails: MailRequest[] = [];
    const handlers: JobHandlers = {
      ...newsletterJobHandlers({ publicUrl: "https://samenspel.test" }),
      [MAIL_JOB]: async (payload) => void mails.push(payload as MailRequest),
    };
    const outcomes = await runDueJobs(handle.db, handlers, { now: NOW });
    expect(outcomes.filter((o) => o.result !== "done")).toEqual([]);
    const editions = mails.filter((mail) => mail.template === "newsletter-edition");
    expect(editions.filter((mail) => mail.to === "nog-niet@example.nl")).toEqual([]);
    const toReader = editions.filter((mail) => mail.to === "werker@example.nl");
    expect(toReader).toHaveLength(1);
    expect(toReader[0]).toMatchObject({
      to: "werker@example.nl",
      params: {
        subject: "Nieuws",
        unsubscribeUrl: expect.stringMatching(/^https:\/\/samenspel\.test\/nieuwsbrief\/afmelden\//),
      },
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  });

  it("records what the mail server said per reader: refused with its answer, sent on the retry, skipped after unsubscribing", async () => {
    const readers = ["goed@example.nl", "kapot@example.nl", "weg@example.nl"];
    const tokens: string[] = [];
    for (const email of readers) {
      const token = await subscribe(email, ["status"]);
      await withTenant(handle.db, { tenantId }, (tx) =>
        confirmNewsletterSubscription(tx, { tenantId, token, now: NOW }),
      );
      tokens.push(token);
    }
    let refusals = 1;
    const mailer = {
      async send(mail: { to: string; subject: string }) {
        if (mail.to === "kapot@example.nl" && mail.subject === "Nieuws" && refusals-- > 0)
          throw Object.assign(new Error("Message failed"), { response: "550 5.1.1 Mailbox unavailable" });
      },
      close() {},
    };
    const handlers: JobHandlers = {
      ...newsletterJobHandlers({ publicUrl: "https://samenspel.test" }),
      [MAIL_JOB]: mailJobHandler(mailer, { receipts: newsletterMailReceipts }),
    };
    await runDueJobs(handle.db, handlers, { now: NOW }); // the confirmation requests
    const sent = await edition("sleutel-status-0123456789", "status");
    // The fan-out, then "weg" unsubscribes before the delivery jobs run.
    await runDueJobs(handle.db, handlers, { now: NOW, limit: 1 });
    const [weg] = await withTenant(handle.db, { tenantId }, (tx) =>
      tx
        .select()
        .from(schema.newsletterSubscriptions)
        .where(eq(schema.newsletterSubscriptions.email, "weg@example.nl")),
    );
    await withTenant(handle.db, { tenantId }, (tx) =>
      unsubscribe(tx, { tenantId, token: weg!.unsubscribeToken, now: NOW }),
    );
    await runDueJobs(handle.db, handlers, { now: NOW });
    const statuses = () =>
      withTenant(handle.db, { tenantId }, (tx) =>
        listNewsletterDeliveries(tx, { tenantId, editionId: sent.edition.id }),
      );
    expect(await statuses()).toMatchObject([
      { email: "kapot@example.nl", status: "failed", attempts: 1, lastError: "550 5.1.1 Mailbox unavailable" },
      { email: "weg@example.nl", status: "skipped", attempts: 0 },
      { email: "goed@example.nl", status: "sent", attempts: 1, lastError: null },
    ]);
    // The queue tries the refused mail again later; this time the server takes it.
    await runDueJobs(handle.db, handlers, { now: new Date(NOW.getTime() + 60 * 60_000) });
    expect((await statuses()).find((d) => d.email === "kapot@example.nl")).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
    });
    const [summary] = await withTenant(handle.db, { tenantId }, (tx) =>
      listNewsletterEditions(tx, { tenantId, editionId: sent.edition.id }),
    );
    expect(summary!.deliveries).toEqual({ queued: 0, sent: 2, failed: 0, skipped: 1 });
    expect(tokens).toHaveLength(3);
  });

  it("refuses a confirmation link with one wrong part, and confirms nothing of it", async () => {
    const token = await subscribe("half@example.nl", ["kernen"]);
    await expect(
      withTenant(handle.db, { tenantId }, (tx) =>
        confirmNewsletterSubscription(tx, { tenantId, token: `${token}.verkeerd`, now: NOW }),
      ),
    ).rejects.toMatchObject({ code: "programme.subscription-link-invalid" });
    const rows = await withPlatform(handle.db, (tx) =>
      tx
        .select()
        .from(schema.newsletterSubscriptions)
        .where(eq(schema.newsletterSubscriptions.email, "half@example.nl")),
    );
    expect(rows.map((row) => row.confirmedAt)).toEqual([null]);
  });
});
