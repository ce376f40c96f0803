import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { grantRole, type Role } from "../identity/index.ts";
import {
  addMeetingSlot,
  changeMeeting,
  getAudience,
  type MeetingAudience,
  type MeetingFields,
  scheduleMeeting,
  signUpForTrack,
} from "./index.ts";

const NOW = new Date("2019-02-01T09:00:00Z");
const at = (hhmm: string) => new Date(`2019-02-14T${hhmm}:00+01:00`);
const link = (slug: string) => `https://samenspel.example/programma/bijeenkomsten/${slug}`;

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let tenantId: string;
let dijkstad: string;
let veenhoven: string;
/** One person per role, named by where they hold it. */
let people: Record<string, string>;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 2, now: NOW });
  tenantId = programme.programmeId;
  [dijkstad, veenhoven] = programme.municipalities as [string, string];
  const roles: Array<[string, string, Role]> = [
    ["dijkstad coordinator", dijkstad, "municipal-coordinator"],
    ["dijkstad staff", dijkstad, "municipal-staff"],
    ["dijkstad councillor", dijkstad, "council-member"],
    ["dijkstad resident", dijkstad, "resident"],
    ["veenhoven councillor", veenhoven, "council-member"],
    ["programme staff", tenantId, "programme-staff"],
    ["supervisor", tenantId, "supervisor"],
  ];
  const ids = await programme.givenPeople(roles.length + 1);
  await withPlatform(handle.db, async (tx) => {
    for (const [i, [, tenant, role]] of roles.entries())
      await grantRole(tx, { tenantId: tenant, personId: ids[i]!, role });
  });
  people = Object.fromEntries([...roles.map(([name], i) => [name, ids[i]!]), ["nobody", ids[roles.length]!]]);
});
afterAll(() => handle.close());

const asStaff = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(handle.db, { tenantId, personId: programme.staffId }, work);

const details = (audience: MeetingAudience, invitedMunicipalityIds: string[] = []): MeetingFields => ({
  kind: "network",
  title: "Netwerkbijeenkomst",
  startsAt: at("09:30"),
  endsAt: at("16:00"),
  audience,
  invitedMunicipalityIds,
});

