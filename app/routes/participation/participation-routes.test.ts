import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { createSession, grantRole } from "../../../src/domain/identity/index.ts";
import { addMeetingSlot, requestNewsletterSubscription, scheduleMeeting } from "../../../src/domain/programme/index.ts";
import { loadConfig } from "../../../src/platform/config.ts";
import { createLogger } from "../../../src/platform/logger.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { requestContext, servicesContext } from "../../server/context.ts";
import * as newsletter from "./newsletter.tsx";
import * as editions from "./newsletter-editions.tsx";
import * as unsubscribe from "./newsletter-unsubscribe.tsx";
import * as programmeFeed from "./programme-feed.ts";
import * as signUp from "./sign-up.tsx";

const ORIGIN = "http://127.0.0.1:9";
let handle: DatabaseHandle;
let context: RouterContextProvider;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let slotId: string;
let cookie: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 0, now: new Date() });
  const tenantId = programme.programmeId;
  await programme.givenTrajectory();
  slotId = await withTenant(handle.db, { tenantId }, async (tx) => {
    const start = new Date(Date.now() + 30 * 86_400_000);
    const meeting = await scheduleMeeting(tx, {
      tenantId,
      slug: "toekomst",
      kind: "start-session",
      title: "Toekomstige bijeenkomst",
      startsAt: start,
      endsAt: new Date(start.getTime() + 6 * 3_600_000),
    });
    const slot = await addMeetingSlot(tx, {
      tenantId,
      meetingId: meeting.id,
      kind: "track",
      capacity: 5,
      title: "Raadswerk",
      startsAt: new Date(start.getTime() + 3_600_000),
      endsAt: new Date(start.getTime() + 3 * 3_600_000),
    });
    return slot.id;
  });
  const session = await withPlatform(handle.db, async (tx) => {
    await grantRole(tx, { tenantId, personId: programme.staffId, role: "programme-staff" });
    return createSession(tx, { personId: programme.staffId, method: "magic-link", now: new Date() });
  });
  cookie = `samenspel-sessie=${session.token}`;
  context = new RouterContextProvider();
  context.set(servicesContext, {
    db: handle.db,
    config: loadConfig({ NODE_ENV: "test", PUBLIC_URL: ORIGIN, SEED_DEMO: "false" }),
    logger: createLogger("silent"),
    queue: { wake() {} },
  });
  context.set(requestContext, { requestId: "test", nonce: "n", logger: createLogger("silent"), clientIp: "127.0.0.1" });
});
afterAll(() => handle.close());

const post = (path: string, fields: Record<string, string | string[]>, signedIn = true) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    body,
    headers: signedIn ? { Cookie: cookie } : {},
  });
};
const statusOf = (answer: unknown) =>
  answer instanceof Response ? answer.status : (answer as { init?: { status?: number } }).init?.status;
const count = async (
  table: typeof schema.registrations | typeof schema.newsletterSubscriptions | typeof schema.newsletterEditions,
) => (await withPlatform(handle.db, (tx) => tx.select().from(table))).length;

