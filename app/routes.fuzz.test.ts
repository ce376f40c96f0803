import { validateHeaderName, validateHeaderValue } from "node:http";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import pino from "pino";
import { matchRoutes, RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRefusedTarget } from "../server/request-target.ts";
import { type DatabaseHandle, schema, withPlatform } from "../src/db/index.ts";
import { createSession } from "../src/domain/identity/index.ts";
import { loadConfig } from "../src/platform/config.ts";
import { seedDemo } from "../src/seed/index.ts";
import { freshDatabase } from "../tests/support/database.ts";
import { fieldNames, isZod, literalValues } from "../tests/support/form-schemas.ts";
import routes from "./routes.ts";
import { requestContext, type Services, servicesContext } from "./server/context.ts";

/**
 * The fuzz suite (issue 8): generated malformed requests against every loader and action in `app/routes.ts`, found
 * from the route table, so a route added tomorrow is fuzzed without a change here. Requests are built as a browser
 * or an attacker would send them (wrong content types, missing, repeated and oversized fields, NUL and other control
 * characters, invalid UTF-8, extreme numbers, impossible dates, hostile return paths), anonymously and as signed-in
 * staff, and handed to the route modules in-process with the same request context the HTTP server gives them.
 *
 * Asserted for every request: no 5xx (a thrown error that is not a Response, or a header Node would refuse to send),
 * and after every refused request (4xx) a database digest equal to the one before. A fixed seed and a fixed number
 * of runs per route keep it repeatable and within CI time. The HTTP layer in front of this (content types, body
 * limits) has its own test in `server/body-limits.test.ts`.
 */

const SEED = 20261202;
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 16);
const PUBLIC_URL = "http://samenspel.test";
/** Tables a refused request may legitimately write: attempt counters for rate limits and lockouts. */
const VOLATILE_TABLES = new Set(["rate_limits"]);

type RouteModule = { loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown };
type FuzzRoute = { id: string; path: string; file: string; children?: FuzzRoute[]; index?: boolean };

const moduleLoaders = import.meta.glob<RouteModule>(["./root.tsx", "./routes/**/*.{ts,tsx}", "!./routes/**/*.test.*"]);
const formModules = import.meta.glob<Record<string, unknown>>(["./forms/*.ts", "!./forms/*.test.ts"], { eager: true });

/** The route table as React Router matches it, with the root (whose loader runs for every page) around it. */
function routeTree(entries: readonly RouteConfigEntry[]): FuzzRoute[] {
  return entries.map((entry) => ({
    id: entry.id ?? entry.file,
    path: entry.path ?? "",
    file: `./${entry.file}`,
    ...(entry.index ? { index: true } : {}),
    ...(entry.children ? { children: routeTree(entry.children) } : {}),
  }));
}
const tree: FuzzRoute[] = [{ id: "root", path: "", file: "./root.tsx", children: routeTree(routes) }];
const leaves = (list: FuzzRoute[], parents: FuzzRoute[] = []): { route: FuzzRoute; chain: FuzzRoute[] }[] =>
  list.flatMap((route) =>
    route.children?.length ? leaves(route.children, [...parents, route]) : [{ route, chain: [...parents, route] }],
  );
const targets = leaves(tree).filter(({ route }) => route.id !== "root");

/** Field names, intents and choices of every form, so generated requests reach past the first check. */
const formSchemas = Object.values(formModules).flatMap((exports) => Object.values(exports).filter(isZod));
const fieldPool = [
  ...new Set([...formSchemas.flatMap((schema) => fieldNames(schema)), "intent", "terug", "returnTo", "key", "locale"]),
];
const literalPool = [...new Set(formSchemas.flatMap((schema) => [...literalValues(schema)]))];

let handle: DatabaseHandle;
let services: Services;
let cookies: { anonymous: string; staff: string; coordinator: string };
let idPool: string[];
let slugPool: string[];
let digestQuery: string;
const tally = { requests: 0, serverErrors: 0, refused: 0, routes: new Set<string>() };

