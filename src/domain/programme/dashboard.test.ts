import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import {
  addMeetingSlot,
  countRegistrations,
  getApplication,
  listMunicipalApplications,
  notifyApplication,
  registerForSlot,
  scheduleMeeting,
} from "./index.ts";

const NOW = new Date("2019-02-01T09:00:00Z");
const at = (hhmm: string) => new Date(`2019-02-14T${hhmm}:00+01:00`);
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 2, now: NOW });
});
afterAll(() => handle.close());

describe("the staff dashboard", () => {
  it("counts registered and wait-listed people per track of a trajectory, also in a shared meeting", async () => {
    const tenantId = programme.programmeId;
    const trajectoryId = await programme.givenTrajectory();
    const other = await programme.givenTrajectory();
    const [a, b, c] = await programme.givenPeople(3);
    const slots = await withTenant(handle.db, { tenantId }, async (tx) => {
      const meeting = await scheduleMeeting(tx, {
        tenantId,
        slug: "opstart",
        kind: "start-session",
        title: "Opstart",
        startsAt: at("09:30"),
        endsAt: at("16:00"),
      });
      const track = (title: string, trajectory: string) =>
        addMeetingSlot(tx, {
          tenantId,
          meetingId: meeting.id,
          kind: "track",
          title,
          capacity: 1,
          trajectoryId: trajectory,
          startsAt: at(title === "ochtend" ? "10:00" : "13:30"),
          endsAt: at(title === "ochtend" ? "12:30" : "16:00"),
        });
      return { mine: await track("ochtend", trajectoryId), theirs: await track("middag", other) };
    });
    for (const person of [a!, b!, c!]) {
      await withTenant(handle.db, { tenantId }, (tx) =>
        registerForSlot(tx, { tenantId, slotId: slots.mine.id, personId: person, now: NOW }),
      );
    }
    const rows = await withTenant(handle.db, { tenantId }, (tx) =>
      countRegistrations(tx, { programmeTenantId: tenantId, trajectoryId }),
    );
    expect(
      rows.map(({ slotTitle, capacity, registered, waitListed }) => ({ slotTitle, capacity, registered, waitListed })),
    ).toEqual([{ slotTitle: "ochtend", capacity: 1, registered: 1, waitListed: 2 }]);
  });
});

describe("application mail and history", () => {
  it("mails each contact person and the submitter once, and shows the municipality its trail", async () => {
    const trajectoryId = await programme.givenTrajectory();
    const municipalityId = programme.municipalities[0]!;
    const submitted = await programme.apply(trajectoryId, municipalityId);
    const application = {
      ...submitted,
      contacts: [...submitted.contacts, { name: "B", email: "COORDINATOR@example.org", role: "r" }],
    };
    const count = await withTenant(handle.db, { tenantId: municipalityId }, (tx) =>
      notifyApplication(tx, {
        application,
        url: (slug) => `https://example.org/${slug}/beheer/aanmeldingen`,
        now: NOW,
      }),
    );
    expect(count).toBe(2);
    const jobs = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send")),
    );
    expect(jobs.map((job) => job.payload.to).sort()).toEqual(["a.devries@example.org", "coordinator@example.org"]);
    expect(jobs[0]!.payload.params).toMatchObject({
      status: "submitted",
      url: "https://example.org/gemeente-0/beheer/aanmeldingen",
    });

    await programme.move(submitted.id, "intake-scheduled", { intakeAt: new Date("2019-02-05T10:00:00Z") });
    const own = await withTenant(handle.db, { tenantId: municipalityId }, (tx) =>
      listMunicipalApplications(tx, { municipalityId }),
    );
    expect(own.map((row) => row.events.map((event) => event.toStatus))).toEqual([["submitted", "intake-scheduled"]]);
    const foreign = await withTenant(handle.db, { tenantId: programme.municipalities[1]! }, (tx) =>
      getApplication(tx, { programmeTenantId: programme.programmeId, applicationId: submitted.id }),
    );
    expect(foreign).toBeUndefined();
  });
});
