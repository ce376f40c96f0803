import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import type { MailRequest } from "../../mail/index.ts";
import {
  addMeetingSlot,
  type ChangeMeetingOptions,
  cancelMeeting,
  changeMeeting,
  listMeetingRegistrations,
  MEETING_REGISTRATIONS_PER_PAGE,
  pageMeetingRegistrations,
  recordAttendance,
  scheduleMeeting,
  signUpForTrack,
} from "./index.ts";

const NOW = new Date("2027-01-10T09:00:00Z");
const at = (day: string, hhmm: string) => new Date(`2027-03-${day}T${hhmm}:00+01:00`);
const link = (slug: string) => `https://samenspel.test/programma/bijeenkomsten/${slug}`;

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let tenantId: string;
let staffId: string;
afterAll(() => handle.close());
beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 0, now: NOW });
  tenantId = programme.programmeId;
  staffId = programme.staffId;
});

const startSession = {
  kind: "start-session",
  title: "Startbijeenkomst",
  startsAt: at("04", "09:30"),
  endsAt: at("04", "16:00"),
  venue: "Stadskantoor",
  address: "Stadsplateau 1",
  city: "Utrecht",
} as const;

/** A start session on 4 March, 09:30–16:00 in Utrecht, with two parallel tracks of `seats` seats each. */
async function givenStartSession(seats = 1) {
  const slug = `start-${crypto.randomUUID().slice(0, 8)}`;
  return withTenant(handle.db, { tenantId }, async (tx) => {
    const meeting = await scheduleMeeting(tx, {
      tenantId,
      slug,
      ...startSession,
      actorPersonId: staffId,
    });
    const track = (title: string) =>
      addMeetingSlot(tx, {
        tenantId,
        meetingId: meeting.id,
        kind: "track",
        capacity: seats,
        title,
        startsAt: at("04", "10:00"),
        endsAt: at("04", "12:30"),
      });
    const a = await track("Raadswerk");
    const b = await track("Wijkraden");
    return { meeting, tracks: [a.id, b.id] as const };
  });
}

const signUp = (slotId: string, personId: string, now = NOW) =>
  withTenant(handle.db, { tenantId, personId }, (tx) =>
    signUpForTrack(tx, {
      tenantId,
      slotId,
      personId,
      answers: { organisation: "Gemeente Dijkstad" },
      meetingLink: link,
      now,
    }),
  );

const change = (meetingId: string, o: Partial<ChangeMeetingOptions>) =>
  withTenant(handle.db, { tenantId, personId: staffId }, (tx) =>
    changeMeeting(tx, {
      tenantId,
      meetingId,
      ...startSession,
      actorPersonId: staffId,
      meetingLink: link,
      now: NOW,
      ...o,
    }),
  );

const cancel = (meetingId: string) =>
  withTenant(handle.db, { tenantId, personId: staffId }, (tx) =>
    cancelMeeting(tx, { tenantId, meetingId, actorPersonId: staffId, meetingLink: link, now: NOW }),
  );

async function mailsTo(personId: string, template?: string) {
  return withPlatform(handle.db, async (tx) => {
    const [person] = await tx
      .select({ email: schema.people.email })
      .from(schema.people)
      .where(eq(schema.people.id, personId));
    const jobs = await tx.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"));
    return jobs
      .map((job) => job.payload as MailRequest)
      .filter((mail) => mail.to === person!.email && (!template || mail.template === template));
  });
}

const auditOf = (meetingId: string) =>
  withPlatform(handle.db, (tx) =>
    tx
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.subject, meetingId))),
  );

