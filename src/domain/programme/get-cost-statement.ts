import { asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { CostItem } from "./record-cost-item.ts";
import { type CostShare, shareCosts } from "./share-costs.ts";

export type CostStatement = {
  items: CostItem[];
  quotedCents: number;
  /** Shared over what was invoiced; quotes show what is still to come. */
  invoiced: CostShare;
  /** The same split if every quote were invoiced as quoted: what the municipality should budget for. */
  expected: CostShare;
};

export async function getCostStatement(tx: Executor, applicationId: string): Promise<CostStatement> {
  const items = await tx
    .select()
    .from(schema.costItems)
    .where(eq(schema.costItems.applicationId, applicationId))
    .orderBy(asc(schema.costItems.documentOn), asc(schema.costItems.recordedAt));
  const quotes = items.filter((item) => item.kind === "quote");
  return {
    items,
    quotedCents: quotes.reduce((sum, item) => sum + item.amountCents, 0),
    invoiced: shareCosts(items.filter((item) => item.kind === "invoice")),
    expected: shareCosts(quotes),
  };
}
