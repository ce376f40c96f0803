import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import { type Database, type Executor, schema, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { recordAudit } from "./audit.ts";
import { DomainError } from "./errors.ts";

/**
 * Dated phases, one shape for every instrument (pb rounds, spelregels processes, fund rounds): a subject goes through
 * a fixed sequence of phases. The first is where it starts; each later phase may carry a date, and the queue moves the
 * subject into it when that date has come (one step at a time, so every phase is entered). Staff move it by hand one
 * step forward or back; every move writes an audit row in the same transaction. A phase without a date is entered
 * only by a person or by the instrument itself (results are published, not scheduled).
 */
export type PhaseMachine<P extends string = string> = {
  /** Names the subject kind ("pb-round"); one track per subject and kind. */
  readonly kind: string;
  /** In order; `phases[0]` is the phase a subject starts in and has no date. */
  readonly phases: readonly P[];
  /** Phases a person may not move out of backwards (once votes are in, there is no way back to the plans). */
  readonly noWayBackFrom?: readonly P[];
  /**
   * Runs inside the move's transaction, after the track changed; throwing a DomainError refuses the move. (Method
   * syntax on purpose: a machine of named phases then fits where any machine is expected.)
   */
  onEnter?(tx: Tx, move: PhaseMove<P>): Promise<void>;
};

export type PhaseDate<P extends string = string> = { readonly phase: P; readonly startsAt: Date | null };

export type PhaseTrack<P extends string = string> = {
  readonly tenantId: string;
  readonly kind: string;
  readonly subjectId: string;
  readonly phase: P;
  readonly enteredAt: Date;
  /** Every phase after the first, in order, with its start or null. */
  readonly schedule: readonly PhaseDate<P>[];
  readonly nextDueAt: Date | null;
};

export type PhaseMove<P extends string = string> = {
  readonly tenantId: string;
  readonly kind: string;
  readonly subjectId: string;
  readonly from: P;
  readonly to: P;
  readonly at: Date;
  readonly by: "schedule" | "hand";
  readonly actorPersonId: string | null;
};

export type PhaseErrorCode =
  | "phases.invalid-schedule"
  | "phases.moved-meanwhile"
  | "phases.not-adjacent"
  | "phases.no-way-back"
  | "phases.not-found";

export class PhaseError extends DomainError<PhaseErrorCode> {}

export const PHASES_ADVANCE_JOB = "phases.advance";

/** Defines a machine; the phase names become a union type for the instrument's code. */
export function definePhases<const P extends string>(machine: PhaseMachine<P>): PhaseMachine<P> {
  if (new Set(machine.phases).size !== machine.phases.length || machine.phases.length < 2) {
    throw new Error(`phase machine ${machine.kind}: at least two distinct phases`);
  }
  return machine;
}

export function phaseIndex<P extends string>(machine: PhaseMachine<P>, phase: P): number {
  return machine.phases.indexOf(phase);
}

/** Whether the track is in `phase` or past it. */
export function hasReached<P extends string>(machine: PhaseMachine<P>, track: Pick<PhaseTrack<P>, "phase">, phase: P) {
  return phaseIndex(machine, track.phase) >= phaseIndex(machine, phase);
}

/**
 * Checks a schedule against its machine: every phase after the first exactly once and in order, and the dates that
 * are given never earlier than a date before them. Returns the schedule in machine order; throws
 * `phases.invalid-schedule` with the offending phase.
 */
export function checkSchedule<P extends string>(
  machine: PhaseMachine<P>,
  schedule: readonly PhaseDate<P>[],
): PhaseDate<P>[] {
  const later = machine.phases.slice(1);
  if (schedule.length !== later.length || schedule.some((d, i) => d.phase !== later[i])) {
    throw new PhaseError("phases.invalid-schedule", { reason: "phases" });
  }
  let previous: PhaseDate<P> | undefined;
  for (const date of schedule) {
    if (date.startsAt && Number.isNaN(date.startsAt.getTime())) {
      throw new PhaseError("phases.invalid-schedule", { reason: "date", phase: date.phase });
    }
    if (date.startsAt && previous?.startsAt && date.startsAt < previous.startsAt) {
      throw new PhaseError("phases.invalid-schedule", { reason: "order", phase: date.phase });
    }
    if (date.startsAt) previous = date;
  }
  return [...schedule];
}

/** The start of the phase after `phase`, if it has one. */
function nextStart<P extends string>(machine: PhaseMachine<P>, schedule: readonly PhaseDate<P>[], phase: P) {
  const next = machine.phases[phaseIndex(machine, phase) + 1];
  return schedule.find((d) => d.phase === next)?.startsAt ?? null;
}

const tracks = schema.phaseTracks;
type TrackRow = typeof tracks.$inferSelect;

/** A `phase_tracks` row as a track: for a subject's read that joins its track instead of asking for it apart. */
export function toTrack<P extends string>(row: TrackRow): PhaseTrack<P> {
  return {
    tenantId: row.tenantId,
    kind: row.kind,
    subjectId: row.subjectId,
    phase: row.phase as P,
    enteredAt: row.enteredAt,
    schedule: row.schedule.map((d) => ({ phase: d.phase as P, startsAt: d.startsAt ? new Date(d.startsAt) : null })),
    nextDueAt: row.nextDueAt,
  };
}

const stored = <P extends string>(schedule: readonly PhaseDate<P>[]) =>
  schedule.map((d) => ({ phase: d.phase, startsAt: d.startsAt?.toISOString() ?? null }));

export type StartPhasesOptions<P extends string> = {
  tenantId: string;
  subjectId: string;
  schedule: readonly PhaseDate<P>[];
  now: Date;
};

/** Puts a new subject in the machine's first phase with its schedule (call it in the transaction that creates it). */
export async function startPhases<P extends string>(
  tx: Executor,
  machine: PhaseMachine<P>,
  o: StartPhasesOptions<P>,
): Promise<PhaseTrack<P>> {
  const schedule = checkSchedule(machine, o.schedule);
  const first = machine.phases[0]!;
  const [row] = await tx
    .insert(tracks)
    .values({
      tenantId: o.tenantId,
      kind: machine.kind,
      subjectId: o.subjectId,
      phase: first,
      enteredAt: o.now,
      schedule: stored(schedule),
      nextDueAt: nextStart(machine, schedule, first),
    })
    .returning();
  return toTrack(row!);
}

type SubjectRef = { tenantId: string; subjectId: string };

const subjectIs = (machine: PhaseMachine<string>, o: SubjectRef) =>
  and(eq(tracks.tenantId, o.tenantId), eq(tracks.kind, machine.kind), eq(tracks.subjectId, o.subjectId));

export async function findPhaseTrack<P extends string>(
  tx: Executor,
  machine: PhaseMachine<P>,
  o: SubjectRef & { forUpdate?: boolean; lock?: "update" | "share" },
): Promise<PhaseTrack<P> | undefined> {
  const query = tx.select().from(tracks).where(subjectIs(machine, o));
  const lock = o.lock ?? (o.forUpdate ? "update" : undefined);
  const [row] = lock ? await query.for(lock) : await query;
  return row ? toTrack<P>(row) : undefined;
}

async function lockTrack<P extends string>(tx: Executor, machine: PhaseMachine<P>, o: SubjectRef) {
  const track = await findPhaseTrack(tx, machine, { ...o, forUpdate: true });
  if (!track) throw new PhaseError("phases.not-found");
  return track;
}

export type SetPhaseScheduleOptions<P extends string> = SubjectRef & {
  schedule: readonly PhaseDate<P>[];
  actorPersonId: string | null;
};

/**
 * Replaces the dates. A date already past for a phase not yet reached makes that move due at once, which is how
 * staff hand a stopped subject back to the calendar.
 */
export async function setPhaseSchedule<P extends string>(
  tx: Tx,
  machine: PhaseMachine<P>,
  o: SetPhaseScheduleOptions<P>,
): Promise<PhaseTrack<P>> {
  const schedule = checkSchedule(machine, o.schedule);
  const track = await lockTrack(tx, machine, o);
  const [row] = await tx
    .update(tracks)
    .set({ schedule: stored(schedule), nextDueAt: nextStart(machine, schedule, track.phase) })
    .where(subjectIs(machine, o))
    .returning();
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "phases.schedule",
    subject: `${machine.kind}:${o.subjectId}`,
    details: { schedule: stored(schedule) },
  });
  return toTrack(row!);
}