describe("staff move a meeting", () => {
  it("moves the programme with it, raises the SEQUENCE and mails everyone signed up the updated .ics", async () => {
    const { meeting, tracks } = await givenStartSession(1);
    const [placed, waiting] = await programme.givenPeople(2);
    const first = await signUp(tracks[0], placed!);
    await signUp(tracks[0], waiting!);

    const moved = await change(meeting.id, {
      startsAt: at("11", "13:00"),
      endsAt: at("11", "19:30"),
      venue: "Jaarbeurs",
    });
    expect(moved).toMatchObject({ moved: true, mailed: 2, meeting: { sequence: 1, venue: "Jaarbeurs" } });

    const slots = await withTenant(handle.db, { tenantId }, (tx) =>
      tx.select().from(schema.meetingSlots).where(eq(schema.meetingSlots.meetingId, meeting.id)),
    );
    expect(slots.map((slot) => [slot.startsAt, slot.endsAt])).toEqual([
      [at("11", "13:30"), at("11", "16:00")],
      [at("11", "13:30"), at("11", "16:00")],
    ]);

    const [update] = await mailsTo(placed!, "meeting-moved");
    expect(update!.params).toMatchObject({ track: "Raadswerk", where: "Jaarbeurs, Stadsplateau 1, Utrecht" });
    const ics = update!.attachments![0]!.content;
    expect(ics).toContain(`UID:registration-${first.registration.id}@samenspel`);
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("DTSTART:20270311T123000Z");
    expect(ics).toContain("METHOD:PUBLISH");
    const [confirmation] = await mailsTo(placed!, "registration-confirmed");
    expect(confirmation!.attachments![0]!.content).toContain("SEQUENCE:0");
    expect(await mailsTo(waiting!, "meeting-moved")).toMatchObject([{ attachments: [] }]);

    expect((await auditOf(meeting.id)).map((line) => line.action)).toEqual([
      "programme.meeting-scheduled",
      "programme.meeting-moved",
    ]);
  });

  it("edits the description without a mail or a new SEQUENCE", async () => {
    const { meeting, tracks } = await givenStartSession();
    const [p] = await programme.givenPeople(1);
    await signUp(tracks[1], p!);
    expect(await change(meeting.id, { title: "Startbijeenkomst 2027", description: "Met lunch." })).toMatchObject({
      moved: false,
      mailed: 0,
      meeting: { sequence: 0, title: "Startbijeenkomst 2027" },
    });
    expect(await mailsTo(p!, "meeting-moved")).toEqual([]);
  });

  it("refuses a change that leaves a track outside the meeting, an end before the start, and changes nothing", async () => {
    const { meeting } = await givenStartSession();
    await expect(change(meeting.id, { endsAt: at("04", "12:00") })).rejects.toMatchObject({
      code: "programme.slot-outside-meeting",
    });
    await expect(change(meeting.id, { endsAt: at("04", "09:00") })).rejects.toMatchObject({
      code: "programme.ends-before-start",
    });
    await expect(change(meeting.id, { title: "  " })).rejects.toMatchObject({ code: "programme.missing-text" });
    await expect(change(crypto.randomUUID(), {})).rejects.toMatchObject({ code: "programme.meeting-not-found" });
    const [row] = await withTenant(handle.db, { tenantId }, (tx) =>
      tx.select().from(schema.meetings).where(eq(schema.meetings.id, meeting.id)),
    );
    expect(row).toMatchObject({ endsAt: at("04", "16:00"), sequence: 0, title: "Startbijeenkomst" });
  });
});

describe("staff cancel a meeting", () => {
  it("mails a cancelling .ics, then refuses sign-ups, changes, new parts and a second cancellation", async () => {
    const { meeting, tracks } = await givenStartSession(1);
    const [placed, waiting, late] = await programme.givenPeople(3);
    const first = await signUp(tracks[0], placed!);
    await signUp(tracks[0], waiting!);

    expect(await cancel(meeting.id)).toMatchObject({ mailed: 2, meeting: { sequence: 1 } });
    const [mail] = await mailsTo(placed!, "meeting-cancelled");
    const ics = mail!.attachments![0]!.content;
    expect(mail!.attachments![0]!.contentType).toContain("method=CANCEL");
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain(`UID:registration-${first.registration.id}@samenspel`);
    expect(await mailsTo(waiting!, "meeting-cancelled")).toMatchObject([{ attachments: [] }]);

    await expect(signUp(tracks[1], late!)).rejects.toMatchObject({ code: "programme.meeting-cancelled" });
    await expect(cancel(meeting.id)).rejects.toMatchObject({ code: "programme.meeting-cancelled" });
    await expect(change(meeting.id, { venue: "Elders" })).rejects.toMatchObject({
      code: "programme.meeting-cancelled",
    });
    await expect(
      withTenant(handle.db, { tenantId }, (tx) =>
        addMeetingSlot(tx, {
          tenantId,
          meetingId: meeting.id,
          kind: "plenary",
          title: "Lunch",
          startsAt: at("04", "12:30"),
          endsAt: at("04", "13:30"),
        }),
      ),
    ).rejects.toMatchObject({ code: "programme.meeting-cancelled" });
    await expect(cancel(crypto.randomUUID())).rejects.toMatchObject({ code: "programme.meeting-not-found" });
  });

  it("mails everyone who got a place, or refuses the sign-up, when both arrive at once", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const { meeting, tracks } = await givenStartSession(40);
    const people = await programme.givenPeople(20);
    const results = await Promise.allSettled([
      ...people.map((person, i) => signUp(tracks[i % 2]!, person!)),
      cancel(meeting.id),
    ]);
    const cancelled = results.at(-1)!;
    expect(cancelled.status).toBe("fulfilled");
    const placed = results.slice(0, -1).filter((r) => r.status === "fulfilled").length;
    expect((cancelled as PromiseFulfilledResult<{ mailed: number }>).value.mailed).toBe(placed);
  });
});

