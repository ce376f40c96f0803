import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import {
  addMeetingSlot,
  confirmPlace,
  declinePlace,
  listMeetingRegistrations,
  scheduleMeeting,
  signUpForTrack,
  withdrawFromTrack,
} from "./index.ts";

const NOW = new Date("2019-02-01T09:00:00Z");
const at = (hhmm: string) => new Date(`2019-02-14T${hhmm}:00+01:00`);
const link = (slug: string) => `https://samenspel.example/programma/bijeenkomsten/${slug}`;

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let tenantId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 0, now: NOW });
  tenantId = programme.programmeId;
});
afterAll(() => handle.close());

const asStaff = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(handle.db, { tenantId, personId: programme.staffId }, work);

/** A start session whose places staff confirm, with one track of `capacity` seats. */
async function givenProvisionalTrack(capacity: number) {
  return asStaff(async (tx) => {
    const meeting = await scheduleMeeting(tx, {
      tenantId,
      slug: `start-${crypto.randomUUID().slice(0, 8)}`,
      kind: "start-session",
      title: "Startbijeenkomst",
      startsAt: at("09:30"),
      endsAt: at("16:00"),
      placesProvisional: true,
    });
    const slot = await addMeetingSlot(tx, {
      tenantId,
      meetingId: meeting.id,
      kind: "track",
      title: "Raadswerk",
      capacity,
      startsAt: at("10:00"),
      endsAt: at("12:00"),
    });
    return { meetingId: meeting.id, slotId: slot.id };
  });
}

const signUp = (slotId: string, personId: string) =>
  withTenant(handle.db, { tenantId, personId }, (tx) =>
    signUpForTrack(tx, {
      tenantId,
      slotId,
      personId,
      answers: { organisation: "Dijkstad" },
      meetingLink: link,
      now: NOW,
    }),
  );
const decision = () => ({ tenantId, meetingLink: link, now: NOW, actorPersonId: programme.staffId });
const confirm = (registrationId: string) => asStaff((tx) => confirmPlace(tx, { ...decision(), registrationId }));
const decline = (registrationId: string) => asStaff((tx) => declinePlace(tx, { ...decision(), registrationId }));
const withdraw = (registrationId: string, personId: string) =>
  withTenant(handle.db, { tenantId, personId }, (tx) =>
    withdrawFromTrack(tx, { tenantId, registrationId, personId, meetingLink: link, now: NOW }),
  );

/** The mails queued since `before`, as [recipient, template, has an .ics]. */
async function mailsSince(before: number) {
  const jobs = await withPlatform(handle.db, (tx) => tx.select().from(schema.jobs).orderBy(schema.jobs.id));
  return jobs.slice(before).map((job) => {
    const payload = job.payload as { to: string; template: string; attachments?: unknown[] };
    return [payload.to, payload.template, (payload.attachments ?? []).length > 0] as const;
  });
}
const mailCount = async () => (await withPlatform(handle.db, (tx) => tx.select().from(schema.jobs))).length;
const emailOf = async (personId: string) =>
  (
    await withPlatform(handle.db, (tx) =>
      tx.select({ email: schema.people.email }).from(schema.people).where(eq(schema.people.id, personId)),
    )
  )[0]!.email;

