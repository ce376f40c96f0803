import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { dutchTime } from "../shared/index.ts";
import { createTenant } from "../tenancy/index.ts";
import {
  addMeetingSlot,
  addSupervisor,
  createTrajectory,
  getMeeting,
  getTrajectory,
  listMeetings,
  listTrajectories,
  listTrajectoryThemes,
  publishWorkshop,
  scheduleMeeting,
} from "./index.ts";

let handle: DatabaseHandle;
let programmeId: string;
let municipalityId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  [programmeId, municipalityId] = await withPlatform(handle.db, async (tx) => [
    (await createTenant(tx, { slug: "democratie-in-actie", name: "DiA", kind: "programme" })).id,
    (await createTenant(tx, { slug: "dijkstad", name: "Gemeente Dijkstad", kind: "municipality" })).id,
  ]);
});
afterAll(() => handle?.close());

const inProgramme = <T>(work: (tx: Tx, tenantId: string) => Promise<T>) =>
  withTenant(handle.db, { tenantId: programmeId }, (tx) => work(tx, programmeId));

const trajectory = (slug: string, extra: Record<string, unknown> = {}) =>
  inProgramme((tx, tenantId) =>
    createTrajectory(tx, { tenantId, slug, title: `Traject ${slug}`, theme: "Spelregels", summary: "Kort.", ...extra }),
  );

const meeting = (slug: string) =>
  inProgramme((tx, tenantId) =>
    scheduleMeeting(tx, {
      tenantId,
      slug,
      kind: "start-session",
      title: "Opstartsessie",
      startsAt: dutchTime("2019-02-14", "09:30"),
      endsAt: dutchTime("2019-02-14", "16:00"),
    }),
  );

