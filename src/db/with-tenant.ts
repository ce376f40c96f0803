import { sql } from "drizzle-orm";
import { countTransaction } from "../platform/request-timing.ts";
import type { Database, Tx } from "./client.ts";

export type TenantContext = { tenantId: string; personId?: string | null };

const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock

/**
 * One command, one transaction, as the non-owner application role with the tenant set, so row-level security
 * applies on top of the explicit `tenant_id` filters in every query. Retried once on a deadlock or serialization
 * failure; a second failure propagates and the caller reports a conflict.
 */
export async function withTenant<T>(db: Database, context: TenantContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retryOnce(() =>
    db.transaction(async (tx) => {
      // One round trip: `set_config('role', …, true)` is `SET LOCAL ROLE` (the same membership check), so the role
      // and the tenant are set together; every command, each ballot of a surge included, pays for this statement.
      await tx.execute(
        sql`select set_config('role', 'samenspel_app', true), set_config('app.tenant_id', ${context.tenantId}, true), set_config('app.person_id', ${context.personId ?? ""}, true)`,
      );
      return work(tx);
    }),
  );
}

/**
 * A transaction outside any tenant, for platform tables (people, sessions, the queue) and for the named,
 * audited cross-tenant functions of national staff. Never hand it to tenant-owned use cases.
 */
export async function withPlatform<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retryOnce(() => db.transaction(work));
}

async function retryOnce<T>(attempt: () => Promise<T>): Promise<T> {
  countTransaction();
  try {
    return await attempt();
  } catch (error) {
    if (!RETRYABLE.has(postgresCode(error) ?? "")) throw error;
    return attempt();
  }
}

/** The SQLSTATE of a driver error; drizzle wraps it as `cause`. */
export function postgresCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
