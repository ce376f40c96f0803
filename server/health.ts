import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sql } from "drizzle-orm";
import type { Request, Response } from "express";
import type { Database } from "../src/db/index.ts";

/** The request's id: the one a proxy in front sent (`X-Request-Id`), or a new one; echoed in the answer. */
export function requestId(req: Request | IncomingMessage, res: Response | ServerResponse): string {
  const sent = req.headers["x-request-id"];
  const id = (typeof sent === "string" && sent) || randomUUID();
  res.setHeader("X-Request-Id", id);
  return id;
}

/**
 * How long the answer of one `select 1` stands for the probes that come after it was sent (ADR 0030, addendum).
 * Load balancers probe every few seconds, each of them; an answer that is at most one second old is as true for
 * them as a new one, and a surge of probes costs one statement a second instead of one per probe.
 */
export const HEALTH_CHECK_REUSE_MS = 1000;

/**
 * Whether the database answers. Probes that arrive while a check is on its way wait for that check; a finished
 * check answers the probes that arrive less than `reuseMs` after it was sent (its answer is about the database at
 * that moment), failed or not. A check is never answered from one sent longer ago. Returns a boolean straight away
 * when a reusable answer is there, so a probe then costs no promise.
 */
export function databaseHealth(
  db: Database,
  o: { reuseMs: number; now?: () => number; onFailure(error: unknown): void },
): () => boolean | Promise<boolean> {
  const now = o.now ?? performance.now.bind(performance);
  let last: { healthy: boolean; sentAt: number } | undefined;
  let running: Promise<boolean> | undefined;
  return () => {
    if (last && now() - last.sentAt < o.reuseMs) return last.healthy;
    if (running) return running;
    const sentAt = now();
    running = db.execute(sql`select 1`).then(
      () => true,
      (error: unknown) => {
        o.onFailure(error);
        return false;
      },
    );
    void running.then((healthy) => {
      last = { healthy, sentAt };
      running = undefined;
    });
    return running;
  };
}

const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
const answers = {
  healthy: [200, Buffer.from(JSON.stringify({ status: "ok" }))],
  unhealthy: [503, Buffer.from(JSON.stringify({ status: "unavailable" }))],
} as const;

/**
 * For load balancers: 200 when the database answers, 503 when it does not. Answered in Node's request listener
 * before Express (issue 15): a probe that runs many times a second costs no middleware, and is not logged while
 * healthy (a failed check is logged once, by `onFailure`).
 */
export function answerHealth(healthy: () => boolean | Promise<boolean>) {
  const send = (res: ServerResponse, ok: boolean) => {
    const [status, body] = ok ? answers.healthy : answers.unhealthy;
    res.writeHead(status, { ...headers, "Content-Length": body.length });
    res.end(body);
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    requestId(req, res);
    const answer = healthy();
    if (typeof answer === "boolean") return send(res, answer);
    void answer.then((ok) => send(res, ok));
  };
}