describe("programme content", () => {
  it("refuses a trajectory outside the programme's tenant", async () => {
    await expect(
      withTenant(handle.db, { tenantId: municipalityId }, (tx) =>
        createTrajectory(tx, { tenantId: municipalityId, slug: "x", title: "X", theme: "T", summary: "S" }),
      ),
    ).rejects.toMatchObject({ code: "programme.not-programme-tenant" });
  });

  it("checks a trajectory's slug, texts, numbers and dates", async () => {
    await expect(trajectory("Met Spaties")).rejects.toMatchObject({ code: "programme.invalid-slug" });
    await expect(trajectory("leeg", { title: "  " })).rejects.toMatchObject({
      code: "programme.missing-text",
      params: { field: "title" },
    });
    await expect(trajectory("omgekeerd", { minMunicipalities: 10, maxMunicipalities: 5 })).rejects.toMatchObject({
      code: "programme.max-below-min",
    });
    await expect(trajectory("nul", { maxMunicipalities: 0 })).rejects.toMatchObject({ code: "programme.not-positive" });
    await expect(trajectory("datum", { startsOn: "14-02-2019" })).rejects.toMatchObject({
      code: "programme.invalid-date",
    });
    await expect(trajectory("terug", { startsOn: "2020-01-01", endsOn: "2019-01-01" })).rejects.toMatchObject({
      code: "programme.ends-before-start",
    });
    await trajectory("uniek");
    await expect(trajectory("uniek")).rejects.toMatchObject({ code: "programme.slug-taken" });
  });

  it("lists supervisors in the order they were added", async () => {
    const { id } = await trajectory("begeleid");
    await inProgramme(async (tx, tenantId) => {
      await addSupervisor(tx, {
        tenantId,
        trajectoryId: id,
        name: "Manon Veroude",
        organisation: "gemeente Middelburg",
      });
      await addSupervisor(tx, { tenantId, trajectoryId: id, name: "Jornt van Zuylen", organisation: "VNG" });
      await expect(
        addSupervisor(tx, { tenantId, trajectoryId: crypto.randomUUID(), name: "A", organisation: "B" }),
      ).rejects.toMatchObject({ code: "programme.trajectory-not-found" });
    });
    const details = await inProgramme((tx, tenantId) => getTrajectory(tx, { tenantId, slug: "begeleid" }));
    expect(details?.supervisors.map((s) => s.name)).toEqual(["Manon Veroude", "Jornt van Zuylen"]);
  });

  it("refuses a meeting that ends before it starts", async () => {
    await expect(
      inProgramme((tx, tenantId) =>
        scheduleMeeting(tx, {
          tenantId,
          slug: "achterstevoren",
          kind: "network",
          title: "Netwerk",
          startsAt: dutchTime("2019-02-14", "16:00"),
          endsAt: dutchTime("2019-02-14", "09:30"),
        }),
      ),
    ).rejects.toMatchObject({ code: "programme.ends-before-start" });
  });

  it("keeps a meeting's slots inside its time and tracks with seats, in announced order", async () => {
    const { id: trajectoryId } = await trajectory("met-track");
    const { id: meetingId } = await meeting("opstart");
    await inProgramme(async (tx, tenantId) => {
      const at = (from: string, until: string) => ({
        startsAt: dutchTime("2019-02-14", from),
        endsAt: dutchTime("2019-02-14", until),
      });
      await expect(
        addMeetingSlot(tx, { tenantId, meetingId, kind: "walk-in", title: "Te vroeg", ...at("09:00", "10:00") }),
      ).rejects.toMatchObject({ code: "programme.slot-outside-meeting" });
      await expect(
        addMeetingSlot(tx, { tenantId, meetingId, kind: "track", title: "Nul", capacity: 0, ...at("10:00", "12:30") }),
      ).rejects.toMatchObject({ code: "programme.not-positive" });
      await addMeetingSlot(tx, { tenantId, meetingId, kind: "walk-in", title: "Inloop", ...at("09:30", "10:00") });
      await addMeetingSlot(tx, {
        tenantId,
        meetingId,
        kind: "track",
        title: "B",
        capacity: 25,
        ...at("10:00", "12:30"),
      });
      await addMeetingSlot(tx, {
        tenantId,
        meetingId,
        kind: "track",
        title: "A",
        capacity: 25,
        trajectoryId,
        ...at("10:00", "12:30"),
      });
      await expect(
        addMeetingSlot(tx, {
          tenantId,
          meetingId: crypto.randomUUID(),
          kind: "plenary",
          title: "X",
          ...at("10:00", "11:00"),
        }),
      ).rejects.toMatchObject({ code: "programme.meeting-not-found" });
    });
    const details = await inProgramme((tx, tenantId) => getMeeting(tx, { tenantId, slug: "opstart" }));
    expect(details?.slots.map((s) => [s.title, s.capacity, s.trajectory?.slug ?? null])).toEqual([
      ["Inloop", null, null],
      ["B", 25, null],
      ["A", 25, "met-track"],
    ]);
    const linked = await inProgramme((tx, tenantId) => getTrajectory(tx, { tenantId, slug: "met-track" }));
    expect(linked?.meetings.map((m) => m.slug)).toEqual(["opstart"]);
  });

  it("filters the offer by theme and lists upcoming meetings only when asked", async () => {
    await trajectory("begroten", { theme: "Democratisch begroten" });
    await inProgramme(async (tx, tenantId) => {
      expect(await listTrajectoryThemes(tx, tenantId)).toEqual(["Democratisch begroten", "Spelregels"]);
      expect((await listTrajectories(tx, { tenantId, theme: "Democratisch begroten" })).map((t) => t.slug)).toEqual([
        "begroten",
      ]);
      expect(await listMeetings(tx, { tenantId, endingFrom: new Date("2026-01-01") })).toEqual([]);
      expect((await listMeetings(tx, { tenantId })).length).toBeGreaterThan(0);
    });
  });

  it("requires a workshop to name whom it is for", async () => {
    await expect(
      inProgramme((tx, tenantId) =>
        publishWorkshop(tx, {
          tenantId,
          slug: "workshop",
          title: "Workshop",
          format: "in-company",
          themes: [],
          targetGroups: [],
          maxParticipants: 20,
          dayparts: 1,
          investment: "on-request",
          summary: "Kort",
          description: "Lang",
        }),
      ),
    ).rejects.toMatchObject({ code: "programme.no-target-group" });
  });
});
