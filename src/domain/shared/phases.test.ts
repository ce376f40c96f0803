import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { createTenant } from "../tenancy/index.ts";
import {
  advanceDuePhases,
  checkSchedule,
  definePhases,
  findPhaseTrack,
  movePhase,
  type PhaseDate,
  type PhaseMove,
  phaseJobHandlers,
  setPhaseSchedule,
  startPhases,
} from "./phases.ts";

let handle: DatabaseHandle;
let tenantId: string;
let personId: string;
const entered: PhaseMove[] = [];

const machine = definePhases({
  kind: "test-round",
  phases: ["preparation", "plans", "voting", "counting", "results"],
  noWayBackFrom: ["counting", "results"],
  onEnter: async (_tx, move) => {
    entered.push(move);
  },
});
type Phase = (typeof machine.phases)[number];

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));
const schedule = (dates: Partial<Record<Phase, Date | null>>): PhaseDate<Phase>[] =>
  (["plans", "voting", "counting", "results"] as const).map((phase) => ({ phase, startsAt: dates[phase] ?? null }));

beforeAll(async () => {
  handle = await freshDatabase();
  tenantId = (
    await withPlatform(handle.db, (tx) => createTenant(tx, { slug: "fases", name: "F", kind: "municipality" }))
  ).id;
  const [person] = await handle.db
    .insert(schema.people)
    .values({ displayName: "Medewerker", email: "m@example.org" })
    .returning();
  personId = person!.id;
});
afterAll(() => handle?.close());

async function newSubject(dates: Partial<Record<Phase, Date | null>>) {
  const subjectId = randomUUID();
  await withTenant(handle.db, { tenantId }, (tx) =>
    startPhases(tx, machine, { tenantId, subjectId, schedule: schedule(dates), now: at(1) }),
  );
  return subjectId;
}

const track = (subjectId: string) =>
  withTenant(handle.db, { tenantId }, (tx) => findPhaseTrack(tx, machine, { tenantId, subjectId }));

describe("checkSchedule", () => {
  it("wants every later phase once, in order, with dates that never go back", () => {
    expect(() => checkSchedule(machine, schedule({ plans: at(2), voting: at(5) }))).not.toThrow();
    expect(() => checkSchedule(machine, schedule({ plans: at(5), voting: at(2) }))).toThrow(
      expect.objectContaining({ code: "phases.invalid-schedule", params: { reason: "order", phase: "voting" } }),
    );
    expect(() => checkSchedule(machine, schedule({}).slice(1))).toThrow(
      expect.objectContaining({ code: "phases.invalid-schedule" }),
    );
    // An undated phase between two dated ones does not hide their order.
    expect(() => checkSchedule(machine, schedule({ plans: at(5), counting: at(2) }))).toThrow(
      expect.objectContaining({ params: { reason: "order", phase: "counting" } }),
    );
  });
});

