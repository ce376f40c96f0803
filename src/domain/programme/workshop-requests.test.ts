import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import {
  acceptWorkshopQuote,
  cancelWorkshopRequest,
  quoteWorkshop,
  registerForSlot,
  requestWorkshop,
  scheduleWorkshop,
} from "./index.ts";

const NOW = new Date("2019-06-01T10:00:00Z");
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let workshopId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 1, now: NOW });
  workshopId = await withTenant(handle.db, { tenantId: programme.programmeId }, async (tx) => {
    const [row] = await tx
      .insert(schema.workshops)
      .values({
        tenantId: programme.programmeId,
        slug: "overheidsparticipatie",
        title: "Van Burgerparticipatie naar Overheidsparticipatie",
        format: "in-company",
        maxParticipants: 2,
        dayparts: 1,
        investment: "on-request",
        summary: "s",
        description: "d",
      })
      .returning();
    return row!.id;
  });
});
afterAll(() => handle.close());

const asProgramme = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(handle.db, { tenantId: programme.programmeId, personId: programme.staffId }, work);
const request = (participants: number) =>
  withTenant(handle.db, { tenantId: programme.municipalities[0]! }, (tx) =>
    requestWorkshop(tx, {
      programmeTenantId: programme.programmeId,
      municipalityId: programme.municipalities[0]!,
      workshopId,
      participants,
      preferredDates: "september, dinsdagavond",
      personId: programme.coordinatorId,
      now: NOW,
    }),
  );
const step = (requestId: string) => ({
  programmeTenantId: programme.programmeId,
  requestId,
  actorPersonId: programme.staffId,
  now: NOW,
});

describe("workshop requests", () => {
  it("goes from request to quote to acceptance to a meeting that holds the participant limit", async () => {
    const requested = await request(2);
    await expect(asProgramme((tx) => acceptWorkshopQuote(tx, step(requested.id)))).rejects.toMatchObject({
      code: "programme.workshop-step-not-allowed",
      params: { from: "requested", to: "accepted" },
    });
    const quoted = await asProgramme((tx) =>
      quoteWorkshop(tx, { ...step(requested.id), quoteCents: 185_000, quoteNote: "Incl. reiskosten" }),
    );
    expect(quoted).toMatchObject({ status: "quoted", quoteCents: 185_000 });
    await asProgramme((tx) => acceptWorkshopQuote(tx, step(requested.id)));
    const scheduled = await asProgramme((tx) =>
      scheduleWorkshop(tx, {
        ...step(requested.id),
        startsAt: new Date("2019-09-10T17:00:00Z"),
        endsAt: new Date("2019-09-10T21:00:00Z"),
        venue: "Raadhuis",
        address: "Markt 1",
        city: "Dijkstad",
      }),
    );
    expect(scheduled.status).toBe("scheduled");

    const [slot] = await asProgramme((tx) => tx.select().from(schema.meetingSlots));
    expect(slot).toMatchObject({ meetingId: scheduled.meetingId, capacity: 2, kind: "track" });
    const people = await programme.givenPeople(3);
    const statuses = [];
    for (const personId of people) {
      statuses.push(
        (
          await asProgramme((tx) =>
            registerForSlot(tx, { tenantId: programme.programmeId, slotId: slot!.id, personId, now: NOW }),
          )
        ).status,
      );
    }
    expect(statuses).toEqual(["registered", "registered", "wait-listed"]);
  });

  it("refuses more participants than the workshop takes, and steps after cancellation", async () => {
    await expect(request(3)).rejects.toMatchObject({ code: "programme.too-many-participants", params: { max: 2 } });
    await expect(request(0)).rejects.toMatchObject({ code: "programme.participants-invalid" });
    const requested = await request(1);
    await asProgramme((tx) => cancelWorkshopRequest(tx, step(requested.id)));
    await expect(
      asProgramme((tx) => quoteWorkshop(tx, { ...step(requested.id), quoteCents: 1, quoteNote: "" })),
    ).rejects.toMatchObject({
      code: "programme.workshop-step-not-allowed",
    });
  });
});
