import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform } from "../../../src/db/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import type { LearningGroup } from "../../../src/domain/programme/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as page from "./learning-groups.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
/** Gemeente 0 and 1 share a learning group; Gemeente 2 is in another trajectory's group. */
const people: Record<string, string> = {};
let application0: string;

beforeAll(async () => {
  handle = await freshDatabase();
  const programme = await givenProgramme(handle, { municipalities: 3, now: new Date() });
  const [m0, m1, m2] = programme.municipalities as [string, string, string];
  const shared = await programme.givenTrajectory({ max: 5 });
  application0 = (await programme.admitted(shared, m0)).id;
  await programme.admitted(shared, m1);
  await programme.admitted(await programme.givenTrajectory({ max: 5 }), m2);
  const roles: [string, string, Role][] = [
    ["coordinator0", m0, "municipal-coordinator"],
    ["coordinator1", m1, "municipal-coordinator"],
    ["staff1", m1, "municipal-staff"],
    ["coordinator2", m2, "municipal-coordinator"],
    ["resident0", m0, "resident"],
  ];
  await withPlatform(handle.db, async (tx) => {
    for (const [name, tenantId, role] of roles) {
      const person = await findOrCreatePerson(tx, { email: `${name}@example.org`, displayName: name });
      await grantRole(tx, { tenantId, personId: person.id, role });
      people[name] = person.id;
    }
  });
  harness = routeHarness(handle);
});
afterAll(() => handle.close());

const open = async (who: string, gemeente: string) =>
  answerOf(async () =>
    page.loader({
      request: harness.get(`/${gemeente}/beheer/aanmeldingen/leergroep`, await harness.signIn(people[who]!)),
      context: harness.context(),
      params: { gemeente },
    } as never),
  );
const post = async (who: string, gemeente: string, fields: Record<string, string>) =>
  answerOf(async () =>
    page.action({
      request: harness.post(`/${gemeente}/beheer/aanmeldingen/leergroep`, await harness.signIn(people[who]!), fields),
      context: harness.context(),
      params: { gemeente },
    } as never),
  );
const groupsSeenBy = async (who: string, gemeente: string) =>
  ((await open(who, gemeente)).body as unknown as { groups: LearningGroup[] }).groups;

describe("the learning-group page", () => {
  it("shows Gemeente 0's contact to the group once its coordinator opts in, and to no one outside", async () => {
    const peerOf1 = async () => (await groupsSeenBy("coordinator1", "gemeente-1"))[0]!.peers[0]!;
    expect(await peerOf1()).toMatchObject({ municipalityName: "Gemeente 0", contact: null });
    expect(await post("coordinator0", "gemeente-0", { application: "geen-id", share: "on" })).toMatchObject({
      status: 400,
      errors: { application: ["form.invalid"] },
    });
    expect(await post("coordinator0", "gemeente-0", { application: application0, share: "on" })).toMatchObject({
      status: 302,
      location: "/gemeente-0/beheer/aanmeldingen/leergroep?melding=shared",
    });
    expect((await peerOf1()).contact).toEqual({
      name: "A. de Vries",
      role: "coördinator",
      email: "a.devries@example.org",
    });
    // Municipal staff read the group too; only the coordinator sets the opt-in.
    const staffView = await open("staff1", "gemeente-1");
    expect(staffView.body).toMatchObject({ canShare: false });
    expect(JSON.stringify(staffView.body)).toContain("a.devries@example.org");
    expect((await post("staff1", "gemeente-1", { application: application0 })).status).toBe(403);
    // Gemeente 2's coordinator is in another group: its own page does not name Gemeente 0, and Gemeente 0's is closed.
    const elsewhere = await groupsSeenBy("coordinator2", "gemeente-2");
    expect(elsewhere.map((group) => group.peers)).toEqual([[]]);
    expect((await open("coordinator2", "gemeente-0")).status).toBe(403);
    expect((await post("coordinator2", "gemeente-0", { application: application0 })).status).toBe(403);
    // A coordinator cannot change another municipality's opt-in through their own page either.
    expect(await post("coordinator1", "gemeente-1", { application: application0 })).toMatchObject({ status: 404 });
    expect((await peerOf1()).contact).not.toBeNull();
    // Unticked is off.
    expect(await post("coordinator0", "gemeente-0", { application: application0 })).toMatchObject({
      location: "/gemeente-0/beheer/aanmeldingen/leergroep?melding=hidden",
    });
    expect((await peerOf1()).contact).toBeNull();
  });

  it("answers 403 to a resident of a municipality in the group", async () => {
    expect((await open("resident0", "gemeente-0")).status).toBe(403);
    expect((await post("resident0", "gemeente-0", { application: application0, share: "on" })).status).toBe(403);
  });
});