describe("dated phases", () => {
  it("start in the first phase with the next dated move due", async () => {
    const subjectId = await newSubject({ plans: at(2), voting: at(5), counting: at(9) });
    expect(await track(subjectId)).toMatchObject({ phase: "preparation", nextDueAt: at(2) });
  });

  it("move at their dates, one phase at a time, and stop at a phase without a date", async () => {
    const subjectId = await newSubject({ plans: at(2), voting: at(5), counting: at(9) });
    entered.length = 0;
    const early = await withTenant(handle.db, { tenantId }, (tx) =>
      advanceDuePhases(tx, machine, { tenantId, subjectId, now: at(1) }),
    );
    expect(early).toEqual([]);
    const moves = await withTenant(handle.db, { tenantId }, (tx) =>
      advanceDuePhases(tx, machine, { tenantId, subjectId, now: at(10) }),
    );
    expect(moves.map((m) => `${m.from}>${m.to}`)).toEqual(["preparation>plans", "plans>voting", "voting>counting"]);
    expect(entered.map((m) => m.to)).toEqual(["plans", "voting", "counting"]);
    expect(await track(subjectId)).toMatchObject({ phase: "counting", nextDueAt: null });
    const audit = await handle.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "phases.moved"), eq(schema.auditLog.subject, `test-round:${subjectId}`)));
    expect(audit).toHaveLength(3);
    expect(audit.every((row) => row.actorPersonId === null && row.details.by === "schedule")).toBe(true);
  });

  it("are moved by the queue job for every due subject", async () => {
    const subjectId = await newSubject({ plans: at(2) });
    const handlers = phaseJobHandlers({ machines: [machine] });
    await handlers["phases.advance"](
      {},
      { id: 1, kind: "phases.advance", payload: {}, attempts: 1 },
      {
        now: at(3),
        db: handle.db,
      },
    );
    expect(await track(subjectId)).toMatchObject({ phase: "plans", nextDueAt: null });
  });

  it("move by hand one step with an audit row naming the person", async () => {
    const subjectId = await newSubject({ plans: at(2), voting: at(20) });
    const move = (from: Phase, to: Phase) =>
      withTenant(handle.db, { tenantId }, (tx) =>
        movePhase(tx, machine, { tenantId, subjectId, from, to, actorPersonId: personId, now: at(3) }),
      );
    await expect(move("preparation", "voting")).rejects.toMatchObject({ code: "phases.not-adjacent" });
    await expect(move("plans", "voting")).rejects.toMatchObject({ code: "phases.moved-meanwhile" });
    expect(await move("preparation", "plans")).toMatchObject({ phase: "plans", nextDueAt: at(20) });
    expect(await move("plans", "voting")).toMatchObject({ phase: "voting", nextDueAt: null });
    expect(await move("voting", "counting")).toMatchObject({ phase: "counting" });
    await expect(move("counting", "voting")).rejects.toMatchObject({ code: "phases.no-way-back" });
    const [last] = await handle.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subject, `test-round:${subjectId}`))
      .orderBy(schema.auditLog.id)
      .then((rows) => rows.slice(-1));
    expect(last).toMatchObject({ actorPersonId: personId, details: { from: "voting", to: "counting", by: "hand" } });
  });

  it("going back by hand keeps the calendar from moving forward at once; new dates hand it back", async () => {
    const subjectId = await newSubject({ plans: at(2), voting: at(5) });
    await withTenant(handle.db, { tenantId }, (tx) =>
      advanceDuePhases(tx, machine, { tenantId, subjectId, now: at(6) }),
    );
    await withTenant(handle.db, { tenantId }, (tx) =>
      movePhase(tx, machine, { tenantId, subjectId, from: "voting", to: "plans", actorPersonId: personId, now: at(6) }),
    );
    expect(await track(subjectId)).toMatchObject({ phase: "plans", nextDueAt: null });
    await withTenant(handle.db, { tenantId }, (tx) =>
      setPhaseSchedule(tx, machine, {
        tenantId,
        subjectId,
        schedule: schedule({ plans: at(2), voting: at(8) }),
        actorPersonId: personId,
      }),
    );
    expect(await track(subjectId)).toMatchObject({ phase: "plans", nextDueAt: at(8) });
  });

  it("a refusal in onEnter undoes the move", async () => {
    const strict = definePhases({
      kind: "strict-round",
      phases: ["a", "b"],
      onEnter: async () => {
        throw new Error("not ready");
      },
    });
    const subjectId = randomUUID();
    await withTenant(handle.db, { tenantId }, (tx) =>
      startPhases(tx, strict, { tenantId, subjectId, schedule: [{ phase: "b", startsAt: at(2) }], now: at(1) }),
    );
    const handlers = phaseJobHandlers({ machines: [strict] });
    const run = { now: at(3), db: handle.db };
    await expect(
      handlers["phases.advance"]({}, { id: 1, kind: "phases.advance", payload: {}, attempts: 1 }, run),
    ).rejects.toThrow("1 phase move(s) failed");
    const still = await withTenant(handle.db, { tenantId }, (tx) =>
      findPhaseTrack(tx, strict, { tenantId, subjectId }),
    );
    expect(still).toMatchObject({ phase: "a", nextDueAt: at(2) });
  });

  it("are invisible to another tenant", async () => {
    const subjectId = await newSubject({});
    const other = await withPlatform(handle.db, (tx) =>
      createTenant(tx, { slug: "ander", name: "A", kind: "municipality" }),
    );
    const seen = await withTenant(handle.db, { tenantId: other.id }, (tx) =>
      tx.select().from(schema.phaseTracks).where(eq(schema.phaseTracks.subjectId, subjectId)),
    );
    expect(seen).toEqual([]);
  });
});
