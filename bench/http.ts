/**
 * Requests/s and latency of each class of page next to a bare node:http server returning the same bytes, on the
 * embedded database and (with DATABASE_URL) on PostgreSQL, with the demo content and with the bench's scaled data
 * (bench/support/scale.ts). For each page also where one request's time goes, measured one request at a time:
 * statements, transactions, and milliseconds in middleware, in React Router up to rendering (loaders), and in
 * rendering and writing; and under load the app process's CPU time per request, which a busy machine inflates far
 * less than it lowers throughput. Compare shares of bare and CPU per request, not absolute rates.
 * Prints tables; asserts nothing (the goal column shows issue 15's targets).
 *   npm run bench:http [-- --seconds 3 --connections 10,64 --databases embedded,server --data demo,scaled
 *                          --pages home,staff --scale 300,2000,50000,5000 --samples 20 --encodings identity,br,gzip
 *                          --statistics analyzed --reuse-database NAME --log-level info]
 * The app logs at `--log-level` (info, the production default: a line per request, written to /dev/null). At each
 * number of connections the bare server is measured right after the app, and the CPU share (the bare server's CPU
 * time per request over the app's) is the figure a busy machine moves least.
 * Each page is asked for with each `Accept-Encoding` (identity: none sent); the bare server sends the same bytes.
 * `--statistics none,analyzed` measures each database twice, back to back: first as seeded without the planner's
 * statistics (a PGlite site that never ran ANALYZE: it has no autovacuum), then after ANALYZE (ADR 0002, addendum).
 * `--reuse-database NAME` keeps the scaled data between runs (on the server a database NAME_server, embedded a
 * directory samenspel-bench-NAME_embedded in the temporary directory): seeded and analyzed on the first run, only
 * migrated on later ones, so the minutes of seeding are paid once and builds are compared on the same rows.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../src/seed/index.ts";
import { buildApp, startAppProcess, startBareServer } from "./support/app-process.ts";
import { type PreparedDatabase, prepareDatabase } from "./support/databases.ts";
import { compareWithBare, type Figures, printTable } from "./support/measure.ts";
import { FULL_SCALE, type Scale } from "./support/scale.ts";

type Data = "demo" | "scaled";
type Kind = "embedded" | "server";
/** Issue 15's goals: share of bare throughput and, at the most connections, p99 on PostgreSQL and on PGlite. */
type Goal = { share: number; p99?: { server: number; embedded: number } };
const publicGoal: Goal = { share: 0.4, p99: { server: 50, embedded: 100 } };
const goals = {
  health: { share: 0.6 },
  public: publicGoal,
  api: { share: 0.4 },
  staff: { share: 0.1, p99: { server: 100, embedded: 100 } },
} satisfies Record<string, Goal>;

