import { createHash } from "node:crypto";
import type { RequestHandler, Response } from "express";
import { matchRoutes, type RouteObject } from "react-router";
import { localeCookie } from "../app/server/locale.server.ts";
import type { Database } from "../src/db/index.ts";
import { readPageVersion } from "../src/db/page-version.ts";
import { type RouteManifest, routeTree } from "./body-limits.ts";

/**
 * The public pages whose answer depends only on the address, the language and what is in the database (and the
 * date, which the cache's life bounds): no cookie but the language, no other header, no person. A page goes on this
 * list only when that holds for its loader and every layout above it (ADR 0030).
 */
const CACHEABLE_ROUTES = new Set([
  "routes/home",
  "routes/programme/catalogue",
  "routes/programme/trajectory",
  "routes/programme/meeting",
  "routes/programme/design-sessions",
  "routes/programme/workshop",
  "routes/programme/knowledge",
  "routes/legal/accessibility",
  "routes/legal/privacy",
  "routes/municipality/home",
  "routes/budgeting/round",
  "routes/budgeting/results",
  "routes/budgeting/result-plan",
  "routes/processes/calendar",
  "routes/processes/card",
  "routes/area-budgets/public-budgets",
  "routes/area-budgets/public-budget",
  "routes/initiative-funds/public-funds",
  "routes/councils/public-councils",
  "routes/councils/public-council",
  "routes/councils/public-meeting",
  "routes/initiatives/showcase",
  "routes/initiatives/challenges",
  "routes/advice/public-register",
  "routes/api/catalogue",
  "routes/api/trajectories",
  "routes/api/trajectory",
  "routes/api/meetings",
]);

/** The one cookie a cacheable page may depend on; a request with any other cookie is never cached or answered from it. */
const LOCALE_COOKIE = "taal";
/** Response headers that belong to one response, not to the page: they are made anew for every answer. */
const PER_RESPONSE = new Set([
  "content-security-policy",
  "x-request-id",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "etag",
  "set-cookie",
]);
const MAX_ENTRIES = 500;
const MAX_DECIDED_PATHS = 5_000;
const MAX_BYTES = 2_000_000;

type Entry = {
  version: string;
  storedAt: number;
  nonce: string;
  etag: string;
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
};

export type PageCache = RequestHandler & { readonly size: number };

/**
 * Public pages for visitors who are not signed in, rendered once and served from memory while the page version
 * (`src/db/page-version.ts`) is unchanged and the entry is younger than `seconds`. Keyed by host, address and
 * language. An entry keeps the CSP nonce it was rendered with: the answer's policy names that nonce (ADR 0030).
 * Answers `304 Not Modified` to a matching `If-None-Match`. Every decision fails towards rendering.
 */
export function pageCache(o: { db: Database; manifest: RouteManifest; seconds: number }): PageCache {
  const routes = routeTree(o.manifest);
  const entries = new Map<string, Entry>();
  // Matching rebuilds React Router's ranked tree of every route: a path's answer is kept (a bounded number of paths,
  // as anyone can make up addresses), and a request with a cookie that rules the cache out is not matched at all.
  const decided = new Map<string, boolean>();
  const cacheable = (path: string) => {
    const known = decided.get(path);
    if (known !== undefined) return known;
    const routePath = path === "/_root.data" ? "/" : path.replace(/\.data$/, "");
    const leaf = (matchRoutes(routes, routePath) ?? []).at(-1)?.route as RouteObject | undefined;
    const answer = leaf?.id !== undefined && CACHEABLE_ROUTES.has(leaf.id);
    if (decided.size >= MAX_DECIDED_PATHS) decided.clear();
    decided.set(path, answer);
    return answer;
  };
  const version = nextVersionRead(o.db);

  const handler: RequestHandler = (req, res, next) => {
    if (o.seconds === 0 || req.method !== "GET") return next();
    const cookies = req.get("cookie") ?? "";
    if (!onlyLocaleCookie(cookies) || !cacheable(req.path)) return next();
    void (async () => {
      const [current, locale] = await Promise.all([version(), cookies ? localeCookie.parse(cookies) : null]);
      const key = `${req.get("host")}\n${typeof locale === "string" ? locale : ""}\n${req.originalUrl}`;
      const entry = entries.get(key);
      if (entry && entry.version === current && Date.now() - entry.storedAt < o.seconds * 1000) {
        // Most recently used last, so the oldest use is evicted first.
        entries.delete(key);
        entries.set(key, entry);
        return answerFrom(entry, req.get("if-none-match"), res);
      }
      res.setHeader("X-Page-Cache", "miss");
      capture(res, current, (stored) => {
        entries.delete(key);
        entries.set(key, stored);
        if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      });
      next();
    })().catch(() => {
      // The version could not be read: render as if there were no cache.
      if (!res.headersSent) next();
    });
  };
  return Object.defineProperty(handler, "size", { get: () => entries.size }) as PageCache;
}

