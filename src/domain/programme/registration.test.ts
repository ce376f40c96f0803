import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import { deleteAccount } from "../identity/index.ts";
import {
  addMeetingSlot,
  cancelRegistration,
  listRegistrationEntries,
  registerForSlot,
  releasePlaces,
} from "./index.ts";

const BEFORE = new Date("2019-02-01T09:00:00Z");
const START = new Date("2019-02-14T09:00:00+01:00");
const at = (hhmm: string) => new Date(`2019-02-14T${hhmm}:00+01:00`);

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let tenantId: string;
let meetingId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 0, now: BEFORE });
  tenantId = programme.programmeId;
  meetingId = await programme.givenMeeting({
    slug: "opstart",
    title: "Opstart",
    startsAt: START,
    endsAt: at("16:00"),
  });
});
afterAll(() => handle.close());

function givenSlot(capacity: number, from = "10:00", to = "12:30", kind: "track" | "walk-in" = "track") {
  const time = { title: `${kind} ${from} ${capacity}`, startsAt: at(from), endsAt: at(to) };
  return withTenant(handle.db, { tenantId }, async (tx) => {
    const slot = await addMeetingSlot(tx, {
      tenantId,
      meetingId,
      ...(kind === "track" ? { kind, capacity, ...time } : { kind, ...time }),
    });
    return slot.id;
  });
}

const register = (slotId: string, personId: string, now = BEFORE) =>
  withTenant(handle.db, { tenantId }, (tx) => registerForSlot(tx, { tenantId, slotId, personId, now }));
const cancel = (registrationId: string, personId: string) =>
  withTenant(handle.db, { tenantId }, (tx) =>
    cancelRegistration(tx, { tenantId, registrationId, personId, now: BEFORE }),
  );

