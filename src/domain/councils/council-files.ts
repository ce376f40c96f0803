import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { AREA_BUDGET } from "../area-budgets/index.ts";
import { type AdviceFileSide, isSidePublic } from "./advice-states.ts";
import { isUuid } from "./lock-council.ts";
import { termRunsOn } from "./read-councils.ts";

/**
 * Whether a person holds a seat today on a council that owns this internal file: a receipt or decision on the budget
 * ledger of one of the council's areas, or a file of the council's advice (not removed). It is how every member
 * opens their council's files, with or without the `council-member` role; another council's member, an ex-member
 * and a visitor get nothing. Meeting documents are not included: their own route
 * decides (ADR 0025).
 */
export async function isCouncilFileOf(
  tx: Executor,
  o: { tenantId: string; personId: string; uploadId: string; today: string },
): Promise<boolean> {
  if (!isUuid(o.uploadId)) return false;
  const e = schema.ledgerEntries;
  const a = schema.ledgerAccounts;
  const ca = schema.councilAreas;
  const cm = schema.councilMembers;
  const [found] = await tx
    .select({ councilId: cm.councilId })
    .from(e)
    .innerJoin(a, and(eq(a.tenantId, e.tenantId), eq(a.id, e.accountId), eq(a.kind, AREA_BUDGET)))
    .innerJoin(ca, and(eq(ca.tenantId, a.tenantId), eq(ca.areaId, a.ownerId)))
    .innerJoin(cm, and(eq(cm.tenantId, ca.tenantId), eq(cm.councilId, ca.councilId)))
    .where(
      and(eq(e.tenantId, o.tenantId), eq(e.attachmentId, o.uploadId), eq(cm.personId, o.personId), termRunsOn(o.today)),
    )
    .limit(1);
  if (found) return true;
  const f = schema.adviceAttachments;
  const [advised] = await tx
    .select({ councilId: cm.councilId })
    .from(f)
    .innerJoin(schema.advice, and(eq(schema.advice.tenantId, f.tenantId), eq(schema.advice.id, f.adviceId)))
    .innerJoin(cm, and(eq(cm.tenantId, f.tenantId), eq(cm.councilId, schema.advice.councilId)))
    .where(
      and(
        eq(f.tenantId, o.tenantId),
        eq(f.uploadId, o.uploadId),
        isNull(f.removedAt),
        eq(cm.personId, o.personId),
        termRunsOn(o.today),
      ),
    )
    .limit(1);
  return advised !== undefined;
}

export type AdviceFile = {
  id: string;
  adviceId: string;
  side: AdviceFileSide;
  uploadId: string;
  fileName: string;
  byteSize: number;
};

const adviceFileColumns = {
  id: schema.adviceAttachments.id,
  adviceId: schema.adviceAttachments.adviceId,
  side: schema.adviceAttachments.side,
  uploadId: schema.adviceAttachments.uploadId,
  fileName: schema.uploads.fileName,
  byteSize: schema.uploads.byteSize,
  status: schema.advice.status,
  councilId: schema.advice.councilId,
  removedAt: schema.adviceAttachments.removedAt,
};

function adviceFilesWhere(tx: Executor, where: SQL[]) {
  const f = schema.adviceAttachments;
  return tx
    .select(adviceFileColumns)
    .from(f)
    .innerJoin(schema.uploads, and(eq(schema.uploads.tenantId, f.tenantId), eq(schema.uploads.id, f.uploadId)))
    .innerJoin(schema.advice, and(eq(schema.advice.tenantId, f.tenantId), eq(schema.advice.id, f.adviceId)))
    .where(and(...where))
    .orderBy(asc(f.createdAt), asc(f.id));
}

/**
 * The files of a municipality's advice (optionally of one council), not removed, in the order they came. For the
 * public only those whose side is public; the council and staff get every one.
 */
export async function listAdviceFiles(
  tx: Executor,
  o: { tenantId: string; councilId?: string; audience: "everyone" | "council" },
): Promise<AdviceFile[]> {
  const where = [eq(schema.adviceAttachments.tenantId, o.tenantId), isNull(schema.adviceAttachments.removedAt)];
  if (o.councilId) where.push(eq(schema.advice.councilId, o.councilId));
  const rows = await adviceFilesWhere(tx, where);
  return rows
    .filter((row) => o.audience === "council" || isSidePublic(row.side, row.status))
    .map(({ status: _status, councilId: _councilId, removedAt: _removedAt, ...file }) => file);
}

/**
 * Whose an upload is, if it is a file of some advice: the council, whether everyone may open it now (its side is
 * public and it was not removed), and whether it was removed (then only staff open it).
 */
export async function adviceFileOf(
  tx: Executor,
  o: { tenantId: string; uploadId: string },
): Promise<{ councilId: string; isPublic: boolean; removed: boolean } | undefined> {
  if (!isUuid(o.uploadId)) return undefined;
  const [row] = await adviceFilesWhere(tx, [
    eq(schema.adviceAttachments.tenantId, o.tenantId),
    eq(schema.adviceAttachments.uploadId, o.uploadId),
  ]);
  if (!row) return undefined;
  const removed = row.removedAt !== null;
  return { councilId: row.councilId, isPublic: !removed && isSidePublic(row.side, row.status), removed };
}
