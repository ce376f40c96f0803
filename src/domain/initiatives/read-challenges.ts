import { and, asc, desc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { isLate } from "../shared/index.ts";
import type { ChallengeStatus } from "./challenge-steps.ts";
import { InitiativesError } from "./errors.ts";

const table = schema.challenges;
const areaJoin = and(eq(schema.areas.tenantId, table.tenantId), eq(schema.areas.id, table.areaId));

export type Challenge = typeof schema.challenges.$inferSelect & { areaName: string | null; late: boolean };

/** Every request, for staff: open ones first, by decision date; late ones are flagged. */
export async function listChallenges(tx: Executor, o: { tenantId: string; now: Date }): Promise<Challenge[]> {
  const rows = await tx
    .select({ challenge: table, areaName: schema.areas.name })
    .from(table)
    .leftJoin(schema.areas, areaJoin)
    .where(eq(table.tenantId, o.tenantId))
    .orderBy(asc(table.decisionDueOn), asc(table.reference));
  return rows.map(({ challenge, areaName }) => withLate(challenge, areaName, o.now));
}

function withLate(challenge: typeof schema.challenges.$inferSelect, areaName: string | null, now: Date): Challenge {
  const decidedAt = challenge.decidedOn ? new Date(`${challenge.decidedOn}T12:00:00Z`) : null;
  return { ...challenge, areaName, late: isLate({ dueOn: challenge.decisionDueOn, doneAt: decidedAt, now }) };
}

export async function getChallenge(
  tx: Executor,
  o: { tenantId: string; challengeId: string; now: Date },
): Promise<Challenge> {
  const [row] = await tx
    .select({ challenge: table, areaName: schema.areas.name })
    .from(table)
    .leftJoin(schema.areas, areaJoin)
    .where(and(eq(table.tenantId, o.tenantId), eq(table.id, o.challengeId)));
  if (!row) throw new InitiativesError("initiatives.challenge-not-found");
  return withLate(row.challenge, row.areaName, o.now);
}

/**
 * The public register of uitdaagrecht requests and outcomes: the task, who asked in general terms (residents, or an
 * organisation's name), the budget asked, the dates and the decision with its reasons. Never a person's name or
 * address: the columns are chosen here.
 */
export type ChallengeRegisterItem = {
  reference: string;
  task: string;
  requester: "residents" | "organisation";
  organisation: string | null;
  area: { code: string; name: string } | null;
  budgetCents: number;
  status: ChallengeStatus;
  submittedOn: string;
  /** The last day of the term; moved when `extended`. */
  decisionDueOn: string;
  extended: boolean;
  decidedOn: string | null;
  decisionReason: string | null;
};

export async function listChallengeRegister(tx: Executor, o: { tenantId: string }): Promise<ChallengeRegisterItem[]> {
  const rows = await tx
    .select({
      reference: table.reference,
      task: table.task,
      requester: table.requester,
      organisation: table.organisation,
      areaCode: schema.areas.code,
      areaName: schema.areas.name,
      budgetCents: table.budgetCents,
      status: table.status,
      submittedOn: table.submittedOn,
      decisionDueOn: table.decisionDueOn,
      extendedAt: table.extendedAt,
      decidedOn: table.decidedOn,
      decisionReason: table.decisionReason,
    })
    .from(table)
    .leftJoin(schema.areas, areaJoin)
    .where(eq(table.tenantId, o.tenantId))
    .orderBy(desc(table.submittedOn), desc(table.reference));
  return rows.map(({ areaCode, areaName, decisionReason, extendedAt, ...row }) => ({
    ...row,
    extended: extendedAt !== null,
    area: areaCode && areaName ? { code: areaCode, name: areaName } : null,
    decisionReason: row.decidedOn ? decisionReason : null,
  }));
}
