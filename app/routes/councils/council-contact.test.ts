import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { createCouncil, seatMember } from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson } from "../../../src/domain/identity/index.ts";
import { createMailer, MAIL_JOB, mailJobHandler } from "../../../src/mail/index.ts";
import { createLogger } from "../../../src/platform/logger.ts";
import { runDueJobs } from "../../../src/platform/queue/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type Mailbox, startMailbox } from "../../../tests/support/mailbox.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as councilPage from "./public-council.tsx";

/** Issue 10, item 2: a council's contact form reaches its secretary by e-mail, through the queue. */
let handle: DatabaseHandle;
let mailbox: Mailbox;
let harness: ReturnType<typeof routeHarness>;
const SECRETARY = "secretaris@aldeveen.nl";

beforeAll(async () => {
  [handle, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
  harness = routeHarness(handle);
  const [a] = await givenTwoMunicipalities(handle);
  const kern = await givenKern(handle, a.id, "Aldeveen");
  const secretary = await withPlatform(handle.db, (tx) =>
    findOrCreatePerson(tx, { email: SECRETARY, displayName: "Sanne Secretaris" }),
  );
  await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const now = new Date();
    const council = (slug: string, name: string) =>
      createCouncil(tx, {
        tenantId: a.id,
        slug,
        name,
        kind: "village-council",
        basis: "association",
        basisUrl: null,
        description: "",
        memberSeats: 5,
        areaIds: [kern],
        actorPersonId: null,
        now,
      });
    const aldeveen = await council("dorpsraad-aldeveen", "Dorpsraad Aldeveen");
    await council("dorpsraad-zonder-secretaris", "Dorpsraad Zonder Secretaris");
    await seatMember(tx, {
      tenantId: a.id,
      councilId: aldeveen.id,
      role: "secretary",
      name: "Sanne Secretaris",
      personId: secretary.id,
      startsOn: "2025-01-01",
      endsOn: null,
      actorPersonId: null,
      now,
    });
  });
});
afterAll(async () => {
  await Promise.all([handle.close(), mailbox.close()]);
});

const params = (raad = "dorpsraad-aldeveen") => ({ gemeente: "aldorp", raad });
const load = (raad?: string) =>
  answerOf(() =>
    councilPage.loader({
      request: harness.get(`/aldorp/raden/${params(raad).raad}`, ""),
      context: harness.context(),
      params: params(raad),
    } as never),
  );
const send = (fields: Record<string, string>, { raad = "dorpsraad-aldeveen", ip = "192.0.2.1" } = {}) =>
  answerOf(() =>
    councilPage.action({
      request: harness.post(`/aldorp/raden/${raad}`, "", {
        name: "Anna de Vries",
        email: "anna@example.nl",
        message: "Wanneer vergadert de raad over het dorpshuis?",
        website: "",
        ...fields,
      }),
      context: harness.context(ip),
      params: params(raad),
    } as never),
  );
const queuedMail = async () =>
  (await handle.db.select({ kind: schema.jobs.kind }).from(schema.jobs)).filter((job) => job.kind === MAIL_JOB).length;
const deliver = async () => {
  const mailer = createMailer({
    smtpUrl: mailbox.url,
    from: "Samenspel <noreply@test>",
    logger: createLogger("silent"),
  });
  await runDueJobs(handle.db, { [MAIL_JOB]: mailJobHandler(mailer) }, { now: new Date() });
  mailer.close();
};

describe("a council's contact form", () => {
  it("offers the form when the council has a secretary, and never shows the secretary's address", async () => {
    const { status, body } = await load();
    expect(status).toBe(200);
    expect(body).toMatchObject({ canContact: true });
    expect(JSON.stringify(body)).not.toContain("@");
  });

  it("mails the message to the secretary through the queue, with the sender to reply to", async () => {
    const sent = await send({});
    expect(sent.location).toBe("/aldorp/raden/dorpsraad-aldeveen?melding=verstuurd#contactformulier");
    expect(mailbox.messages.filter((m) => m.to.includes(SECRETARY))).toHaveLength(0);
    await deliver();
    const mail = await mailbox.waitForMail(SECRETARY);
    expect(mail.subject).toBe("Bericht voor Dorpsraad Aldeveen van Anna de Vries");
    expect(mail.text).toContain("Wanneer vergadert de raad over het dorpshuis?");
    expect(mail.text).toContain("anna@example.nl");
    expect(mail.headerLines).toContain("Reply-To: anna@example.nl");
  });

  it("writes to the secretary in the language they chose", async () => {
    await withPlatform(handle.db, (tx) =>
      tx.update(schema.people).set({ locale: "en" }).where(eq(schema.people.email, SECRETARY)),
    );
    try {
      await send({ name: "Bram Bakker", email: "bram@example.nl" });
      await deliver();
      const mail = await mailbox.waitForMail(SECRETARY);
      expect(mail.subject).toBe("Message for Dorpsraad Aldeveen from Bram Bakker");
      expect(mail.text).toContain("Use 'Reply'");
    } finally {
      await withPlatform(handle.db, (tx) =>
        tx.update(schema.people).set({ locale: "nl" }).where(eq(schema.people.email, SECRETARY)),
      );
    }
  });

  it("refuses bad input and a filled honeypot, and mails nothing", async () => {
    const before = await queuedMail();
    const empty = await send({ message: " ", email: "geen-adres" });
    expect(empty.status).toBe(400);
    expect(empty.errors).toMatchObject({ message: ["form.required"], email: ["form.email"] });
    expect((await send({ website: "https://spam.example" })).status).toBe(400);
    expect(await queuedMail()).toBe(before);
  });

  it("says a council without a secretary cannot be reached, and sends nothing there", async () => {
    expect((await load("dorpsraad-zonder-secretaris")).body).toMatchObject({ canContact: false });
    const before = await queuedMail();
    const refused = await send({}, { raad: "dorpsraad-zonder-secretaris" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      formId: "contact",
      result: { error: { "": ["councils.error.noSecretary"] } },
    });
    expect((await send({}, { raad: "bestaat-niet" })).status).toBe(404);
    expect(await queuedMail()).toBe(before);
  });

  it("takes at most five messages an hour from one address, and thirty from one visitor", async () => {
    const from = { email: "veel@example.nl" };
    for (let i = 0; i < 5; i++) expect((await send(from, { ip: "198.51.100.7" })).status).toBe(302);
    // The same address in other capitals is the same mailbox, not a new count (the form field lower-cases it).
    const sixth = await send({ email: "Veel@Example.NL" }, { ip: "198.51.100.8" });
    expect(sixth.status).toBe(429);
    expect(sixth.errors).toMatchObject({ "": ["councils.contact.rateLimited"] });
    for (let i = 0; i < 30; i++) await send({ email: `bezoeker${i}@example.nl` }, { ip: "203.0.113.9" });
    expect((await send({ email: "nog-een@example.nl" }, { ip: "203.0.113.9" })).status).toBe(429);
  });
});
