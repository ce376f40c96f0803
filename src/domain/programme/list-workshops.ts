import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { Workshop } from "./publish-workshop.ts";

const w = schema.workshops;

/** The workshops in the offer, by title. Public. */
export function listWorkshops(tx: Executor, tenantId: string): Promise<Workshop[]> {
  return tx.select().from(w).where(eq(w.tenantId, tenantId)).orderBy(asc(w.title));
}

export type GetWorkshopOptions = { tenantId: string; slug: string };

export async function getWorkshop(tx: Executor, o: GetWorkshopOptions): Promise<Workshop | undefined> {
  const [workshop] = await tx
    .select()
    .from(w)
    .where(and(eq(w.tenantId, o.tenantId), eq(w.slug, o.slug)));
  return workshop;
}
