import { and, eq } from "drizzle-orm";
import { postgresCode, schema, type Tx } from "../../db/index.ts";
import { insertOnce, type PhaseDate, recordAudit, startPhases } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { checkAreas, type RoundAreaInput, requireOwnAreas } from "./round-areas.ts";
import { type RoundPhase, roundPhases } from "./round-phases.ts";
import { checkRules, DEFAULT_ELIGIBILITY, type Eligibility, type RoundRules, rulesToColumns } from "./rules.ts";

export type CreateRoundOptions = {
  tenantId: string;
  actorPersonId: string | null;
  slug: string;
  title: string;
  body: string;
  rules: RoundRules;
  /** Who may vote and how they identify; default: residents of the area, with a postal voting code. */
  eligibility?: Eligibility;
  /** The operator command's import: the Pabulib file the round came from. */
  importedFrom?: string | null;
  areas: readonly RoundAreaInput[];
  schedule: readonly PhaseDate<RoundPhase>[];
  idempotencyKey: string | null;
  now: Date;
};

/** A new round in preparation, with its areas, rules and dated phases; a repeated submit returns the first round. */
export async function createRound(tx: Tx, o: CreateRoundOptions): Promise<{ id: string; slug: string }> {
  const rules = checkRules(o.rules);
  const areas = checkAreas(o.areas);
  await requireOwnAreas(tx, { tenantId: o.tenantId, areas });
  const eligibility = o.eligibility ?? DEFAULT_ELIGIBILITY;
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
            residentsOnly: eligibility.residentsOnly,
            identification: eligibility.identification,
            importedFrom: o.importedFrom ?? null,
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
    await tx.insert(schema.pbRoundAreas).values(
      areas.map((area, position) => ({
        tenantId: o.tenantId,
        roundId: row.id,
        areaId: area.areaId ?? null,
        name: area.name,
        budgetEuros: area.budgetEuros,
        position,
      })),
    );
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