describe("who registered, who waits and who came", () => {
  it("lists places and wait-list positions per track, and records attendance from the start", async () => {
    const { meeting, tracks } = await givenStartSession(1);
    const [a, b, c, d] = await programme.givenPeople(4);
    const ra = await signUp(tracks[0], a!);
    const rb = await signUp(tracks[0], b!);
    await signUp(tracks[0], c!);
    const rd = await signUp(tracks[1], d!);
    const list = await withTenant(handle.db, { tenantId }, (tx) =>
      listMeetingRegistrations(tx, { tenantId, meetingId: meeting.id }),
    );
    expect(list.map((row) => [row.track, row.status, row.waitListPosition, row.organisation])).toEqual([
      ["Raadswerk", "registered", null, "Gemeente Dijkstad"],
      ["Raadswerk", "wait-listed", 1, "Gemeente Dijkstad"],
      ["Raadswerk", "wait-listed", 2, "Gemeente Dijkstad"],
      ["Wijkraden", "registered", null, "Gemeente Dijkstad"],
    ]);

    const places = [ra.registration.id, rd.registration.id];
    const record = (attendedIds: string[], shownIds = places, now = at("04", "17:00")) =>
      withTenant(handle.db, { tenantId, personId: staffId }, (tx) =>
        recordAttendance(tx, { tenantId, meetingId: meeting.id, shownIds, attendedIds, actorPersonId: staffId, now }),
      );
    const attended = async () =>
      (
        await withTenant(handle.db, { tenantId }, (tx) =>
          listMeetingRegistrations(tx, { tenantId, meetingId: meeting.id }),
        )
      )
        .filter((row) => row.attended)
        .map((row) => row.id);
    await expect(record([ra.registration.id], places, at("04", "09:00"))).rejects.toMatchObject({
      code: "programme.attendance-before-meeting",
    });
    // A wait-list spot, ticked or only shown, is no place.
    await expect(
      record([ra.registration.id, rb.registration.id], [...places, rb.registration.id]),
    ).rejects.toMatchObject({ code: "programme.registration-not-found" });
    await expect(record([], [...places, rb.registration.id])).rejects.toMatchObject({
      code: "programme.registration-not-found",
    });
    // A tick on a place the form did not show.
    await expect(record([rd.registration.id], [ra.registration.id])).rejects.toMatchObject({
      code: "programme.registration-not-found",
    });
    expect(await record([ra.registration.id, rd.registration.id])).toEqual({ attended: 2 });
    expect(await record([rd.registration.id])).toEqual({ attended: 1 });
    expect(await attended()).toEqual([rd.registration.id]);
    // A page of the list changes only the places it showed: the others keep their marks.
    expect(await record([ra.registration.id], [ra.registration.id])).toEqual({ attended: 1 });
    expect(await attended()).toEqual([ra.registration.id, rd.registration.id]);
  });

  it("pages the list, the wait-list numbers counting on across pages, and the export has them all", async () => {
    const { meeting, tracks } = await givenStartSession(1);
    const [other, ...people] = await programme.givenPeople(MEETING_REGISTRATIONS_PER_PAGE + 3);
    for (const person of people) await signUp(tracks[0], person!);
    await signUp(tracks[1], other!);
    const o = { tenantId, meetingId: meeting.id };
    const [all, first, second, third] = await withTenant(handle.db, { tenantId }, async (tx) => [
      await listMeetingRegistrations(tx, o),
      await pageMeetingRegistrations(tx, { ...o, page: 1 }),
      await pageMeetingRegistrations(tx, { ...o, page: 2 }),
      await pageMeetingRegistrations(tx, { ...o, page: 3 }),
    ]);
    expect(all).toHaveLength(MEETING_REGISTRATIONS_PER_PAGE + 3);
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, false, false]);
    expect(first.registrations).toHaveLength(MEETING_REGISTRATIONS_PER_PAGE);
    expect([...first.registrations, ...second.registrations]).toEqual(all);
    expect(third.registrations).toEqual([]);
    // Raadswerk: one place, then the wait list 1 … 51; Wijkraden's place last.
    expect(second.registrations.map((row) => [row.track, row.status, row.waitListPosition])).toEqual([
      ["Raadswerk", "wait-listed", MEETING_REGISTRATIONS_PER_PAGE],
      ["Raadswerk", "wait-listed", MEETING_REGISTRATIONS_PER_PAGE + 1],
      ["Wijkraden", "registered", null],
    ]);
  }, 60_000);
});