beforeAll(async () => {
  handle = await freshDatabase();
  await seedDemo(handle.db, { now: new Date("2026-12-01T09:00:00Z") });
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", PUBLIC_URL, LOG_LEVEL: "silent", SEED_DEMO: "false" });
  services = { db: handle.db, config, logger: pino({ level: "silent" }), queue: { wake() {} } };
  const sessionFor = async (email: string) =>
    withPlatform(handle.db, async (tx) => {
      const [person] = await tx.select().from(schema.people).where(eq(schema.people.email, email));
      const session = await createSession(tx, { personId: person!.id, method: "password", now: new Date() });
      return `samenspel-sessie=${encodeURIComponent(session.token)}`;
    });
  cookies = {
    anonymous: "",
    staff: await sessionFor("programma@example.org"),
    coordinator: await sessionFor("coordinator@dijkstad.example.org"),
  };
  const column = async (query: string) =>
    ((await handle.db.execute(sql.raw(query))) as unknown as { rows: { v: string }[] }).rows.map((row) => row.v);
  const slugTables = await column(
    "select table_name as v from information_schema.columns where table_schema = 'public' and column_name = 'slug'",
  );
  slugPool = (
    await Promise.all(slugTables.map((table) => column(`select slug as v from "${table}" order by slug limit 8`)))
  ).flat();
  idPool = await column(
    "select id::text as v from applications union all select id::text from workshop_requests union all select id::text from meetings limit 12",
  ).catch(() => []);
  const tables = (
    await column("select tablename as v from pg_tables where schemaname = 'public' order by tablename")
  ).filter((table) => !VOLATILE_TABLES.has(table));
  digestQuery = tables
    .map(
      (table) =>
        `select '${table}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from "${table}" x`,
    )
    .join(" union all ");
}, 240_000);

afterAll(async () => {
  await handle?.close();
  console.info(
    `fuzz: ${tally.requests} requests, ${tally.routes.size} of ${targets.length} routes, ${tally.refused} refused, ${tally.serverErrors} answered 5xx`,
  );
});

async function digest(): Promise<string> {
  const { rows } = (await handle.db.execute(sql.raw(digestQuery))) as unknown as { rows: { t: string; d: string }[] };
  return rows.map((row) => `${row.t}:${row.d}`).join(",");
}

// ---- generators -------------------------------------------------------------------------------------------------

const hostileText = fc.constantFrom(
  "",
  " ",
  "on",
  "a\u0000b",
  "\u0000",
  "x\u001b[31m",
  "\uFFFD",
  "\uD800",
  "99999999999999999999",
  "-99999999999999999999",
  "1e308",
  "-0",
  "NaN",
  "Infinity",
  "0x10",
  "2024-02-30",
  "0000-01-01",
  "2027-02-29",
  "9999-12-31",
  "2027-13-45",
  "25:61",
  "/\t/evil.example/x",
  "/a\r\nSet-Cookie: x=1",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "/caf\u00e9",
  "../../etc/passwd",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "00000000-0000-0000-0000-000000000000",
  "a".repeat(70),
);
const oversized = fc.constantFrom(300_000, 5_000).map((size) => "x".repeat(size));
const fieldValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: hostileText },
    { weight: 3, arbitrary: fc.constantFrom(...literalPool, ...slugPool, ...idPool, "dijkstad") },
    { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: "binary" }) },
    { weight: 1, arbitrary: oversized },
  );
const pairs = () =>
  fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fieldPool) }, fc.string()), fieldValue()), {
    maxLength: 12,
  });

type Body =
  | { kind: "urlencoded" | "multipart" | "json" | "text" | "untyped"; pairs: [string, string][] }
  | { kind: "invalid-utf8" | "broken-escape" | "empty" };
