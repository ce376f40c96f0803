import { sql } from "drizzle-orm";
import { services } from "../server/context.ts";
import type { Route } from "./+types/healthz";

/** For load balancers: 200 only when the database answers. */
export async function loader({ context }: Route.LoaderArgs) {
  const { db, logger } = services(context);
  try {
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
