import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import accepts from "accepts";
import type { RequestHandler, Response } from "express";
import { matchRoutes, type RouteObject } from "react-router";
import { localeCookie } from "../app/server/locale.server.ts";
import type { Database } from "../src/db/index.ts";
import { sharedPageVersion } from "../src/db/page-version.ts";
import { type RouteManifest, routeTree } from "./body-limits.ts";
import { compressibleType, MIN_COMPRESSIBLE_BYTES } from "./compress.ts";
import { isRefusedTarget } from "./request-target.ts";

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
/** A cacheable answer depends on the cookie (none or the language) and, from the cache, on the encodings taken. */
const VARY = "Cookie, Accept-Encoding";
const MAX_ENTRIES = 500;
const MAX_DECIDED_PATHS = 5_000;
const MAX_BYTES = 2_000_000;

type Encoding = "br" | "gzip";

type Entry = {
  version: string;
  storedAt: number;
  /** The tag of the bytes as rendered; a compressed copy's tag adds its encoding (`tagOf`). */
  etag: string;
  status: number;
  /**
   * What every answer from the entry sends: the headers of the rendered answer (the security headers among them)
   * but those of one response, the policy naming the nonce the page was rendered with, and `X-Page-Cache: hit`.
   */
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** The compressed copies made so far, and whether the body is worth compressing at all. */
  compressed: Partial<Record<Encoding, Buffer | "compressing">>;
  compressible: boolean;
};

/**
 * Compression is done once per entry and encoding, off the event loop (zlib's thread pool), when the entry is first
 * served from the cache to a client that accepts it: a page asked for once (a search term) is never compressed,
 * and the answers that come before the copy is ready go out as rendered. Brotli 6 and gzip 6: the 27 kB home
 * page in 1.0 and 0.5 ms of a thread (Brotli 11 takes 70 times as long for 9 % fewer bytes) (ADR 0030, addendum).
 */
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) =>
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 6,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => gzipped(body, { level: 6 }),
};

export type PageCache = {
  /**
   * In Node's request listener, before Express: answers a request from the cache when its entry is current, or
   * calls `render`, which hands the request to Express (where `capture` stores what React Router renders).
   */
  serve(req: IncomingMessage, res: ServerResponse, render: () => void): void;
  /** Express middleware: keeps the answer rendered for a request `serve` found no current entry for. */
  capture: RequestHandler;
  readonly size: number;
};

/**
 * Public pages for visitors who are not signed in, rendered once and served from memory while the page version
 * (`src/db/page-version.ts`) is unchanged and the entry is younger than `seconds`. Keyed by host, address and
 * language. An entry keeps the security headers and the CSP nonce it was rendered with: the answer's policy names
 * that nonce (ADR 0030). Answers `304 Not Modified` to a matching `If-None-Match`. Every decision fails towards
 * rendering. An answer from the cache is sent before Express, helmet and the nonce are reached (ADR 0030, addendum).
 */
export function pageCache(o: {
  db: Database;
  manifest: RouteManifest;
  seconds: number;
  /** The build's files, which Express serves as they are: never pages, whatever pattern their paths match. */
  files: ReadonlySet<string>;
}): PageCache {
  const routes = routeTree(o.manifest);
  const entries = new Map<string, Entry>();
  // Matching rebuilds React Router's ranked tree of every route: a path's answer is kept (a bounded number of paths,
  // as anyone can make up addresses), and a request with a cookie that rules the cache out is not matched at all.
  // Nor is a target the server refuses (request-target.ts: Express answers a 400), nor a file of the build.
  const decided = new Map<string, boolean>();
  const cacheable = (path: string) => {
    const known = decided.get(path);
    if (known !== undefined) return known;
    const routePath = path === "/_root.data" ? "/" : path.replace(/\.data$/, "");
    const leaf =
      isRefusedTarget(path) || o.files.has(path)
        ? undefined
        : ((matchRoutes(routes, routePath) ?? []).at(-1)?.route as RouteObject | undefined);
    const answer = leaf?.id !== undefined && CACHEABLE_ROUTES.has(leaf.id);
    if (decided.size >= MAX_DECIDED_PATHS) decided.clear();
    decided.set(path, answer);
    return answer;
  };
  const version = () => sharedPageVersion(o.db);
  // The requests `serve` sent on to be rendered, with the version read for them and their key.
  const misses = new WeakMap<IncomingMessage, { version: string; key: string }>();

  const serve = (req: IncomingMessage, res: ServerResponse, render: () => void) => {
    if (o.seconds === 0 || req.method !== "GET") return render();
    const cookies = req.headers.cookie ?? "";
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    if (!onlyLocaleCookie(cookies) || !cacheable(query === -1 ? url : url.slice(0, query))) return render();
    void (async () => {
      const [current, locale] = await Promise.all([version(), cookies ? localeCookie.parse(cookies) : null]);
      const key = `${req.headers.host}\n${typeof locale === "string" ? locale : ""}\n${url}`;
      const entry = entries.get(key);
      if (entry && entry.version === current && Date.now() - entry.storedAt < o.seconds * 1000) {
        // Most recently used last, so the oldest use is evicted first.
        entries.delete(key);
        entries.set(key, entry);
        return answerFrom(entry, req, res);
      }
      misses.set(req, { version: current, key });
      render();
    })().catch(() => {
      // The version could not be read: render as if there were no cache.
      if (!res.headersSent) render();
    });
  };
  const captureMiss: RequestHandler = (req, res, next) => {
    const miss = misses.get(req);
    if (!miss) return next();
    res.setHeader("X-Page-Cache", "miss");
    capture(res, miss.version, (stored) => {
      entries.delete(miss.key);
      entries.set(miss.key, stored);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    });
    next();
  };
  return Object.defineProperty({ serve, capture: captureMiss }, "size", { get: () => entries.size }) as PageCache;
}