describe("provisional places", () => {
  it("holds a seat without an appointment until staff confirm it, then mails the .ics", async () => {
    const { meetingId, slotId } = await givenProvisionalTrack(2);
    const [anna] = await programme.givenPeople(1);
    const before = await mailCount();
    const { registration } = await signUp(slotId, anna!);
    expect(registration.status).toBe("registered");
    const list = await asStaff((tx) => listMeetingRegistrations(tx, { tenantId, meetingId }));
    expect(list.map((row) => row.provisional)).toEqual([true]);

    const confirmed = await confirm(registration.id);
    expect(confirmed.confirmedAt).toEqual(NOW);
    const email = await emailOf(anna!);
    expect(await mailsSince(before)).toEqual([
      [email, "registration-provisional", false],
      [email, "registration-confirmed", true],
    ]);
    const after = await asStaff((tx) => listMeetingRegistrations(tx, { tenantId, meetingId }));
    expect(after.map((row) => row.provisional)).toEqual([false]);
    // Confirmed once: a second answer finds nothing provisional and changes nothing.
    await expect(confirm(registration.id)).rejects.toMatchObject({ code: "programme.place-not-provisional" });
    await expect(decline(registration.id)).rejects.toMatchObject({ code: "programme.place-not-provisional" });
  });

  it("gives a declined place to the first person waiting, provisionally, and mails both", async () => {
    const { slotId } = await givenProvisionalTrack(1);
    const [bram, cas, dirk] = await programme.givenPeople(3);
    const held = await signUp(slotId, bram!);
    const waiting = await signUp(slotId, cas!);
    await signUp(slotId, dirk!);
    expect(waiting.registration.status).toBe("wait-listed");
    const before = await mailCount();

    const { declined, promoted } = await decline(held.registration.id);
    expect(declined.status).toBe("cancelled");
    expect(promoted?.id).toBe(waiting.registration.id);
    expect(promoted?.status).toBe("registered");
    expect(await mailsSince(before)).toEqual([
      [await emailOf(bram!), "registration-declined", false],
      [await emailOf(cas!), "registration-provisional", false],
    ]);
  });

  it("answers only provisional places: not a wait-list spot, nor an unknown registration", async () => {
    const { slotId } = await givenProvisionalTrack(1);
    const [eva, fien] = await programme.givenPeople(2);
    await signUp(slotId, eva!);
    const spot = await signUp(slotId, fien!);
    await expect(confirm(spot.registration.id)).rejects.toMatchObject({ code: "programme.place-not-provisional" });
    await expect(confirm(crypto.randomUUID())).rejects.toMatchObject({ code: "programme.registration-not-found" });
  });

  it("lets a decline and the person's own cancellation meet: one of them frees the place, once", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    for (let round = 0; round < 5; round++) {
      const { slotId } = await givenProvisionalTrack(1);
      const [holder, next, after] = await programme.givenPeople(3);
      const held = await signUp(slotId, holder!);
      await signUp(slotId, next!);
      await signUp(slotId, after!);
      const outcomes = await Promise.allSettled([
        decline(held.registration.id),
        withdraw(held.registration.id, holder!),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(["programme.place-not-provisional", "programme.registration-already-cancelled"]).toContain(
        refused.reason.code,
      );
      const rows = await asStaff((tx) =>
        tx.select().from(schema.registrations).where(eq(schema.registrations.slotId, slotId)),
      );
      const status = (personId: string) => rows.find((row) => row.personId === personId)?.status;
      expect([status(holder!), status(next!), status(after!)]).toEqual(["cancelled", "registered", "wait-listed"]);
    }
  });

  it("lets a confirmation and the person's cancellation meet: either confirmed then cancelled, or refused", async ({
    skip,
  }) => {
    skip(!serverRun, SERVER_ONLY);
    for (let round = 0; round < 5; round++) {
      const { slotId } = await givenProvisionalTrack(1);
      const [holder, next] = await programme.givenPeople(2);
      const held = await signUp(slotId, holder!);
      await signUp(slotId, next!);
      const [confirmed, withdrawn] = await Promise.allSettled([
        confirm(held.registration.id),
        withdraw(held.registration.id, holder!),
      ]);
      expect(withdrawn.status).toBe("fulfilled");
      if (confirmed.status === "rejected") expect(confirmed.reason.code).toBe("programme.place-not-provisional");
      const rows = await asStaff((tx) =>
        tx.select().from(schema.registrations).where(eq(schema.registrations.slotId, slotId)),
      );
      const next_ = rows.find((row) => row.personId === next);
      expect(next_?.status).toBe("registered");
    }
  });
});
