import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { recordAudit } from "../shared/index.ts";
import { type LadderLevel, levelRank } from "./ladder.ts";

export type ParticipationRule = Omit<typeof schema.participationRules.$inferSelect, "tenantId">;

/** The municipality's ordinance rules, by label. */
export function listParticipationRules(tx: Executor, o: { tenantId: string }): Promise<ParticipationRule[]> {
  const r = schema.participationRules;
  return tx
    .select({
      id: r.id,
      decisionKind: r.decisionKind,
      label: r.label,
      needsPlan: r.needsPlan,
      minimumLevel: r.minimumLevel,
    })
    .from(r)
    .where(eq(r.tenantId, o.tenantId))
    .orderBy(asc(r.label));
}

export type SetParticipationRuleOptions = {
  tenantId: string;
  decisionKind: string;
  label: string;
  needsPlan: boolean;
  minimumLevel: LadderLevel;
  actorPersonId: string | null;
};

/** Records (or changes) one rule of the ordinance: one per kind of decision. */
export async function setParticipationRule(tx: Tx, o: SetParticipationRuleOptions): Promise<void> {
  const r = schema.participationRules;
  const values = { label: o.label, needsPlan: o.needsPlan, minimumLevel: o.minimumLevel };
  await tx
    .insert(r)
    .values({ tenantId: o.tenantId, decisionKind: o.decisionKind, ...values })
    .onConflictDoUpdate({ target: [r.tenantId, r.decisionKind], set: values });
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "processes.rule-set",
    subject: o.decisionKind,
    details: values,
  });
}

export type OrdinanceFlag =
  | { kind: "below-minimum"; rule: string; minimum: LadderLevel; highest: LadderLevel | null }
  | { kind: "no-moments"; rule: string };

/**
 * Checks a process against the rule for its kind of decision: the highest level any of its phases reaches must be
 * at least the rule's minimum, and a decision that needs a participation plan needs at least one moment of
 * influence. No rule for the kind, no flags.
 */
export function checkOrdinance(
  process: { decisionKind: string | null; phases: readonly { level: LadderLevel; moments: readonly unknown[] }[] },
  rules: readonly ParticipationRule[],
): OrdinanceFlag[] {
  const rule = rules.find((r) => r.decisionKind === process.decisionKind);
  if (!rule) return [];
  const flags: OrdinanceFlag[] = [];
  const highest = process.phases.reduce<LadderLevel | null>(
    (top, phase) => (top === null || levelRank(phase.level) > levelRank(top) ? phase.level : top),
    null,
  );
  if (highest === null || levelRank(highest) < levelRank(rule.minimumLevel)) {
    flags.push({ kind: "below-minimum", rule: rule.label, minimum: rule.minimumLevel, highest });
  }
  if (rule.needsPlan && process.phases.every((phase) => phase.moments.length === 0)) {
    flags.push({ kind: "no-moments", rule: rule.label });
  }
  return flags;
}

export async function findOrdinanceFlags(
  tx: Executor,
  tenantId: string,
  process: Parameters<typeof checkOrdinance>[0],
): Promise<OrdinanceFlag[]> {
  const r = schema.participationRules;
  const rules = await tx
    .select()
    .from(r)
    .where(and(eq(r.tenantId, tenantId)));
  return checkOrdinance(process, rules);
}