type Page = { name: string; path: (data: Data) => string; goal: Goal; signedIn?: boolean };
const pages: readonly Page[] = [
  { name: "health", path: () => "/healthz", goal: goals.health },
  { name: "home", path: () => "/", goal: goals.public },
  { name: "programme", path: () => "/programma", goal: goals.public },
  { name: "municipality", path: () => "/dijkstad", goal: goals.public },
  { name: "trajectory", path: () => "/programma/trajecten/kernendemocratie", goal: goals.public },
  {
    name: "meeting",
    path: (data) =>
      data === "scaled"
        ? "/programma/bijeenkomsten/bench-bijeenkomst-0"
        : "/programma/bijeenkomsten/opstartsessie-ontwikkeltrajecten-2019",
    goal: goals.public,
  },
  { name: "results", path: () => "/veenhoven/burgerbegroting/dorpsbudget-2025/uitslag", goal: goals.public },
  { name: "knowledge", path: () => "/kennisbank", goal: goals.public },
  { name: "search", path: () => "/kennisbank?zoek=participatie", goal: goals.public },
  { name: "api", path: () => "/api/v1/trajectories", goal: goals.api },
  { name: "staff", path: () => "/beheer/trajecten", goal: goals.staff, signedIn: true },
  { name: "staff-area", path: () => "/beheer", goal: goals.staff, signedIn: true },
  {
    name: "staff-trajectory",
    path: (data) => `/beheer/trajecten/${data === "scaled" ? "bench-traject-0" : "kernendemocratie"}`,
    goal: goals.staff,
    signedIn: true,
  },
  { name: "staff-meetings", path: () => "/beheer/bijeenkomsten", goal: goals.staff, signedIn: true },
  {
    name: "staff-meeting",
    path: (data) =>
      `/beheer/bijeenkomsten/${data === "scaled" ? "bench-bijeenkomst-0" : "opstartsessie-ontwikkeltrajecten-2019"}`,
    goal: goals.staff,
    signedIn: true,
  },
  { name: "staff-lessons", path: () => "/beheer/kennisbank", goal: goals.staff, signedIn: true },
];

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "3" },
    connections: { type: "string", default: "10,64" },
    databases: { type: "string", default: process.env.DATABASE_URL ? "embedded,server" : "embedded" },
    data: { type: "string", default: "demo,scaled" },
    pages: { type: "string", default: pages.map((p) => p.name).join(",") },
    scale: { type: "string", default: Object.values(FULL_SCALE).join(",") },
    samples: { type: "string", default: "20" },
    encodings: { type: "string", default: "identity" },
    statistics: { type: "string", default: "analyzed" },
    "reuse-database": { type: "string" },
    "log-level": { type: "string", default: "info" },
  },
});
const seconds = Number(values.seconds);
const connections = values.connections.split(",").map(Number);
const chosen = pages.filter((p) => values.pages.split(",").includes(p.name));
const [municipalities, applications, registrations, lessons] = values.scale.split(",").map(Number) as number[];
const scale: Scale = {
  municipalities: municipalities!,
  applications: applications!,
  registrations: registrations!,
  lessons: lessons!,
};
const samples = Number(values.samples);
const encodings = values.encodings.split(",");
type Statistics = "none" | "analyzed";
const statistics = values.statistics.split(",") as Statistics[];
const now = new Date();
const reuse = values["reuse-database"];
const startLoad = loadavg()
  .map((l) => l.toFixed(1))
  .join(" ");

