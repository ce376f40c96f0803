import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withPlatform } from "../../db/index.ts";
import { createTenant } from "../tenancy/index.ts";
import { exportPersonalData, findOrCreatePerson } from "./index.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

const AT = new Date("2026-11-23T09:00:00Z");
const hoursLater = (hours: number) => new Date(AT.getTime() + hours * 3_600_000);

it("includes the person's registrations, subscriptions and agenda, without their secrets", async () => {
  const exported = await withPlatform(handle.db, async (tx) => {
    const programme = await createTenant(tx, { slug: "dia", name: "Democratie in Actie", kind: "programme" });
    const person = await findOrCreatePerson(tx, { email: "Anna@Example.org", displayName: "Anna" });
    const other = await findOrCreatePerson(tx, { email: "ben@example.org", displayName: "Ben" });
    const tenantId = programme.id;
    const [meeting] = await tx
      .insert(schema.meetings)
      .values({
        tenantId,
        slug: "start",
        kind: "start-session",
        title: "Startbijeenkomst",
        startsAt: AT,
        endsAt: hoursLater(6),
      })
      .returning();
    const slot = (title: string, hours: number) => ({
      tenantId,
      meetingId: meeting!.id,
      kind: "track" as const,
      title,
      startsAt: hoursLater(hours),
      endsAt: hoursLater(hours + 2),
      position: hours,
    });
    const [morning, afternoon] = await tx
      .insert(schema.meetingSlots)
      .values([slot("Kernendemocratie", 1), slot("Democratisch begroten", 4)])
      .returning();
    const place = { tenantId, meetingId: meeting!.id, createdAt: AT, answers: {} };
    await tx.insert(schema.registrations).values([
      { ...place, slotId: morning!.id, personId: person.id, status: "registered" },
      { ...place, slotId: afternoon!.id, personId: person.id, status: "wait-listed" },
      { ...place, slotId: morning!.id, personId: other.id, status: "registered" },
    ]);
    const secrets = (name: string) => ({ confirmTokenHash: `hash-${name}`, unsubscribeToken: `token-${name}` });
    await tx.insert(schema.newsletterSubscriptions).values([
      { tenantId, email: "anna@example.org", theme: "kernen", createdAt: AT, confirmedAt: AT, ...secrets("anna") },
      { tenantId, email: "ben@example.org", theme: "kernen", createdAt: AT, ...secrets("ben") },
    ]);
    await tx
      .insert(schema.follows)
      .values({ tenantId, email: "anna@example.org", topic: "process:x", createdAt: AT, ...secrets("follow") });
    await tx
      .insert(schema.calendarFeeds)
      .values({ personId: person.id, tenantId, token: "feed-secret", createdAt: AT });
    return exportPersonalData(tx, person.id);
  });

  expect(exported.registrations).toMatchObject([
    { tenant: "Democratie in Actie", meeting: "Startbijeenkomst", track: "Kernendemocratie", status: "registered" },
    { meeting: "Startbijeenkomst", track: "Democratisch begroten", status: "wait-listed" },
  ]);
  expect(exported.subscriptions.newsletters).toMatchObject([{ theme: "kernen", confirmedAt: AT }]);
  expect(exported.subscriptions.follows).toMatchObject([{ topic: "process:x" }]);
  expect(exported.agenda).toEqual({
    feedSince: AT,
    items: [
      {
        meeting: "Startbijeenkomst",
        track: "Kernendemocratie",
        startsAt: hoursLater(1),
        endsAt: hoursLater(3),
        status: "registered",
      },
    ],
  });
  const text = JSON.stringify(exported);
  for (const secret of ["hash-anna", "token-anna", "token-follow", "feed-secret"]) expect(text).not.toContain(secret);
});