/**
 * Reads of the page version, shared by the requests that wait for one: a request joins the next read that starts
 * after it arrived, never one already on its way, so it still sees every write committed before it came (ADR 0030).
 * Under load this is one primary-key read per round trip instead of one per request.
 */
function nextVersionRead(db: Database): () => Promise<string> {
  let running: Promise<string> | undefined;
  let next: Promise<string> | undefined;
  const start = () => {
    running = readPageVersion(db).finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}

/** True when the request carries no cookie, or only the language cookie (once). */
function onlyLocaleCookie(header: string): boolean {
  const names = header
    .split(";")
    .map((pair) => pair.split("=")[0]!.trim())
    .filter((name) => name !== "");
  return names.length === 0 || (names.length === 1 && names[0] === LOCALE_COOKIE);
}

function answerFrom(entry: Entry, ifNoneMatch: string | undefined, res: Response) {
  const policy = res.getHeader("content-security-policy");
  const fresh = res.locals.nonce;
  if (typeof policy !== "string" || !policy.includes(`'nonce-${fresh}'`)) throw new Error("no nonce in the policy");
  res.setHeader("Content-Security-Policy", policy.replace(`'nonce-${fresh}'`, `'nonce-${entry.nonce}'`));
  res.locals.nonce = entry.nonce;
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
  res.setHeader("ETag", entry.etag);
  res.setHeader("X-Page-Cache", "hit");
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === entry.etag)) return void res.status(304).end();
  res.status(entry.status).setHeader("Content-Length", entry.body.length);
  res.end(entry.body);
}

/**
 * Keeps what React Router writes, and stores it when the answer is a whole 200 that sets no cookie and that no one
 * marked private or not to be stored (the signed-in guard, a route's own headers).
 */
function capture(res: Response, version: string, store: (entry: Entry) => void) {
  const nonce = String(res.locals.nonce);
  const etag = `"${createHash("sha256").update(`${version}:${nonce}`).digest("base64url").slice(0, 22)}"`;
  const chunks: Buffer[] = [];
  let bytes = 0;
  let storable = true;
  const { writeHead, write, end } = res;
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    const status = typeof args[0] === "number" ? args[0] : this.statusCode;
    const cacheControl = String(this.getHeader("cache-control") ?? "");
    storable = storable && status === 200 && !this.hasHeader("set-cookie") && !/no-store|private/i.test(cacheControl);
    if (storable) {
      this.setHeader("ETag", etag);
      if (!cacheControl) this.setHeader("Cache-Control", "no-cache");
      this.setHeader("Vary", "Cookie");
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!storable || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer =
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    bytes += buffer.length;
    if (bytes > MAX_BYTES) storable = false;
    else chunks.push(buffer);
  };
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof write;
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (end as (...a: unknown[]) => Response).call(this, chunk, ...rest);
  } as typeof end;
  res.once("finish", () => {
    if (!storable || res.statusCode !== 200) return;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
    }
    store({ version, storedAt: Date.now(), nonce, etag, status: 200, headers, body: Buffer.concat(chunks) });
  });
}
