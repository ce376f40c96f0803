import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { AREA_BUDGET } from "../area-budgets/index.ts";
import { isUuid } from "./lock-council.ts";
import { termRunsOn } from "./read-councils.ts";

/**
 * Whether a person holds a seat today on a council that owns this internal file: a receipt or decision on the budget
 * ledger of one of the council's areas. It opens that file to members whom staff seated without the `council-member`
 * role (which would open every area's files); another council's member, an ex-member and a visitor get nothing.
 * Meeting documents are not included: their own route decides (ADR 0025).
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
  return found !== undefined;
}