const bodies = (): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 6, arbitrary: pairs().map((p) => ({ kind: "urlencoded" as const, pairs: p })) },
    { weight: 3, arbitrary: pairs().map((p) => ({ kind: "multipart" as const, pairs: p })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom("json", "text", "untyped") as fc.Arbitrary<"json" | "text" | "untyped">, pairs())
        .map(([kind, p]) => ({ kind, pairs: p })),
    },
    fc.constantFrom<Body>({ kind: "invalid-utf8" }, { kind: "broken-escape" }, { kind: "empty" }),
  );

/** What a route parameter can hold: React Router decodes the path segment, so no lone surrogate survives. */
const paramValue = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(...(name === "gemeente" ? ["dijkstad", "veenhoven"] : slugPool.concat(idPool))),
    },
    { weight: 1, arbitrary: hostileText.map((text) => text.replace(/[\uD800-\uDFFF]/g, "\uFFFD")) },
  );

function request(path: string, method: string, cookie: string, query: [string, string][], given?: Body): Request {
  const url = new URL(path, PUBLIC_URL);
  for (const [name, value] of query) url.searchParams.append(name, value);
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  if (method === "GET" || !given) return new Request(url, { method, headers });
  let payload: BodyInit;
  switch (given.kind) {
    case "urlencoded":
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      payload = new URLSearchParams(given.pairs).toString();
      break;
    case "multipart": {
      const form = new FormData();
      for (const [name, value] of given.pairs) form.append(name, value);
      payload = form;
      break;
    }
    case "json":
      headers.set("Content-Type", "application/json");
      payload = JSON.stringify(Object.fromEntries(given.pairs));
      break;
    case "text":
      headers.set("Content-Type", "text/plain");
      payload = given.pairs.map(([name, value]) => `${name}=${value}`).join("\n");
      break;
    case "untyped":
      payload = new TextEncoder().encode(new URLSearchParams(given.pairs).toString());
      break;
    case "invalid-utf8":
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      payload = new Uint8Array([
        0x69, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x3d, 0xff, 0xfe, 0x26, 0x74, 0x65, 0x72, 0x75, 0x67, 0x3d, 0xc3,
      ]);
      break;
    case "broken-escape":
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      payload = "intent=%E2%82&terug=%2F%0D%0Ax&email=%zz";
      break;
    case "empty":
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      payload = "";
      break;
  }
  return new Request(url, { method, headers, body: payload });
}

// ---- running a request as React Router would --------------------------------------------------------------------

type Answer = { status: number; error?: unknown };

/** The status React Router would send for what a loader or action returned or threw, and whether Node could send it. */
function answerOf(outcome: { value: unknown } | { thrown: unknown }): Answer {
  const value = "value" in outcome ? outcome.value : outcome.thrown;
  let status: number;
  let headers: Headers | undefined;
  if (value instanceof Response) {
    status = value.status;
    headers = value.headers;
  } else if (isDataWithInit(value)) {
    status = value.init?.status ?? ("thrown" in outcome ? 500 : 200);
    headers = new Headers(value.init?.headers);
  } else if ("thrown" in outcome) {
    return { status: 500, error: value };
  } else {
    status = 200;
  }
  try {
    for (const [name, text] of headers ?? []) {
      validateHeaderName(name);
      validateHeaderValue(name, text);
    }
  } catch (error) {
    return { status: 500, error };
  }
  return { status };
}

function isDataWithInit(value: unknown): value is { type: string; init?: { status?: number; headers?: HeadersInit } } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

function context(clientIp: string) {
  const provider = new RouterContextProvider();
  provider.set(servicesContext, services);
  provider.set(requestContext, { requestId: "fuzz", nonce: "fuzz", logger: services.logger, clientIp });
  return provider;
}