describe("bad input changes nothing", () => {
  it("refuses a sign-up without the municipality or organisation, or with a made-up track", async () => {
    const params = { slug: "toekomst" };
    const act = (fields: Record<string, string>) =>
      signUp.action({ request: post("/programma/bijeenkomsten/toekomst/aanmelden", fields), context, params } as never);
    const missing = await act({ slotId, organisation: " ", input: "Onze vraag" });
    expect(statusOf(missing)).toBe(400);
    expect(
      (missing as { data: { result: { error: Record<string, string[]> } } }).data.result.error.organisation,
    ).toEqual(["form.required"]);
    expect(statusOf(await act({ slotId: "niet-bestaand", organisation: "Dijkstad" }))).toBe(400);
    expect(statusOf(await act({ slotId, organisation: "Dijkstad", input: "x".repeat(2001) }))).toBe(400);
    expect(statusOf(await act({ slotId: crypto.randomUUID(), organisation: "Dijkstad" }))).toBe(404);
    expect(await count(schema.registrations)).toBe(0);

    const done = await act({ slotId, organisation: "Dijkstad", input: "Onze vraag" });
    expect(statusOf(done)).toBe(302);
    expect((done as Response).headers.get("Location")).toBe(
      "/programma/bijeenkomsten/toekomst?melding=aangemeld#aanmelden",
    );
    const [registration] = await withPlatform(handle.db, (tx) => tx.select().from(schema.registrations));
    expect(registration!.answers).toEqual({ organisation: "Dijkstad", input: "Onze vraag" });
  });

  it("refuses a second track at the same time with a message, and keeps the first", async () => {
    const tenantId = programme.programmeId;
    const parallel = await withTenant(handle.db, { tenantId }, async (tx) => {
      const [first] = await tx.select().from(schema.meetingSlots);
      const slot = await addMeetingSlot(tx, {
        tenantId,
        meetingId: first!.meetingId,
        kind: "track",
        capacity: 5,
        title: "Ambtelijk",
        startsAt: first!.startsAt,
        endsAt: first!.endsAt,
      });
      return slot.id;
    });
    const answer = await signUp.action({
      request: post("/programma/bijeenkomsten/toekomst/aanmelden", { slotId: parallel, organisation: "Dijkstad" }),
      context,
      params: { slug: "toekomst" },
    } as never);
    expect(statusOf(answer)).toBe(409);
    expect((answer as { data: { result: { error: Record<string, string[]> } } }).data.result.error[""]).toEqual([
      "participation.error.overlap",
    ]);
    expect(await count(schema.registrations)).toBe(1);
  });

  it("refuses a subscription without a valid address or a known theme", async () => {
    const act = (fields: Record<string, string | string[]>) =>
      newsletter.action({ request: post("/nieuwsbrief", fields, false), context, params: {} } as never);
    expect(statusOf(await act({ email: "geen-adres", themes: "kernen" }))).toBe(400);
    expect(statusOf(await act({ email: "a@example.nl" }))).toBe(400);
    expect(statusOf(await act({ email: "a@example.nl", themes: ["kernen", "verzonnen"] }))).toBe(400);
    expect(statusOf(await act({ email: "a@example.nl", themes: "kernen", website: "spam" }))).toBe(400);
    expect(await count(schema.newsletterSubscriptions)).toBe(0);
    expect(statusOf(await act({ email: "a@example.nl", themes: "kernen" }))).toBe(302);
    expect(await count(schema.newsletterSubscriptions)).toBe(1);
    for (let i = 0; i < 4; i++) await act({ email: "a@example.nl", themes: "kernen" });
    expect(statusOf(await act({ email: "a@example.nl", themes: "kernen" }))).toBe(429);
  });

  it("refuses an edition without subject, text or known theme", async () => {
    const act = (fields: Record<string, string>) =>
      editions.action({
        request: post("/beheer/nieuwsbrief", { intent: "send", ...fields }),
        context,
        params: {},
      } as never);
    const key = "k".repeat(32);
    expect(statusOf(await act({ key, theme: "kernen", subject: "", body: "Tekst" }))).toBe(400);
    expect(statusOf(await act({ key, theme: "kernen", subject: "Nieuws", body: " " }))).toBe(400);
    expect(statusOf(await act({ key, theme: "verzonnen", subject: "Nieuws", body: "Tekst" }))).toBe(400);
    expect(statusOf(await act({ key: "kort", theme: "kernen", subject: "Nieuws", body: "Tekst" }))).toBe(400);
    expect(statusOf(await act({ key, theme: "kernen", subject: "Nieuws", body: "Tekst", intent: "zomaar" }))).toBe(400);
    expect(await count(schema.newsletterEditions)).toBe(0);
    for (let i = 0; i < 2; i++) {
      expect(statusOf(await act({ key, theme: "kernen", subject: "Nieuws", body: "Tekst" }))).toBe(302);
    }
    expect(await count(schema.newsletterEditions)).toBe(1);
  });

  it("previews an edition as the reader gets it, without a greeting of its own, and sends nothing", async () => {
    const before = await count(schema.newsletterEditions);
    const answer = await editions.action({
      request: post("/beheer/nieuwsbrief", {
        intent: "preview",
        key: "p".repeat(32),
        theme: "kernen",
        subject: "Nieuws uit de kernen",
        body: "Beste lezer,\n\nDe leergroep komt weer bij elkaar.",
      }),
      context,
      params: {},
    } as never);
    const { preview } = answer as { preview: { subject: string; paragraphs: string[]; recipientCount: number } };
    expect(preview.subject).toBe("Nieuws uit de kernen");
    expect(preview.paragraphs[0]).toBe("Beste lezer,");
    expect(preview.paragraphs[1]).toBe("De leergroep komt weer bij elkaar.");
    expect(preview.paragraphs.join(" ")).not.toMatch(/Hallo/);
    expect(preview.recipientCount).toBe(0);
    expect(await count(schema.newsletterEditions)).toBe(before);
  });
});

describe("token links and feeds", () => {
  it("unsubscribes with the one-click POST of RFC 8058, and refuses an unknown token", async () => {
    const tenantId = programme.programmeId;
    await withTenant(handle.db, { tenantId }, (tx) =>
      requestNewsletterSubscription(tx, {
        tenantId,
        email: "klik@example.nl",
        themes: ["kernen"],
        locale: "nl",
        linkFor: (t) => t,
        now: new Date(),
      }),
    );
    const [row] = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.newsletterSubscriptions).where(eqEmail("klik@example.nl")),
    );
    const oneClick = (token: string) =>
      unsubscribe.action({
        request: post(`/nieuwsbrief/afmelden/${token}`, { "List-Unsubscribe": "One-Click" }, false),
        context,
        params: { token },
      } as never);
    expect(await oneClick(row!.unsubscribeToken)).toEqual({ done: true });
    expect(statusOf(await oneClick("onbekend"))).toBe(404);
    const [after] = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.newsletterSubscriptions).where(eqEmail("klik@example.nl")),
    );
    expect(after!.unsubscribedAt).not.toBeNull();
  });

  it("serves the programme's meetings as iCalendar", async () => {
    const response = (await programmeFeed.loader({
      request: new Request(`${ORIGIN}/programma/agenda.ics`),
      context,
      params: {},
    } as never)) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const body = await response.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("SUMMARY:Toekomstige bijeenkomst");
  });
});

import { eq } from "drizzle-orm";

const eqEmail = (email: string) => eq(schema.newsletterSubscriptions.email, email);
