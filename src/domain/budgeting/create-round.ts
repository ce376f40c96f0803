import { and, eq } from "drizzle-orm";
import { postgresCode, schema, type Tx } from "../../db/index.ts";
import { insertOnce, type PhaseDate, recordAudit, startPhases } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { checkAreas, type RoundAreaInput } from "./round-areas.ts";
import { type RoundPhase, roundPhases } from "./round-phases.ts";
import { checkRules, type RoundRules, rulesToColumns } from "./rules.ts";

export type CreateRoundOptions = {
  tenantId: string;
  actorPersonId: string | null;
  slug: string;
  title: string;
  body: string;
  rules: RoundRules;
  areas: readonly RoundAreaInput[];
  schedule: readonly PhaseDate<RoundPhase>[];
  idempotencyKey: string | null;
  now: Date;
};

/** A new round in preparation, with its areas, rules and dated phases; a repeated submit returns the first round. */
export async function createRound(tx: Tx, o: CreateRoundOptions): Promise<{ id: string; slug: string }> {
  const rules = checkRules(o.rules);
  const areas = checkAreas(o.areas);
  try {
    const { row, created } = await insertOnce(
      () =>
        tx
          .insert(schema.pbRounds)
          .values({
            tenantId: o.tenantId,
            slug: o.slug,
            title: o.title,
            body: o.body,
            ...rulesToColumns(rules),
            idempotencyKey: o.idempotencyKey,
            createdAt: o.now,
          })
          .onConflictDoNothing({ target: [schema.pbRounds.tenantId, schema.pbRounds.idempotencyKey] })
          .returning({ id: schema.pbRounds.id, slug: schema.pbRounds.slug }),
      () =>
        tx
          .select({ id: schema.pbRounds.id, slug: schema.pbRounds.slug })
          .from(schema.pbRounds)
          .where(
            and(eq(schema.pbRounds.tenantId, o.tenantId), eq(schema.pbRounds.idempotencyKey, o.idempotencyKey ?? "")),
          ),
    );
    if (!created) return row;
    await tx
      .insert(schema.pbRoundAreas)
      .values(areas.map((area, position) => ({ tenantId: o.tenantId, roundId: row.id, ...area, position })));
    await startPhases(tx, roundPhases, { tenantId: o.tenantId, subjectId: row.id, schedule: o.schedule, now: o.now });
    await recordAudit(tx, {
      tenantId: o.tenantId,
      actorPersonId: o.actorPersonId,
      action: "budgeting.round.create",
      subject: o.title,
      details: { roundId: row.id },
    });
    return row;
  } catch (error) {
    if (postgresCode(error) === "23505") throw new BudgetingError("budgeting.slug-taken", { slug: o.slug });
    throw error;
  }
}