/** True when the request carries no cookie, or only the language cookie (once). */
function onlyLocaleCookie(header: string): boolean {
  const names = header
    .split(";")
    .map((pair) => pair.split("=")[0]!.trim())
    .filter((name) => name !== "");
  return names.length === 0 || (names.length === 1 && names[0] === LOCALE_COOKIE);
}

/** Distinct `Accept-Encoding` headers whose answer is kept: browsers send a handful. */
const MAX_NEGOTIATED = 100;
const negotiated = new Map<string, Encoding[]>();

/**
 * The encodings a client takes, in our order of preference: Brotli, then gzip. Express's negotiation (`accepts`)
 * reads `Accept-Encoding` (weights, `q=0` refusals, `*`); no header means neither. Each header's answer is kept.
 */
function acceptedEncodings(req: IncomingMessage): Encoding[] {
  const header = req.headers["accept-encoding"] ?? "";
  const known = negotiated.get(header);
  if (known) return known;
  const negotiator = accepts(req);
  const answer = (["br", "gzip"] as const).filter((coding) => negotiator.encodings(coding) === coding);
  if (negotiated.size >= MAX_NEGOTIATED) negotiated.clear();
  negotiated.set(header, answer);
  return answer;
}

const tagOf = (entry: Entry, encoding: Encoding | undefined) =>
  encoding ? `${entry.etag.slice(0, -1)}-${encoding}"` : entry.etag;

/** The copy to send: the first accepted encoding whose copy is ready; starts making the missing ones. */
function chooseCopy(entry: Entry, accepted: readonly Encoding[]): { encoding?: Encoding; body: Buffer } {
  if (!entry.compressible) return { body: entry.body };
  for (const encoding of accepted) {
    const copy = entry.compressed[encoding];
    if (copy instanceof Buffer) return { encoding, body: copy };
    if (copy === undefined) {
      entry.compressed[encoding] = "compressing";
      compressors[encoding](entry.body).then(
        (compressed) => {
          entry.compressed[encoding] = compressed;
        },
        // Not kept: the entry goes on being served as rendered.
        () => {},
      );
    }
  }
  return { body: entry.body };
}

function answerFrom(entry: Entry, req: IncomingMessage, res: ServerResponse) {
  // Every copy holds the same page: a client that kept any of them (also one a proxy marked weak) is told it is
  // still current, under that copy's tag, so its cache freshens the copy it has (RFC 9111, 4.3.4).
  const kept = req.headers["if-none-match"]
    ?.split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .find((tag) => tag === entry.etag || tag === tagOf(entry, "br") || tag === tagOf(entry, "gzip"));
  if (kept) return void res.writeHead(304, { ...entry.headers, ETag: kept }).end();
  const { encoding, body } = chooseCopy(entry, acceptedEncodings(req));
  res.writeHead(entry.status, {
    ...entry.headers,
    ETag: tagOf(entry, encoding),
    ...(encoding ? { "Content-Encoding": encoding } : {}),
    "Content-Length": body.length,
  });
  res.end(body);
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
      this.setHeader("Vary", VARY);
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
    const policy = res.getHeader("content-security-policy");
    // The policy must name the nonce the page's scripts carry; without it the page is not kept.
    if (!storable || res.statusCode !== 200 || typeof policy !== "string" || !policy.includes(`'nonce-${nonce}'`)) {
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
    }
    headers["content-security-policy"] = policy;
    headers["x-page-cache"] = "hit";
    const body = Buffer.concat(chunks);
    const compressible =
      body.length >= MIN_COMPRESSIBLE_BYTES && !res.hasHeader("content-encoding") && compressibleType(res.req, res);
    store({ version, storedAt: Date.now(), etag, status: 200, headers, body, compressed: {}, compressible });
  });
}
