import { sql } from "drizzle-orm";
import { schema, type Tx } from "../../../db/index.ts";
import { recordAudit } from "../../shared/index.ts";
import { InitiativesError } from "../errors.ts";
import { lockApplication } from "./lock-application.ts";

export type Assessment = typeof schema.fundAssessments.$inferSelect;

export type AssessApplicationOptions = {
  tenantId: string;
  applicationId: string;
  assessorId: string;
  /** The assessor's declaration: a conflict of interest means no scores, now or later. */
  declaration: { conflict: true; note: string } | { conflict: false; scores: Record<string, number>; remarks: string };
  now: Date;
};

/**
 * An assessor (staff or a committee member) declares any conflict of interest and, without one, scores each of the
 * fund's criteria from 1 to 5. Scoring again replaces the scores; the update is conditional on no declared conflict,
 * so a conflicted assessor is refused even by a form sent at the same moment (and the table's check refuses scores
 * next to a conflict).
 */
export async function assessApplication(tx: Tx, o: AssessApplicationOptions): Promise<Assessment> {
  const { application, fund } = await lockApplication(tx, o);
  if (application.status !== "in-assessment") throw new InitiativesError("initiatives.fund-not-in-assessment");
  const { fundAssessments: assessments } = schema;
  const key = { tenantId: o.tenantId, applicationId: application.id, assessorId: o.assessorId, assessedAt: o.now };
  const target = [assessments.tenantId, assessments.applicationId, assessments.assessorId];
  let saved: Assessment | undefined;
  if (o.declaration.conflict) {
    const note = o.declaration.note.trim() || null;
    [saved] = await tx
      .insert(assessments)
      .values({ ...key, conflict: true, conflictNote: note, scores: null, remarks: null })
      .onConflictDoUpdate({
        target,
        set: { conflict: true, conflictNote: note, scores: null, remarks: null, assessedAt: o.now },
      })
      .returning();
  } else {
    const { scores } = o.declaration;
    const valid =
      Object.keys(scores).length === fund.criteria.length &&
      fund.criteria.every((c) => Number.isInteger(scores[c]) && scores[c]! >= 1 && scores[c]! <= 5);
    if (!valid) throw new InitiativesError("initiatives.fund-scores-invalid");
    const ordered = Object.fromEntries(fund.criteria.map((c) => [c, scores[c]!]));
    const remarks = o.declaration.remarks.trim() || null;
    [saved] = await tx
      .insert(assessments)
      .values({ ...key, conflict: false, scores: ordered, remarks })
      .onConflictDoUpdate({
        target,
        set: { scores: ordered, remarks, assessedAt: o.now },
        setWhere: sql`${assessments.conflict} = false`,
      })
      .returning();
    if (!saved) throw new InitiativesError("initiatives.fund-assessor-conflicted");
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.assessorId,
    action: o.declaration.conflict ? "initiatives.fund-conflict-declared" : "initiatives.fund-assessed",
    subject: application.id,
  });
  return saved!;
}