async function enter<P extends string>(
  tx: Tx,
  machine: PhaseMachine<P>,
  track: PhaseTrack<P>,
  to: P,
  move: Omit<PhaseMove<P>, "tenantId" | "kind" | "subjectId" | "from" | "to">,
): Promise<PhaseTrack<P>> {
  const next = nextStart(machine, track.schedule, to);
  // By hand, a next date already past would move the subject straight on: staff took over until they set new dates.
  const nextDueAt = move.by === "hand" && next && next <= move.at ? null : next;
  const [row] = await tx
    .update(tracks)
    .set({ phase: to, enteredAt: move.at, nextDueAt })
    .where(and(subjectIs(machine, track), eq(tracks.phase, track.phase)))
    .returning();
  if (!row) throw new PhaseError("phases.moved-meanwhile");
  const full: PhaseMove<P> = {
    ...move,
    tenantId: track.tenantId,
    kind: machine.kind,
    subjectId: track.subjectId,
    from: track.phase,
    to,
  };
  await recordAudit(tx, {
    tenantId: track.tenantId,
    actorPersonId: move.actorPersonId,
    action: "phases.moved",
    subject: `${machine.kind}:${track.subjectId}`,
    details: { from: track.phase, to, by: move.by },
  });
  await machine.onEnter?.(tx, full);
  return toTrack(row);
}

