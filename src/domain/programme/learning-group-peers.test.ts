import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { addAgendaItem, listLearningGroups, setActionStatus, shareGroupContact } from "./index.ts";

const NOW = new Date("2019-05-01T10:00:00Z");
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let m: string[];
/** Applications by municipality: `inGroup[i]` in the shared trajectory, `elsewhere` in the other one. */
const inGroup: string[] = [];
let pending: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 5, now: NOW });
  m = programme.municipalities;
  // Gemeente 0, 1 and 2 form the group of one trajectory; Gemeente 3 only applied to it and is admitted to another,
  // together with Gemeente 2. Gemeente 4 takes part in nothing.
  const shared = await programme.givenTrajectory({ max: 15 });
  for (const municipality of m.slice(0, 3)) inGroup.push((await programme.admitted(shared, municipality)).id);
  pending = (await programme.apply(shared, m[3]!)).id;
  const other = await programme.givenTrajectory({ max: 15 });
  await programme.admitted(other, m[2]!);
  await programme.admitted(other, m[3]!);
  const action = await asMunicipality(0, (tx) =>
    addAgendaItem(tx, {
      programmeTenantId: programme.programmeId,
      applicationId: inGroup[0]!,
      kind: "action",
      text: "Eerste dorpsavond in Oosterend",
      actorPersonId: programme.coordinatorId,
      now: NOW,
    }),
  );
  await asMunicipality(0, (tx) =>
    addAgendaItem(tx, {
      programmeTenantId: programme.programmeId,
      applicationId: inGroup[0]!,
      kind: "question",
      text: "Een vraag die alleen de eigen gemeente en het programma lezen",
      actorPersonId: programme.coordinatorId,
      now: NOW,
    }),
  );
  await withTenant(handle.db, { tenantId: programme.programmeId, personId: programme.staffId }, (tx) =>
    setActionStatus(tx, {
      programmeTenantId: programme.programmeId,
      itemId: action.id,
      status: "in-progress",
      actorPersonId: programme.staffId,
      now: NOW,
    }),
  );
});
afterAll(() => handle.close());

function asMunicipality<T>(i: number, work: Parameters<typeof withTenant<T>>[2]) {
  return withTenant(handle.db, { tenantId: m[i]!, personId: programme.coordinatorId }, work);
}
const groupsOf = (i: number) => asMunicipality(i, (tx) => listLearningGroups(tx, { municipalityId: m[i]! }));
const share = (i: number, applicationId: string, on: boolean) =>
  asMunicipality(i, (tx) =>
    shareGroupContact(tx, { municipalityId: m[i]!, applicationId, share: on, actorPersonId: programme.coordinatorId }),
  );
/** What Gemeente `i` sees of Gemeente 0 in the shared group. */
const gemeente0As = async (i: number) =>
  (await groupsOf(i))
    .find((group) => group.applicationId === inGroup[i])
    ?.peers.find((peer) => peer.municipalityName === "Gemeente 0");

describe("the learning group as its municipalities see it", () => {
  it("shows the other municipalities of the group with their local actions, and no contact without opt-in", async () => {
    const [group, ...more] = await groupsOf(1);
    expect(more).toEqual([]);
    expect(group).toMatchObject({
      applicationId: inGroup[1],
      trajectoryTitle: "Kernendemocratie",
      contactShared: false,
    });
    expect(group!.peers.map((peer) => peer.municipalityName)).toEqual(["Gemeente 0", "Gemeente 2"]);
    expect(group!.peers[0]).toEqual({
      applicationId: inGroup[0],
      municipalityName: "Gemeente 0",
      contact: null,
      actions: [{ id: expect.any(String), text: "Eerste dorpsavond in Oosterend", status: "in-progress" }],
    });
    // Only the actions: a municipality's questions stay between it and the programme.
    expect(JSON.stringify(group)).not.toContain("alleen de eigen gemeente");
  });

  it("shows nothing of a group to a municipality outside it, not even through the database function", async () => {
    const groups = await groupsOf(3);
    expect(groups.map((group) => group.peers.map((peer) => peer.municipalityName))).toEqual([["Gemeente 2"]]);
    expect(JSON.stringify(groups.map((group) => group.peers))).not.toMatch(/Gemeente [01]|Oosterend/);
    const peersOf3 = await asMunicipality(3, (tx) =>
      tx.execute(sql`select application_id from learning_group_peers()`),
    );
    const seen = (peersOf3 as unknown as { rows: { application_id: string }[] }).rows.map((row) => row.application_id);
    expect(seen).not.toContain(inGroup[0]);
    expect(seen).not.toContain(inGroup[1]);
    // Without a tenant the function answers nothing, and a municipality without an admitted application sees no group.
    const none = await withTenant(handle.db, { tenantId: "" }, (tx) =>
      tx.execute(sql`select * from learning_group_peers()`),
    );
    expect((none as unknown as { rows: unknown[] }).rows).toEqual([]);
    expect(await groupsOf(4)).toEqual([]);
  });

  it("shows the first contact's name, role and e-mail once the coordinator opts in, and hides it again", async () => {
    await share(0, inGroup[0]!, true);
    expect((await gemeente0As(1))?.contact).toEqual({
      name: "A. de Vries",
      role: "coördinator",
      email: "a.devries@example.org",
    });
    expect((await gemeente0As(2))?.contact).toMatchObject({ name: "A. de Vries" });
    expect((await groupsOf(0))[0]).toMatchObject({ contactShared: true });
    // Gemeente 3 is in a group with Gemeente 2, not with Gemeente 0: the opt-in is for the group only.
    expect((await groupsOf(3)).flatMap((group) => group.peers.map((peer) => peer.contact))).toEqual([null]);
    await share(0, inGroup[0]!, true); // saved twice: one change, one audit line
    await share(0, inGroup[0]!, false);
    expect((await gemeente0As(1))?.contact).toBeNull();
    const audit = await withPlatform(handle.db, (tx) =>
      tx
        .select({ action: schema.auditLog.action, tenantId: schema.auditLog.tenantId })
        .from(schema.auditLog)
        .where(
          and(
            eq(schema.auditLog.subject, inGroup[0]!),
            inArray(schema.auditLog.action, ["programme.group.share-contact", "programme.group.hide-contact"]),
          ),
        )
        .orderBy(schema.auditLog.id),
    );
    expect(audit).toEqual([
      { action: "programme.group.share-contact", tenantId: m[0] },
      { action: "programme.group.hide-contact", tenantId: m[0] },
    ]);
  });

  it("lets only the municipality's own admitted application opt in", async () => {
    await expect(share(3, pending, true)).rejects.toMatchObject({ code: "programme.group-needs-admission" });
    // Another municipality's application is not there for this one, whatever the id.
    await expect(share(1, inGroup[0]!, true)).rejects.toMatchObject({ code: "programme.application-not-found" });
    expect((await gemeente0As(1))?.contact).toBeNull();
  });
});
