import { and, asc, count, eq, sql } from "drizzle-orm";
import { type Executor, schema, type Tx } from "../../db/index.ts";
import { hasReached, recordAudit } from "../shared/index.ts";
import { BudgetingError } from "./errors.ts";
import { getRound } from "./get-round.ts";
import { roundPhases } from "./round-phases.ts";
import { deriveVotingCode, formatCode, hashCode } from "./voting-codes.ts";

/** Letters per PDF file: a printing house takes a batch of 100,000 as 100 files rather than one of several GB. */
export const LETTERS_PER_FILE = 1000;

export type CreateCodeBatchOptions = {
  tenantId: string;
  roundId: string;
  roundAreaId: string;
  size: number;
  key: string;
  actorPersonId: string | null;
  now: Date;
  /** Seeds pass a fixed id so their codes are the same on every machine with the same key. */
  batchId?: string;
};

/** Staff make a batch of postal voting codes for one area, before voting closes. Only the hashes are stored. */
export async function createCodeBatch(tx: Tx, o: CreateCodeBatchOptions): Promise<{ batchId: string }> {
  const round = await getRound(tx, { tenantId: o.tenantId, id: o.roundId, forUpdate: true });
  if (hasReached(roundPhases, round.track, "counting")) throw new BudgetingError("budgeting.voting-closed");
  if (!round.areas.some((a) => a.id === o.roundAreaId)) throw new BudgetingError("budgeting.area-not-found");
  if (!Number.isInteger(o.size) || o.size < 1 || o.size > 100_000) {
    throw new BudgetingError("budgeting.invalid-rules", { reason: "batch-size" });
  }
  const [batch] = await tx
    .insert(schema.pbCodeBatches)
    .values({
      ...(o.batchId ? { id: o.batchId } : {}),
      tenantId: o.tenantId,
      roundId: o.roundId,
      roundAreaId: o.roundAreaId,
      size: o.size,
      createdBy: o.actorPersonId,
      createdAt: o.now,
    })
    .returning({ id: schema.pbCodeBatches.id });
  const batchId = batch!.id;
  for (let start = 0; start < o.size; start += 1000) {
    const rows = [];
    for (let position = start; position < Math.min(o.size, start + 1000); position++) {
      const codeHash = hashCode(o.key, "code", deriveVotingCode(o.key, batchId, position));
      rows.push({ tenantId: o.tenantId, roundId: o.roundId, roundAreaId: o.roundAreaId, batchId, codeHash });
    }
    await tx.insert(schema.pbVotingCodes).values(rows);
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "budgeting.codes.create",
    subject: round.title,
    details: { batchId, size: o.size, roundAreaId: o.roundAreaId },
  });
  return { batchId };
}

/** A batch as staff see it; `letterFiles`: how many PDF files its letters come in. */
export type CodeBatch = {
  id: string;
  areaName: string;
  size: number;
  createdAt: Date;
  used: number;
  letterFiles: number;
};

export async function listCodeBatches(tx: Executor, o: { tenantId: string; roundId: string }): Promise<CodeBatch[]> {
  const b = schema.pbCodeBatches;
  const batches = await tx
    .select({ id: b.id, areaName: schema.pbRoundAreas.name, size: b.size, createdAt: b.createdAt })
    .from(b)
    .innerJoin(schema.pbRoundAreas, eq(schema.pbRoundAreas.id, b.roundAreaId))
    .where(and(eq(b.tenantId, o.tenantId), eq(b.roundId, o.roundId)))
    .orderBy(asc(b.createdAt));
  // How many codes of each batch have voted: the register names code ids, never ballots.
  const used = await tx
    .select({ batchId: schema.pbVotingCodes.batchId, used: count() })
    .from(schema.pbVoterRegister)
    .innerJoin(
      schema.pbVotingCodes,
      sql`${schema.pbVoterRegister.voterKey} = 'code:' || ${schema.pbVotingCodes.id}::text`,
    )
    .where(and(eq(schema.pbVoterRegister.tenantId, o.tenantId), eq(schema.pbVoterRegister.roundId, o.roundId)))
    .groupBy(schema.pbVotingCodes.batchId);
  const usedBy = new Map(used.map((u) => [u.batchId, u.used]));
  return batches.map((batch) => ({
    ...batch,
    used: usedBy.get(batch.id) ?? 0,
    letterFiles: Math.ceil(batch.size / LETTERS_PER_FILE),
  }));
}

/**
 * The codes of a batch, derived again from the key, for the CSV or the letters; every download is audited with its
 * format (and, for letters, which ones). The codes come out in batch order and never say which have voted: that
 * would name the addresses that voted. `part` (1-based) asks for one file of `LETTERS_PER_FILE` letters.
 */
export async function revealCodeBatch(
  tx: Tx,
  o: {
    tenantId: string;
    roundId: string;
    batchId: string;
    key: string;
    actorPersonId: string;
    format: "csv" | "pdf";
    part?: number;
  },
): Promise<{ roundAreaId: string; areaName: string; size: number; first: number; codes: string[] }> {
  const b = schema.pbCodeBatches;
  const [batch] = await tx
    .select({ size: b.size, roundAreaId: b.roundAreaId, areaName: schema.pbRoundAreas.name })
    .from(b)
    .innerJoin(schema.pbRoundAreas, eq(schema.pbRoundAreas.id, b.roundAreaId))
    .where(and(eq(b.tenantId, o.tenantId), eq(b.roundId, o.roundId), eq(b.id, o.batchId)));
  if (!batch) throw new BudgetingError("budgeting.round-not-found");
  const first = o.part === undefined ? 0 : (o.part - 1) * LETTERS_PER_FILE;
  const end = o.part === undefined ? batch.size : Math.min(batch.size, first + LETTERS_PER_FILE);
  if (!Number.isInteger(first) || first < 0 || first >= batch.size) {
    throw new BudgetingError("budgeting.round-not-found");
  }
  await recordAudit(tx, {
    tenantId: o.tenantId,
    actorPersonId: o.actorPersonId,
    action: "budgeting.codes.download",
    subject: batch.areaName,
    details: {
      batchId: o.batchId,
      format: o.format,
      size: batch.size,
      ...(o.part === undefined ? {} : { letters: `${first + 1}-${end}` }),
    },
  });
  const codes = Array.from({ length: end - first }, (_, i) =>
    formatCode(deriveVotingCode(o.key, o.batchId, first + i)),
  );
  return { roundAreaId: batch.roundAreaId, areaName: batch.areaName, size: batch.size, first, codes };
}