export type MovePhaseOptions<P extends string> = SubjectRef & {
  /** The phase the person saw; a move made meanwhile (by the queue or a colleague) refuses this one. */
  from: P;
  to: P;
  actorPersonId: string | null;
  now: Date;
};

/** A person moves the subject one phase forward or back, under the track's row lock, with an audit row. */
export async function movePhase<P extends string>(
  tx: Tx,
  machine: PhaseMachine<P>,
  o: MovePhaseOptions<P>,
): Promise<PhaseTrack<P>> {
  const track = await lockTrack(tx, machine, o);
  if (track.phase !== o.from) throw new PhaseError("phases.moved-meanwhile", { phase: track.phase });
  const step = phaseIndex(machine, o.to) - phaseIndex(machine, o.from);
  if (phaseIndex(machine, o.to) < 0 || Math.abs(step) !== 1) {
    throw new PhaseError("phases.not-adjacent", { from: o.from, to: o.to });
  }
  if (step < 0 && machine.noWayBackFrom?.includes(o.from)) {
    throw new PhaseError("phases.no-way-back", { phase: o.from });
  }
  return enter(tx, machine, track, o.to, { at: o.now, by: "hand", actorPersonId: o.actorPersonId });
}

/**
 * Moves one subject through every phase whose date has come, one step at a time, so each phase's `onEnter` runs.
 * Under the row lock, so a concurrent run or a person's move is decided one after the other. Returns the moves made.
 */
export async function advanceDuePhases<P extends string>(
  tx: Tx,
  machine: PhaseMachine<P>,
  o: SubjectRef & { now: Date },
): Promise<PhaseMove<P>[]> {
  const moves: PhaseMove<P>[] = [];
  let track = await lockTrack(tx, machine, o);
  while (track.nextDueAt && track.nextDueAt <= o.now) {
    const to = machine.phases[phaseIndex(machine, track.phase) + 1]!;
    const from = track.phase;
    track = await enter(tx, machine, track, to, { at: o.now, by: "schedule", actorPersonId: null });
    moves.push({
      tenantId: o.tenantId,
      kind: machine.kind,
      subjectId: o.subjectId,
      from,
      to,
      at: o.now,
      by: "schedule",
      actorPersonId: null,
    });
  }
  return moves;
}

/** Subjects of these kinds with a move due at `now`, across tenants (the queue's scan; platform transaction). */
export function listDuePhaseTracks(tx: Executor, o: { kinds: readonly string[]; now: Date; limit?: number }) {
  return tx
    .select({ tenantId: tracks.tenantId, kind: tracks.kind, subjectId: tracks.subjectId })
    .from(tracks)
    .where(and(isNotNull(tracks.nextDueAt), lte(tracks.nextDueAt, o.now)))
    .orderBy(asc(tracks.nextDueAt))
    .limit(o.limit ?? 500)
    .then((rows) => rows.filter((r) => o.kinds.includes(r.kind)));
}

/**
 * The queue's side: a recurring job that moves every due subject, each in its own tenant transaction, so one
 * subject's failure (an `onEnter` that throws) neither blocks nor undoes the others; it is retried at the next run.
 */
export function phaseJobHandlers(o: { machines: readonly PhaseMachine<string>[] }) {
  const byKind = new Map(o.machines.map((m) => [m.kind, m]));
  return {
    // The worker's clock and database: each due subject moves in its own tenant's transaction.
    [PHASES_ADVANCE_JOB]: async (_payload: unknown, _job: unknown, { now, db }: { now: Date; db: Database }) => {
      const due = await withPlatform(db, (tx) => listDuePhaseTracks(tx, { kinds: [...byKind.keys()], now }));
      const failures: unknown[] = [];
      for (const subject of due) {
        const machine = byKind.get(subject.kind)!;
        await withTenant(db, { tenantId: subject.tenantId }, (tx) =>
          advanceDuePhases(tx, machine, { ...subject, now }),
        ).catch((error: unknown) => failures.push(error));
      }
      if (failures.length > 0) throw new AggregateError(failures, `${failures.length} phase move(s) failed`);
    },
  };
}
