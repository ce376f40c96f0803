import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "pino";
import type { Database } from "../src/db/index.ts";

/** The request's id: the one a proxy in front sent (`X-Request-Id`), or a new one; echoed in the answer. */
export function requestId(req: Request, res: Response): string {
  const sent = req.headers["x-request-id"];
  const id = (typeof sent === "string" && sent) || randomUUID();
  res.setHeader("X-Request-Id", id);
  return id;
}

/**
 * For load balancers: 200 only when the database answers. Mounted before every other middleware (issue 15): a probe
 * that runs many times a second should cost one `select 1`, not the page stack; it is not logged when healthy.
 */
export function answerHealth(db: Database, logger: Logger): RequestHandler {
  return (req, res) => {
    requestId(req, res);
    res.setHeader("Cache-Control", "no-store");
    db.execute(sql`select 1`).then(
      () => res.json({ status: "ok" }),
      (error: unknown) => {
        logger.error({ err: error }, "health check: database unreachable");
        res.status(503).json({ status: "unavailable" });
      },
    );
  };
}
