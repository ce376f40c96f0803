import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { addMeetingSlot, getAudience } from "../../../src/domain/programme/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as signUp from "../participation/sign-up.tsx";
import * as meetingPage from "../programme/meeting.tsx";
import * as staffMeeting from "./staff-meeting.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let outsider: string;

const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const meeting = {
  kind: "network",
  title: "Netwerkdag voor Gemeente 0",
  description: "",
  date: inAMonth,
  startTime: "10:00",
  endTime: "16:00",
};

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 2, now: new Date() });
  outsider = (await programme.givenPeople(1))[0]!;
  await withPlatform(handle.db, async (tx) => {
    await grantRole(tx, { tenantId: programme.programmeId, personId: programme.staffId, role: "programme-staff" });
    await grantRole(tx, {
      tenantId: programme.municipalities[0]!,
      personId: programme.coordinatorId,
      role: "municipal-coordinator",
    });
    // A council member of the other municipality: a municipal role, but not an invited one.
    await grantRole(tx, { tenantId: programme.municipalities[1]!, personId: outsider, role: "council-member" });
  });
  harness = routeHarness(handle);
});
afterAll(() => handle.close());

const meetingsNamed = (slug: string) =>
  withPlatform(handle.db, (tx) => tx.select().from(schema.meetings).where(eq(schema.meetings.slug, slug)));

describe("who may register, set on the staff meeting form", () => {
  it("refuses an invited meeting without an invited municipality, or with another tenant, and stores nothing", async () => {
    const cookie = await harness.signIn(programme.staffId);
    const create = (fields: Record<string, string | string[]>) =>
      answerOf(() =>
        staffMeeting.action({
          request: harness.post("/beheer/bijeenkomsten/nieuw", cookie, { ...meeting, slug: "netwerkdag", ...fields }),
          context: harness.context(),
          params: {},
        } as never),
      );
    expect((await create({ audience: "invited" })).errors).toMatchObject({ invited: ["meetings.error.invitedNeeded"] });
    expect((await create({ audience: "iedereen" })).errors).toMatchObject({ audience: ["form.choice"] });
    expect((await create({ audience: "invited", invited: programme.programmeId })).errors).toMatchObject({
      invited: ["meetings.error.unknownMunicipality"],
    });
    expect(await meetingsNamed("netwerkdag")).toEqual([]);

    const created = await create({ audience: "invited", invited: [programme.municipalities[0]!] });
    expect(created.location).toBe("/beheer/bijeenkomsten/netwerkdag?melding=created");
    const [stored] = await meetingsNamed("netwerkdag");
    const audience = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      getAudience(tx, { tenantId: programme.programmeId, meetingId: stored!.id }),
    );
    expect(audience).toEqual({
      audience: "invited",
      invited: [{ id: programme.municipalities[0], name: "Gemeente 0" }],
    });
    // The form shows what is stored, to change it.
    const edit = await staffMeeting.loader({
      request: harness.get("/beheer/bijeenkomsten/netwerkdag", cookie),
      context: harness.context(),
      params: { slug: "netwerkdag" },
    } as never);
    expect(edit.values).toMatchObject({ audience: "invited", invited: [programme.municipalities[0]] });
  });

  it("tells the visitor who can sign up, and someone outside the audience before the form; a sign-up anyway changes nothing", async () => {
    const [stored] = await meetingsNamed("netwerkdag");
    const slot = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      addMeetingSlot(tx, {
        tenantId: programme.programmeId,
        meetingId: stored!.id,
        kind: "track",
        title: "Netwerken",
        capacity: 20,
        startsAt: stored!.startsAt,
        endsAt: stored!.endsAt,
      }),
    );
    const page = async (personId?: string) => {
      const cookie = personId ? await harness.signIn(personId) : "";
      const loaded = await meetingPage.loader({
        request: harness.get("/programma/bijeenkomsten/netwerkdag", cookie),
        context: harness.context(),
        params: { slug: "netwerkdag" },
      } as never);
      return loaded.signUp;
    };
    const invited = { audience: "invited", invited: ["Gemeente 0"] };
    expect(await page()).toMatchObject({ audience: invited, outsideAudience: false });
    expect(await page(outsider)).toMatchObject({ audience: invited, outsideAudience: true });
    expect(await page(programme.coordinatorId)).toMatchObject({ audience: invited, outsideAudience: false });

    const register = async (personId: string) =>
      answerOf(async () =>
        signUp.action({
          request: harness.post("/programma/bijeenkomsten/netwerkdag/aanmelden", await harness.signIn(personId), {
            slotId: slot.id,
            organisation: "Gemeente 1",
          }),
          context: harness.context(),
          params: { slug: "netwerkdag" },
        } as never),
      );
    const refused = await register(outsider);
    expect(refused.status).toBe(403);
    expect(refused.errors).toMatchObject({ "": ["participation.error.invitedOnly"] });
    const registrations = () => withPlatform(handle.db, (tx) => tx.select().from(schema.registrations));
    expect(await registrations()).toEqual([]);
    expect((await register(programme.coordinatorId)).status).toBe(302);
    expect((await registrations()).map((row) => row.personId)).toEqual([programme.coordinatorId]);
  });
});
