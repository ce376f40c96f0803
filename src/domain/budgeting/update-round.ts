import { and, eq, inArray, notInArray } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { hasReached, recordAudit } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { getRound } from "./get-round.ts";
import { checkAreas, type RoundAreaInput, requireOwnAreas } from "./round-areas.ts";
import { roundPhases } from "./round-phases.ts";
import {
  checkRules,
  IDENTIFICATION_METHODS,
  type IdentificationMethod,
  type RoundRules,
  rulesToColumns,
} from "./rules.ts";

export type UpdateRoundOptions = {
  tenantId: string;
  roundId: string;
  actorPersonId: string;
  title: string;
  body: string;
  rules: RoundRules;
  /** Existing areas keep their id (and their plans); an area left out is removed if it has no plans. */
  areas: readonly (RoundAreaInput & { id?: string })[];
};

/**
 * Changes a round's text, rules and areas. Under the round's row lock, and only before voting opens: after that the
 * domain refuses and the database's trigger would too.
 */
export async function updateRound(tx: Tx, o: UpdateRoundOptions): Promise<void> {
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId, forUpdate: true });
  const rules = checkRules(o.rules);
  const areas = checkAreas(o.areas);
  await requireOwnAreas(tx, { tenantId: o.tenantId, areas });
  if (round.rulesFixedAt || hasReached(roundPhases, round.track, "voting")) {
    throw new BudgetingError("budgeting.rules-fixed");
  }
  await tx
    .update(schema.pbRounds)
    .set({ title: o.title, body: o.body, ...rulesToColumns(rules) })
    .where(and(eq(schema.pbRounds.tenantId, o.tenantId), eq(schema.pbRounds.id, o.roundId)));
  const keep = o.areas.flatMap((a) => (a.id ? [a.id] : []));
  const inRound = and(eq(schema.pbRoundAreas.tenantId, o.tenantId), eq(schema.pbRoundAreas.roundId, o.roundId));
  const removed = await tx
    .select({ id: schema.pbRoundAreas.id })
    .from(schema.pbRoundAreas)
    .where(and(inRound, keep.length ? notInArray(schema.pbRoundAreas.id, keep) : undefined));
  if (removed.length > 0) {
    const [withPlans] = await tx
      .select({ id: schema.pbPlans.id })
      .from(schema.pbPlans)
      .where(
        inArray(
          schema.pbPlans.roundAreaId,
          removed.map((r) => r.id),
        ),
      )
      .limit(1);
    if (withPlans) throw new BudgetingError("budgeting.invalid-rules", { reason: "area-has-plans" });
    await tx.delete(schema.pbRoundAreas).where(
      and(
        inRound,
        inArray(
          schema.pbRoundAreas.id,
          removed.map((r) => r.id),
        ),
      ),
    );
  }
  // Names and linked areas are unique per round: park the kept ones first, so two areas can swap names in one save.
  for (const area of o.areas) {
    if (area.id) {
      await tx
        .update(schema.pbRoundAreas)
        .set({ name: `${area.id}:renaming`, areaId: null })
        .where(and(inRound, eq(schema.pbRoundAreas.id, area.id)));
    }
  }
  for (const [position, area] of areas.entries()) {
    const id = o.areas[position]!.id;
    if (id) {
      const [updated] = await tx
        .update(schema.pbRoundAreas)
        .set({ areaId: area.areaId ?? null, name: area.name, budgetEuros: area.budgetEuros, position })
        .where(and(inRound, eq(schema.pbRoundAreas.id, id)))
        .returning({ id: schema.pbRoundAreas.id });
      if (!updated) throw new BudgetingError("budgeting.area-not-found");
    } else {
      await tx.insert(schema.pbRoundAreas).values({
        tenantId: o.tenantId,
        roundId: o.roundId,
        areaId: area.areaId ?? null,
        name: area.name,
        budgetEuros: area.budgetEuros,
        position,
      });
    }
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "budgeting.round.update",
    subject: o.title,
    details: { roundId: o.roundId, rules: rulesToColumns(rules) },
  });
}

/**
 * Changes how a round's voters identify. Under the round's row lock and only before voting opens, like the other
 * rules: voters who already hold a pass or code must not find it worthless, and the register's keys must not mix.
 */
export async function changeIdentification(
  tx: Tx,
  o: { tenantId: string; roundId: string; actorPersonId: string; identification: IdentificationMethod },
): Promise<void> {
  if (!IDENTIFICATION_METHODS.includes(o.identification)) {
    throw new BudgetingError("budgeting.invalid-rules", { reason: "identification" });
  }
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId, forUpdate: true });
  if (round.rulesFixedAt || hasReached(roundPhases, round.track, "voting")) {
    throw new BudgetingError("budgeting.rules-fixed");
  }
  if (round.eligibility.identification === o.identification) return;
  await tx
    .update(schema.pbRounds)
    .set({ identification: o.identification })
    .where(and(eq(schema.pbRounds.tenantId, o.tenantId), eq(schema.pbRounds.id, o.roundId)));
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "budgeting.round.identification",
    subject: round.title,
    details: { roundId: o.roundId, from: round.eligibility.identification, to: o.identification },
  });
}