/** A meeting for `audience` with one track of plenty of seats. */
function givenMeeting(audience: MeetingAudience, invited: string[] = []) {
  return asStaff(async (tx) => {
    const meeting = await scheduleMeeting(tx, {
      tenantId,
      slug: `netwerk-${crypto.randomUUID().slice(0, 8)}`,
      actorPersonId: programme.staffId,
      ...details(audience, invited),
    });
    const slot = await addMeetingSlot(tx, {
      tenantId,
      meetingId: meeting.id,
      kind: "track",
      title: "Raadswerk",
      capacity: 50,
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

/** Registrations in the slot and mails queued to anyone: a refusal changes neither. */
const traces = (slotId: string) =>
  withPlatform(handle.db, async (tx) => {
    const [places] = await tx
      .select({ n: count() })
      .from(schema.registrations)
      .where(eq(schema.registrations.slotId, slotId));
    const [mails] = await tx.select({ n: count() }).from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"));
    return { places: places!.n, mails: mails!.n };
  });

async function expectAdmitted(slotId: string, names: string[]) {
  for (const name of names) {
    expect((await signUp(slotId, people[name]!)).registration.status, name).toBe("registered");
  }
}

async function expectRefused(slotId: string, names: string[], code: string) {
  for (const name of names) {
    const before = await traces(slotId);
    await expect(signUp(slotId, people[name]!), name).rejects.toMatchObject({ code });
    expect(await traces(slotId), name).toEqual(before);
  }
}

describe("who may register for a meeting", () => {
  it("takes anyone signed in for an open meeting, with or without a role", async () => {
    const { slotId } = await givenMeeting("open");
    await expectAdmitted(slotId, ["nobody", "dijkstad resident", "veenhoven councillor", "programme staff"]);
  });

  it("takes municipal roles of any municipality, councillors included, and programme staff for a municipal meeting", async () => {
    const { slotId } = await givenMeeting("municipal");
    await expectRefused(slotId, ["nobody", "dijkstad resident"], "programme.meeting-for-municipal-roles");
    await expectAdmitted(slotId, [
      "dijkstad coordinator",
      "dijkstad staff",
      "dijkstad councillor",
      "veenhoven councillor",
      "programme staff",
      "supervisor",
    ]);
    expect((await traces(slotId)).places).toBe(6);
  });

  it("takes only the invited municipalities' roles, and programme staff, for an invited meeting", async () => {
    const { slotId } = await givenMeeting("invited", [dijkstad]);
    await expectRefused(
      slotId,
      ["nobody", "dijkstad resident", "veenhoven councillor"],
      "programme.meeting-for-invited-only",
    );
    await expectAdmitted(slotId, [
      "dijkstad coordinator",
      "dijkstad staff",
      "dijkstad councillor",
      "programme staff",
      "supervisor",
    ]);
    expect((await traces(slotId)).places).toBe(5);
  });

  it("follows a change of audience at once; whoever registered before keeps the place", async () => {
    const { meetingId, slotId } = await givenMeeting("open");
    await expectAdmitted(slotId, ["nobody"]);
    const change = (fields: MeetingFields) =>
      asStaff((tx) =>
        changeMeeting(tx, {
          ...fields,
          tenantId,
          meetingId,
          actorPersonId: programme.staffId,
          meetingLink: link,
          now: NOW,
        }),
      );
    await change(details("invited", [veenhoven, veenhoven]));
    expect(await asStaff((tx) => getAudience(tx, { tenantId, meetingId }))).toEqual({
      audience: "invited",
      invited: [{ id: veenhoven, name: "Gemeente 1" }],
    });
    await expectRefused(slotId, ["dijkstad councillor"], "programme.meeting-for-invited-only");
    await expectAdmitted(slotId, ["veenhoven councillor"]);
    // A change that does not name the audience leaves it as it was.
    const { audience: _, invitedMunicipalityIds: __, ...unnamed } = details("open");
    await change({ ...unnamed, title: "Netwerkdag" });
    expect((await asStaff((tx) => getAudience(tx, { tenantId, meetingId }))).audience).toBe("invited");
    await change(details("open", [dijkstad]));
    expect(await asStaff((tx) => getAudience(tx, { tenantId, meetingId }))).toEqual({ audience: "open", invited: [] });
    await expectAdmitted(slotId, ["dijkstad councillor"]);
    const kept = await withPlatform(handle.db, (tx) =>
      tx
        .select({ personId: schema.registrations.personId })
        .from(schema.registrations)
        .where(and(eq(schema.registrations.slotId, slotId), eq(schema.registrations.status, "registered"))),
    );
    expect(kept).toHaveLength(3);
  });

  it("refuses an invited meeting without a municipality, or with a tenant that is not one, and stores nothing", async () => {
    const meetingsNow = () => withPlatform(handle.db, (tx) => tx.select({ n: count() }).from(schema.meetings));
    const before = await meetingsNow();
    await expect(givenMeeting("invited", [])).rejects.toMatchObject({ code: "programme.invited-municipality-needed" });
    await expect(givenMeeting("invited", [tenantId])).rejects.toMatchObject({ code: "programme.unknown-municipality" });
    await expect(givenMeeting("everyone" as MeetingAudience)).rejects.toMatchObject({
      code: "programme.unknown-audience",
    });
    expect(await meetingsNow()).toEqual(before);

    const { meetingId } = await givenMeeting("municipal");
    await expect(
      asStaff((tx) =>
        changeMeeting(tx, {
          ...details("invited", []),
          tenantId,
          meetingId,
          actorPersonId: programme.staffId,
          meetingLink: link,
          now: NOW,
        }),
      ),
    ).rejects.toMatchObject({ code: "programme.invited-municipality-needed" });
    expect((await asStaff((tx) => getAudience(tx, { tenantId, meetingId }))).audience).toBe("municipal");
  });
});