/** Signs in as the demo's programme staff member with the password form; the session cookie. */
async function staffCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/inloggen`, {
    method: "POST",
    body: new URLSearchParams({ intent: "password", email: "programma@example.org", password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (response.status === 302 && cookie) return cookie;
  throw new Error(`signing in answered ${response.status}`);
}

const ms = (value: number) => value.toFixed(1);
const cpuMs = (f: Figures) => (f.cpuMsPerRequest === undefined ? "?" : f.cpuMsPerRequest.toFixed(3));
/**
 * The bare server's CPU time per request over ours: the share of bare throughput a CPU-bound app would reach on an
 * idle machine. A busy machine moves the throughput share run to run (each server gets what the others leave it);
 * this one it moves little.
 */
const cpuShare = (bare: Figures, ours: Figures) =>
  bare.cpuMsPerRequest && ours.cpuMsPerRequest ? pct(bare.cpuMsPerRequest / ours.cpuMsPerRequest) : "?";
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

async function run(kind: Kind, data: Data, stats: Statistics, database: PreparedDatabase) {
  const app = await startAppProcess(
    { ...database.env, SEED_DEMO: "false", LOG_LEVEL: values["log-level"] },
    { build: false },
  );
  const rows: string[][] = [];
  try {
    const cookie = chosen.some((p) => p.signedIn) ? await staffCookie(app.url) : "";
    for (const [page, encoding] of chosen.flatMap((p) => encodings.map((e) => [p, e] as const))) {
      const path = page.path(data);
      const headers: Record<string, string> = {
        ...(page.signedIn ? { Cookie: cookie } : {}),
        ...(encoding === "identity" ? {} : { "Accept-Encoding": encoding }),
      };
      // One request at a time first: where a request's own time goes, without queueing behind others.
      await app.pauseTimings(false);
      await app.timings();
      for (let i = 0; i < samples; i++) {
        const response = await fetch(app.url + path, { headers, redirect: "manual" });
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        await response.arrayBuffer();
      }
      const t = (await app.timings())[path];
      if (!t) throw new Error(`no timings for ${path}`);
      // Then the load, without the per-request account (an AsyncLocalStorage and a listener) that production does not keep.
      await app.pauseTimings(true);
      const n = t.requests;
      const { bytes, ours, bare } = await compareWithBare(
        app.url,
        path,
        { seconds, connections, headers, scratchDir: database.scratchDir, cpuMs: app.cpuMs },
        startBareServer,
      );
      const shares = ours.map((f, i) => f.rps / bare[i]!.rps);
      const last = ours.length - 1;
      const p99Goal = page.goal.p99?.[kind];
      const met = shares.every((s) => s >= page.goal.share) && (p99Goal === undefined || ours[last]!.p99 < p99Goal);
      const row = [
        page.name,
        path,
        encoding,
        kind === "server" ? "PostgreSQL" : "PGlite",
        data,
        stats,
        String(bytes),
        ours.map((f) => f.rps.toFixed(0)).join(" / "),
        String(ours[last]!.p99),
        bare.map((f) => f.rps.toFixed(0)).join(" / "),
        shares.map(pct).join(" / "),
        ours.map((f, i) => cpuShare(bare[i]!, f)).join(" / "),
        `${met ? "met" : "not met"} (≥${page.goal.share * 100} %${p99Goal ? `, p99<${p99Goal}` : ""})`,
        ours.map((f) => cpuMs(f)).join(" / "),
        bare.map((f) => cpuMs(f)).join(" / "),
        ms(t.statements / n),
        ms(t.transactions / n),
        ms(t.middlewareMs / n),
        ms(t.loaderMs / n),
        ms(t.renderMs / n),
      ];
      rows.push(row);
      // As it goes, so a run cut short still tells something.
      console.log(row.join(" | "));
    }
  } finally {
    await app.stop();
  }
  return rows;
}

buildApp();
const rows: string[][] = [];
const seededLines: string[] = [];
for (const kind of values.databases.split(",") as Kind[]) {
  for (const data of values.data.split(",") as Data[]) {
    const started = performance.now();
    const database = await prepareDatabase(kind, {
      now,
      analyze: statistics[0] === "analyzed",
      ...(data === "scaled" ? { scale, ...(reuse ? { reuse: `${reuse}_${kind}` } : {}) } : {}),
    });
    if (database.seeded) {
      seededLines.push(
        `scaled data (through the domain's use cases): ${kind}: ${Object.entries(database.seeded)
          .map(([k, v]) => `${v} ${k}`)
          .join(", ")} seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
    try {
      for (const [i, stats] of statistics.entries()) {
        if (i > 0 && stats === "analyzed") {
          seededLines.push(`${kind}, ${data}: ANALYZE took ${(await database.analyze()).toFixed(0)} ms`);
        }
        rows.push(...(await run(kind, data, stats, database)));
      }
    } finally {
      await database.drop();
    }
  }
}
const c = connections.join(" / ");
console.log(
  `\n${seconds} s per run at ${c} connections, one app process, loopback, the app and the bare server back to back at each; ` +
    `log level ${values["log-level"]} (info is the production default; lines to /dev/null); breakdown: mean of ${samples} requests one at a time; ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (was ${startLoad} at the start)`,
);
for (const line of seededLines) console.log(line);
printTable(
  [
    "page",
    "path",
    "accept-encoding",
    "database",
    "data",
    "statistics",
    "bytes",
    `req/s (${c})`,
    `p99 ms @${connections.at(-1)}`,
    `bare req/s (${c})`,
    "share of bare",
    "CPU share",
    "goal",
    `app CPU ms/req (${c})`,
    `bare CPU ms/req (${c})`,
    "statements",
    "transactions",
    "middleware ms",
    "loader ms",
    "render+write ms",
  ],
  rows,
  6,
);
