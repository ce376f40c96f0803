import { and, asc, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { LedgerEntry } from "./post-entry.ts";

export type ListedEntry = LedgerEntry & {
  /** Whether a later entry reverses this one. */
  reversed: boolean;
  /** For a commitment: what it still reserves. */
  openCents: number | null;
};

/** An account's entries in booking order, each with whether it was reversed and what a commitment still holds. */
export async function listEntries(tx: Executor, o: { tenantId: string; accountId: string }): Promise<ListedEntry[]> {
  const { ledgerEntries: entries } = schema;
  const rows = await tx
    .select()
    .from(entries)
    .where(and(eq(entries.tenantId, o.tenantId), eq(entries.accountId, o.accountId)))
    .orderBy(asc(entries.on), asc(entries.createdAt), asc(entries.id));
  const reversed = new Set(rows.map((row) => row.reversesId).filter((id) => id !== null));
  const held = new Map<string, number>();
  for (const row of rows)
    if (row.effect === "hold" && row.holdId) held.set(row.holdId, (held.get(row.holdId) ?? 0) + row.amountCents);
  return rows.map((row) => ({
    ...row,
    reversed: reversed.has(row.id),
    openCents: row.effect === "hold" && row.holdId === row.id ? (held.get(row.id) ?? 0) : null,
  }));
}
