import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import {
  acceptWorkshopQuote,
  getMeeting,
  quoteWorkshop,
  requestWorkshop,
  scheduleWorkshop,
} from "../../../src/domain/programme/index.ts";
import { dutchTime } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as staffMeeting from "./staff-meeting.tsx";

/**
 * A workshop scheduled from a municipality's request is a meeting like the others: staff open it on the staff
 * meeting form and move it. Its kind is not one the form offers for a new meeting; it stays a workshop.
 */
let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let slug: string;
let cookie: string;
const day = `${new Date().getUTCFullYear() + 1}-09-14`;

beforeAll(async () => {
  handle = await freshDatabase();
  const now = new Date();
  programme = await givenProgramme(handle, { municipalities: 1, now });
  await withPlatform(handle.db, (tx) =>
    grantRole(tx, { tenantId: programme.programmeId, personId: programme.staffId, role: "programme-staff" }),
  );
  const { programmeId, staffId } = programme;
  const municipalityId = programme.municipalities[0]!;
  const asProgramme = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(handle.db, { tenantId: programmeId, personId: staffId }, work);
  const workshopId = await asProgramme(async (tx) => {
    const [row] = await tx
      .insert(schema.workshops)
      .values({
        tenantId: programmeId,
        slug: "overheidsparticipatie",
        title: "Van Burgerparticipatie naar Overheidsparticipatie",
        format: "in-company",
        maxParticipants: 20,
        dayparts: 1,
        investment: "on-request",
        summary: "s",
        description: "d",
      })
      .returning();
    return row!.id;
  });
  const requested = await withTenant(handle.db, { tenantId: municipalityId }, (tx) =>
    requestWorkshop(tx, {
      programmeTenantId: programmeId,
      municipalityId,
      workshopId,
      participants: 12,
      preferredDates: "september, een maandag",
      personId: programme.coordinatorId,
      now,
    }),
  );
  const step = { programmeTenantId: programmeId, requestId: requested.id, actorPersonId: staffId, now };
  await asProgramme((tx) => quoteWorkshop(tx, { ...step, quoteCents: 185_000, quoteNote: "" }));
  await asProgramme((tx) => acceptWorkshopQuote(tx, step));
  const scheduled = await asProgramme((tx) =>
    scheduleWorkshop(tx, {
      ...step,
      startsAt: dutchTime(day, "13:00"),
      endsAt: dutchTime(day, "17:00"),
      venue: "Raadhuis",
      address: "Markt 1",
      city: "Gemeente 0",
    }),
  );
  const [meeting] = await asProgramme((tx) =>
    tx.select().from(schema.meetings).where(eq(schema.meetings.id, scheduled.meetingId!)),
  );
  slug = meeting!.slug;
  harness = routeHarness(handle);
  cookie = await harness.signIn(staffId);
});
afterAll(() => handle.close());

const read = () =>
  withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
    getMeeting(tx, { tenantId: programme.programmeId, slug }),
  );
const change = (fields: Record<string, string | string[]>) =>
  answerOf(async () =>
    staffMeeting.action({
      request: harness.post(`/beheer/bijeenkomsten/${slug}`, cookie, {
        ...(await staffMeeting
          .loader({
            request: harness.get(`/beheer/bijeenkomsten/${slug}`, cookie),
            context: harness.context(),
            params: { slug },
          } as never)
          .then(({ values }) => values)),
        intent: "details",
        ...fields,
      }),
      context: harness.context(),
      params: { slug },
    } as never),
  );

describe("a scheduled workshop on the staff meeting form", () => {
  it("opens with its kind, audience and invited municipality, and moves with its track, still a workshop", async () => {
    const edit = await staffMeeting.loader({
      request: harness.get(`/beheer/bijeenkomsten/${slug}`, cookie),
      context: harness.context(),
      params: { slug },
    } as never);
    expect(edit.values).toMatchObject({
      kind: "workshop",
      startTime: "13:00",
      audience: "invited",
      invited: [programme.municipalities[0]],
    });

    const moved = await change({ startTime: "14:00", endTime: "18:00" });
    expect(moved.location).toBe(`/beheer/bijeenkomsten/${slug}?melding=moved`);
    const after = await read();
    expect(after).toMatchObject({ kind: "workshop", startsAt: dutchTime(day, "14:00"), capacity: 20 });
    expect(after!.slots.map((s) => [s.startsAt, s.capacity])).toEqual([[dutchTime(day, "14:00"), 20]]);
  });

  it("keeps a workshop a workshop, and makes no other meeting one, changing nothing", async () => {
    const refused = await change({ kind: "start-session", startTime: "09:00", endTime: "12:00" });
    expect(refused.status).toBe(409);
    expect(refused.errors).toMatchObject({ "": ["meetings.error.workshopKind"] });
    expect(await read()).toMatchObject({ kind: "workshop", startsAt: dutchTime(day, "14:00") });
  });
});