describe("registering for a track", () => {
  it("fills the places, then the wait-list, and promotes the first waiting person when a place frees", async () => {
    const slot = await givenSlot(2);
    const [a, b, c, d] = await programme.givenPeople(4);
    const ra = await register(slot, a!);
    const rb = await register(slot, b!);
    const rc = await register(slot, c!);
    const rd = await register(slot, d!);
    expect([ra.status, rb.status, rc.status, rd.status]).toEqual([
      "registered",
      "registered",
      "wait-listed",
      "wait-listed",
    ]);

    const outcome = await cancel(rb.id, b!);
    expect(outcome.cancelled.status).toBe("cancelled");
    expect(outcome.promoted?.id).toBe(rc.id);
    expect(outcome.promoted?.status).toBe("registered");

    const waitingLeaves = await cancel(rd.id, d!);
    expect(waitingLeaves.promoted).toBeUndefined();
  });

  it("gives a deleted account's place to the first person waiting, and mails them", async () => {
    const slot = await givenSlot(1, "13:00", "14:00");
    const [leaving, waiting, later] = await programme.givenPeople(3);
    await register(slot, leaving!);
    const spot = await register(slot, waiting!);
    await register(slot, later!);
    const mailsBefore = await handle.db.select().from(schema.jobs);
    await handle.db.transaction(async (tx) => {
      const link = (slug: string) => `https://samenspel.example/programma/bijeenkomsten/${slug}`;
      expect(await releasePlaces(tx, { personId: leaving!, meetingLink: link, now: BEFORE })).toBe(1);
      await deleteAccount(tx, { personId: leaving! });
    });
    const statuses = await withTenant(handle.db, { tenantId }, (tx) =>
      tx.select().from(schema.registrations).where(eq(schema.registrations.slotId, slot)),
    );
    expect(statuses.map((r) => [r.personId, r.status])).toEqual(
      expect.arrayContaining([
        [waiting, "registered"],
        [later, "wait-listed"],
      ]),
    );
    expect(statuses.some((r) => r.personId === leaving)).toBe(false);
    const mailed = (await handle.db.select().from(schema.jobs)).slice(mailsBefore.length);
    expect(spot.status).toBe("wait-listed");
    expect(mailed.map((job) => job.payload.template)).toEqual(["registration-promoted"]);
  });

  it("puts a person's places, not their wait-list spots or cancellations, in their calendar", async () => {
    const full = await givenSlot(1, "13:30", "16:00");
    const roomy = await givenSlot(10, "10:00", "12:30");
    const [p, q] = await programme.givenPeople(2);
    await register(full, q!);
    const waiting = await register(full, p!);
    const placed = await register(roomy, p!);
    const entries = () =>
      withTenant(handle.db, { tenantId }, (tx) =>
        listRegistrationEntries(tx, { programmeTenantId: tenantId, personId: p! }),
      );
    expect(await entries()).toEqual([
      expect.objectContaining({
        uid: `registration-${placed.id}@samenspel`,
        startsAt: at("10:00"),
        endsAt: at("12:30"),
      }),
    ]);
    expect(waiting.status).toBe("wait-listed");
    await cancel(placed.id, p!);
    expect(await entries()).toEqual([]);
  });

  it("answers a repeated sign-up with the first registration", async () => {
    const slot = await givenSlot(5);
    const [p] = await programme.givenPeople(1);
    const first = await register(slot, p!);
    const again = await register(slot, p!);
    expect(again.id).toBe(first.id);
  });

  it("lets a person follow only one of the parallel tracks", async () => {
    const morningA = await givenSlot(10, "10:00", "12:30");
    const morningB = await givenSlot(10, "10:00", "12:30");
    const afternoon = await givenSlot(10, "13:30", "16:00");
    const [p] = await programme.givenPeople(1);
    await register(morningA, p!);
    await expect(register(morningB, p!)).rejects.toMatchObject({ code: "programme.overlapping-track" });
    expect((await register(afternoon, p!)).status).toBe("registered");
  });

  // PGlite serves one connection, so sign-ups there never overlap in time: the race is only proven on the server.
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "gives a person at most one of the parallel tracks when their sign-ups arrive at once (server)",
    async () => {
      const tracks = await Promise.all([0, 1, 2].map(() => givenSlot(40, "10:00", "12:30")));
      const people = await programme.givenPeople(12);
      const attempts = people.flatMap((person) => tracks.map((track) => register(track, person!).catch((e) => e)));
      const outcomes = await Promise.all(attempts);
      const refused = outcomes.filter((outcome) => outcome?.code === "programme.overlapping-track");
      expect(refused).toHaveLength(people.length * (tracks.length - 1));
      const active = await withTenant(handle.db, { tenantId }, (tx) =>
        tx
          .select({ personId: schema.registrations.personId, slotId: schema.registrations.slotId })
          .from(schema.registrations),
      );
      for (const person of people) {
        expect(active.filter((row) => row.personId === person && tracks.includes(row.slotId))).toHaveLength(1);
      }
    },
  );

  it("refuses walk-ins, closed meetings, unknown slots and a second cancellation", async () => {
    const walkIn = await givenSlot(0, "09:30", "10:00", "walk-in");
    const open = await givenSlot(10, "13:00", "13:30");
    const [p] = await programme.givenPeople(1);
    await expect(register(walkIn, p!)).rejects.toMatchObject({ code: "programme.slot-not-registrable" });
    await expect(register(open, p!, START)).rejects.toMatchObject({ code: "programme.registration-closed" });
    await expect(register(crypto.randomUUID(), p!)).rejects.toMatchObject({ code: "programme.slot-not-found" });
    const registration = await register(open, p!);
    await cancel(registration.id, p!);
    await expect(cancel(registration.id, p!)).rejects.toMatchObject({
      code: "programme.registration-already-cancelled",
    });
  });

  it("never gives away more places than there are, whatever arrives at once", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const places = 60;
    const people = await programme.givenPeople(500);
    const slot = await givenSlot(places, "13:30", "16:00");
    const results = await Promise.all(people.map((person) => register(slot, person)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === "registered")).toHaveLength(places);
    expect(statuses.filter((s) => s === "wait-listed")).toHaveLength(500 - places);
    const rows = await withTenant(handle.db, { tenantId }, (tx) => tx.select().from(schema.registrations));
    const inSlot = rows.filter((r) => r.slotId === slot);
    expect(new Set(inSlot.map((r) => r.personId)).size).toBe(500);
    expect(inSlot).toHaveLength(500);

    // A burst of cancellations promotes exactly as many waiting people, in sign-up order.
    const registered = results.filter((r) => r.status === "registered").slice(0, 20);
    const outcomes = await Promise.all(registered.map((r) => cancel(r.id, r.personId)));
    const promoted = outcomes.map((o) => o.promoted!);
    expect(promoted.every(Boolean)).toBe(true);
    const waiting = results.filter((r) => r.status === "wait-listed").sort((x, y) => x.position - y.position);
    expect(new Set(promoted.map((p) => p.id))).toEqual(new Set(waiting.slice(0, 20).map((w) => w.id)));
  }, 120_000);
});
