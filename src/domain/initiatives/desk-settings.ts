import { eq, sql } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { findArea } from "../areas/index.ts";
import { dutchDateOf, recordAudit, type TermCalendar, termCalendarOf } from "../shared/index.ts";
import { InitiativesError } from "./errors.ts";

export type DeskSettings = { assignWorkingDays: number; challengeDecisionWeeks: number };

const settings = schema.initiativeSettings;

/** The municipality's terms; the defaults (5 working days, 8 weeks) until staff set their own. */
export async function getDeskSettings(tx: Tx, o: { tenantId: string }): Promise<DeskSettings> {
  const [row] = await tx
    .select({ assignWorkingDays: settings.assignWorkingDays, challengeDecisionWeeks: settings.challengeDecisionWeeks })
    .from(settings)
    .where(eq(settings.tenantId, o.tenantId));
  return row ?? { assignWorkingDays: 5, challengeDecisionWeeks: 8 };
}

export type SetDeskSettingsOptions = DeskSettings & { tenantId: string; actorPersonId: string; now: Date };

/** Staff set the terms. A new term counts for what comes in from now on; what is in keeps the date it was given. */
export async function setDeskSettings(tx: Tx, o: SetDeskSettingsOptions): Promise<void> {
  const { assignWorkingDays, challengeDecisionWeeks } = o;
  if (!Number.isInteger(assignWorkingDays) || assignWorkingDays < 1 || assignWorkingDays > 60) {
    throw new InitiativesError("initiatives.term-invalid", { field: "assignWorkingDays" });
  }
  if (!Number.isInteger(challengeDecisionWeeks) || challengeDecisionWeeks < 1 || challengeDecisionWeeks > 52) {
    throw new InitiativesError("initiatives.term-invalid", { field: "challengeDecisionWeeks" });
  }
  await tx
    .insert(settings)
    .values({ tenantId: o.tenantId, assignWorkingDays, challengeDecisionWeeks, updatedAt: o.now })
    .onConflictDoUpdate({
      target: settings.tenantId,
      set: { assignWorkingDays, challengeDecisionWeeks, updatedAt: o.now },
    });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "initiatives.settings",
    details: { assignWorkingDays, challengeDecisionWeeks },
  });
}

/**
 * The next reference of a kind (`INI-2026-0001`, `UDR-2026-0001`) with the terms that apply, under the settings row's
 * lock: two submissions at once are numbered one after the other. The numbers start again each year.
 */
export async function takeReference(
  tx: Tx,
  o: { tenantId: string; kind: "initiative" | "challenge"; year: number; now: Date },
): Promise<{ reference: string; settings: DeskSettings }> {
  await tx.insert(settings).values({ tenantId: o.tenantId, updatedAt: o.now }).onConflictDoNothing();
  const counter = o.kind === "initiative" ? settings.lastInitiativeNumber : settings.lastChallengeNumber;
  const other = o.kind === "initiative" ? settings.lastChallengeNumber : settings.lastInitiativeNumber;
  const [row] = await tx
    .update(settings)
    .set({
      lastNumberYear: o.year,
      [o.kind === "initiative" ? "lastInitiativeNumber" : "lastChallengeNumber"]:
        sql`case when ${settings.lastNumberYear} = ${o.year} then ${counter} + 1 else 1 end`,
      [o.kind === "initiative" ? "lastChallengeNumber" : "lastInitiativeNumber"]:
        sql`case when ${settings.lastNumberYear} = ${o.year} then ${other} else 0 end`,
    })
    .where(eq(settings.tenantId, o.tenantId))
    .returning({
      number: counter,
      assignWorkingDays: settings.assignWorkingDays,
      challengeDecisionWeeks: settings.challengeDecisionWeeks,
    });
  if (!row) throw new Error("takeReference: the settings row is missing");
  const prefix = o.kind === "initiative" ? "INI" : "UDR";
  return {
    reference: `${prefix}-${o.year}-${String(row.number).padStart(4, "0")}`,
    settings: { assignWorkingDays: row.assignWorkingDays, challengeDecisionWeeks: row.challengeDecisionWeeks },
  };
}

/**
 * What a new initiative or request starts with: its area checked against the municipality, its Dutch date, the
 * next reference with the terms that apply to it, and the municipality's calendar (its own days off) to count them.
 */
export async function openSubmission(
  tx: Tx,
  o: { tenantId: string; areaId: string | null; kind: "initiative" | "challenge"; now: Date },
): Promise<{ submittedOn: string; reference: string; settings: DeskSettings; calendar: TermCalendar }> {
  if (o.areaId !== null && !(await findArea(tx, { tenantId: o.tenantId, areaId: o.areaId }))) {
    throw new InitiativesError("initiatives.area-not-found");
  }
  const submittedOn = dutchDateOf(o.now);
  const year = Number(submittedOn.slice(0, 4));
  const calendar = await termCalendarOf(tx, { tenantId: o.tenantId });
  return {
    submittedOn,
    calendar,
    ...(await takeReference(tx, { tenantId: o.tenantId, kind: o.kind, year, now: o.now })),
  };
}
