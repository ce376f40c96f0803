import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, withPlatform, withTenant } from "../../db/index.ts";
import { deleteAccount, findOrCreatePerson } from "../identity/index.ts";
import { recordAudit } from "./audit.ts";
import type { AuditAction } from "./audit-actions.ts";
import { listAuditLog } from "./list-audit-log.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());

const NOW = new Date("2026-11-23T09:00:00Z");

it("names the people and objects that entries point at, says 'gone' for one that no longer exists, and tells the system from a deleted account", async () => {
  const programme = await givenProgramme(handle, { municipalities: 2, now: NOW });
  const { programmeId, municipalities, staffId } = programme;
  const trajectory = await programme.givenTrajectory();
  const own = await programme.apply(trajectory, municipalities[0]!);
  const other = await programme.apply(trajectory, municipalities[1]!);
  await programme.move(own.id, "intake-scheduled", { intakeAt: new Date("2026-12-01T10:00:00Z") });
  const meeting = await programme.givenMeeting({
    slug: "start",
    title: "Startbijeenkomst",
    startsAt: new Date("2026-12-10T09:00:00Z"),
    endsAt: new Date("2026-12-10T16:00:00Z"),
  });
  const leaver = await withPlatform(handle.db, (tx) =>
    findOrCreatePerson(tx, { email: "weg@example.org", displayName: "Wim Weg" }),
  );
  const entry = (tenantId: string, action: AuditAction, subject: string, actorPersonId: string | null = staffId) =>
    withTenant(handle.db, { tenantId }, (tx) => recordAudit(tx, { tenantId, actorPersonId, action, subject }));
  await entry(programmeId, "programme.meeting-edited", meeting);
  await entry(programmeId, "programme.trajectory.describe", trajectory);
  await entry(programmeId, "phases.moved", `meeting:${meeting}`, leaver.id);
  await entry(programmeId, "programme.lesson.edit", randomUUID());
  await entry(programmeId, "programme.place-declined", leaver.id);
  await entry(programmeId, "initiatives.submit", "INI-2026-001");
  // Another municipality's application: its row is not the first municipality's to read.
  await entry(municipalities[0]!, "programme.application.intake-held", other.id);
  await withPlatform(handle.db, (tx) => deleteAccount(tx, { personId: leaver.id }));

  const log = await withTenant(handle.db, { tenantId: programmeId }, (tx) =>
    listAuditLog(tx, { tenantId: programmeId }),
  );
  // A deleted account's entries say so ("gone"); entries made by the system (here the meeting scheduled by a
  // fixture, as the seed and the jobs do) are the system's, though both have no actor left.
  expect(log.map(({ action, subject, actor }) => ({ action, subject, actor }))).toEqual([
    { action: "initiatives.submit", subject: { name: "INI-2026-001" }, actor: { name: "Staflid" } },
    { action: "programme.place-declined", subject: "gone", actor: { name: "Staflid" } },
    { action: "programme.lesson.edit", subject: "gone", actor: { name: "Staflid" } },
    { action: "phases.moved", subject: { name: "Startbijeenkomst" }, actor: "gone" },
    { action: "programme.trajectory.describe", subject: { name: "Kernendemocratie" }, actor: { name: "Staflid" } },
    { action: "programme.meeting-edited", subject: { name: "Startbijeenkomst" }, actor: { name: "Staflid" } },
    { action: "programme.meeting-scheduled", subject: { name: "Startbijeenkomst" }, actor: "system" },
    {
      action: "programme.application.intake-scheduled",
      subject: { name: "Gemeente 0 – Kernendemocratie" },
      actor: { name: "Staflid" },
    },
  ]);
  const municipal = await withTenant(handle.db, { tenantId: municipalities[0]! }, (tx) =>
    listAuditLog(tx, { tenantId: municipalities[0]! }),
  );
  expect(municipal.map(({ action, subject }) => ({ action, subject }))).toEqual([
    { action: "programme.application.intake-held", subject: "gone" },
    { action: "programme.application.submit", subject: { name: "Gemeente 0 – Kernendemocratie" } },
  ]);
});
