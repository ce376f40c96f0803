import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "./audit.ts";
import { DomainError } from "./errors.ts";
import { calendarWith, DECREE_BRIDGE_DAYS, isDayOff, nationalCalendar, type TermCalendar } from "./terms.ts";

export type TermsErrorCode = "terms.already-a-day-off" | "terms.day-off-not-found";
export class TermsError extends DomainError<TermsErrorCode> {}

export type DayOff = { on: string; reason: string; source: "decree" | "municipality" };

/** The calendar a municipality's terms count with: the national one plus the days its staff added. */
export async function termCalendarOf(tx: Executor, o: { tenantId: string }): Promise<TermCalendar> {
  const rows = await tx
    .select({ on: schema.termDaysOff.on })
    .from(schema.termDaysOff)
    .where(eq(schema.termDaysOff.tenantId, o.tenantId));
  return calendarWith(rows.map((row) => row.on));
}

/** The decree's bridge days and the municipality's own days off, by date. */
export async function listDaysOff(tx: Executor, o: { tenantId: string }): Promise<DayOff[]> {
  const own = await tx
    .select({ on: schema.termDaysOff.on, reason: schema.termDaysOff.reason })
    .from(schema.termDaysOff)
    .where(eq(schema.termDaysOff.tenantId, o.tenantId))
    .orderBy(asc(schema.termDaysOff.on));
  const decree = DECREE_BRIDGE_DAYS.map((on) => ({ on, reason: "", source: "decree" as const }));
  return [...decree, ...own.map((row) => ({ ...row, source: "municipality" as const }))].sort((a, b) =>
    a.on.localeCompare(b.on),
  );
}

export type AddDayOffOptions = {
  tenantId: string;
  on: string;
  reason: string;
  actorPersonId: string | null;
  now: Date;
};

/**
 * Equates a day with the holidays for this municipality's terms from now on. A deadline already fixed does not
 * move. A day that is already off (a weekend, a legal holiday, a decree day, or added before) is refused: adding it
 * would change nothing.
 */
export async function addDayOff(tx: Tx, o: AddDayOffOptions): Promise<void> {
  if (isDayOff(o.on, nationalCalendar)) throw new TermsError("terms.already-a-day-off", { on: o.on });
  const added = await tx
    .insert(schema.termDaysOff)
    .values({ tenantId: o.tenantId, on: o.on, reason: o.reason, createdById: o.actorPersonId, createdAt: o.now })
    .onConflictDoNothing()
    .returning({ on: schema.termDaysOff.on });
  if (added.length === 0) throw new TermsError("terms.already-a-day-off", { on: o.on });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "terms.day-off-added",
    details: { on: o.on, reason: o.reason },
  });
}

export async function removeDayOff(
  tx: Tx,
  o: { tenantId: string; on: string; actorPersonId: string | null },
): Promise<void> {
  const removed = await tx
    .delete(schema.termDaysOff)
    .where(and(eq(schema.termDaysOff.tenantId, o.tenantId), eq(schema.termDaysOff.on, o.on)))
    .returning({ on: schema.termDaysOff.on });
  if (removed.length === 0) throw new TermsError("terms.day-off-not-found", { on: o.on });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "terms.day-off-removed",
    details: { on: o.on },
  });
}