async function run(
  chain: FuzzRoute[],
  params: Record<string, string>,
  method: "GET" | "POST",
  make: () => Request,
): Promise<Answer> {
  // The HTTP server refuses a malformed target before any route runs (`server/request-target.ts`).
  const probe = make();
  const url = new URL(probe.url);
  if (isRefusedTarget(url.pathname + url.search)) return { status: 400 };
  const modules = await Promise.all(chain.map((route) => moduleLoaders[route.file]!()));
  const calls =
    method === "GET"
      ? modules.filter((module) => module.loader).map((module) => module.loader!)
      : [modules.at(-1)!.action!];
  for (const call of calls) {
    let outcome: { value: unknown } | { thrown: unknown };
    try {
      outcome = { value: await call({ request: make(), params, context: context("192.0.2.7"), unstable_pattern: "" }) };
    } catch (thrown) {
      outcome = { thrown };
    }
    const answer = answerOf(outcome);
    if (answer.status >= 300 || answer.error) return answer;
  }
  return { status: 200 };
}

function pathOf(chain: FuzzRoute[], params: Record<string, string>): string {
  const pattern = chain
    .map((route) => route.path)
    .filter(Boolean)
    .join("/");
  return `/${pattern
    .split("/")
    .map((segment) =>
      segment.startsWith(":") ? encodeURIComponent(params[segment.slice(1)] ?? "x") : segment === "*" ? "x/y" : segment,
    )
    .join("/")}`;
}

describe("every route answers malformed requests without a 5xx and without a change", () => {
  it("finds the routes in app/routes.ts", () => {
    expect(targets.length).toBeGreaterThan(40);
    for (const { route } of targets) expect(moduleLoaders[route.file], route.file).toBeDefined();
    // The chain is what React Router matches: the root around every page.
    expect(matchRoutes(tree as never, "/programma")?.length).toBe(2);
  });

  it.each(targets.map(({ route, chain }, index) => [route.id, chain, index] as const))(
    "%s",
    async (id, chain, index) => {
      const modules = await Promise.all(chain.map((route) => moduleLoaders[route.file]!()));
      const methods = [
        ...(modules.slice(1).some((module) => module.loader) ? (["GET"] as const) : []),
        ...(modules.at(-1)!.action ? (["POST"] as const) : []),
      ];
      if (methods.length === 0) return;
      const paramNames = chain.flatMap((route) =>
        route.path
          .split("/")
          .filter((segment) => segment.startsWith(":"))
          .map((segment) => segment.slice(1).replace(/\?$/, "")),
      );
      const generated = fc.record({
        method: fc.constantFrom(...methods),
        who: fc.constantFrom("anonymous", "staff", "coordinator") as fc.Arbitrary<keyof typeof cookies>,
        params: fc.record(Object.fromEntries(paramNames.map((name) => [name, paramValue(name)]))),
        query: fc.array(
          fc.tuple(fc.constantFrom("terug", "returnTo", "melding", "q", "thema", "pagina", "fout"), fieldValue()),
          {
            maxLength: 3,
          },
        ),
        body: bodies(),
      });
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(generated, async (input) => {
          const params = input.params as Record<string, string>;
          const path = pathOf(chain, params);
          const before = input.method === "POST" ? await digest() : "";
          const answer = await run(chain, params, input.method, () =>
            request(path, input.method, cookies[input.who], input.query, input.body),
          );
          tally.requests++;
          tally.routes.add(id);
          if (answer.status >= 500) {
            tally.serverErrors++;
            failures.push(
              `${input.method} ${path} as ${input.who} (${JSON.stringify(input.body).slice(0, 300)}): ${String(answer.error)}`,
            );
          }
          if (answer.status >= 400 && answer.status < 500 && input.method === "POST") {
            tally.refused++;
            expect(await digest(), `${input.method} ${path} changed the database yet answered ${answer.status}`).toBe(
              before,
            );
          }
          expect(answer.status, failures.at(-1)).toBeLessThan(500);
        }),
        { seed: SEED + index, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    },
    120_000,
  );
});
