import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../src/db/index.ts";
import { postgresCode } from "../../src/db/index.ts";

/** The rows of a raw statement, on either driver. */
export async function rowsOf<T = Record<string, unknown>>(db: Executor, query: string | SQL): Promise<T[]> {
  const result = (await db.execute(typeof query === "string" ? sql.raw(query) : query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The SQLSTATE and PostgreSQL's own message of a refused statement, so a test names the exact refusal; a statement
 * that succeeds fails the test.
 */
export async function refusal(work: Promise<unknown>): Promise<{ code: string | undefined; message: string }> {
  try {
    await work;
  } catch (error) {
    let cause: unknown = error;
    while (cause && typeof cause === "object" && !("severity" in cause) && "cause" in cause) cause = cause.cause;
    return { code: postgresCode(error), message: (cause as Error).message };
  }
  throw new Error("the statement succeeded");
}
