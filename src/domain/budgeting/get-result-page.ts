import { and, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { ResultPage } from "./count-round.ts";
import { BudgetingError } from "./errors.ts";

/**
 * A round's published results page by the round's address, in one statement: its title and the page data stored
 * with the count. Undefined while nothing is published; `round-not-found` for an unknown round.
 */
export async function getResultPage(
  tx: Executor,
  o: { tenantId: string; slug: string },
): Promise<{ title: string; slug: string; page: ResultPage } | undefined> {
  const rounds = schema.pbRounds;
  const results = schema.pbResults;
  const [row] = await tx
    .select({ title: rounds.title, slug: rounds.slug, status: results.status, page: results.page })
    .from(rounds)
    .leftJoin(results, and(eq(results.tenantId, rounds.tenantId), eq(results.roundId, rounds.id)))
    .where(and(eq(rounds.tenantId, o.tenantId), eq(rounds.slug, o.slug)));
  if (!row) throw new BudgetingError("budgeting.round-not-found");
  if (row.status !== "published") return undefined;
  return { title: row.title, slug: row.slug, page: row.page as ResultPage };
}
