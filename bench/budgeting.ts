/**
 * Burgerbegroting under load (issue 11), on the PostgreSQL server of DATABASE_URL (a scratch database is made there
 * and dropped at the end):
 * (1) ballots cast over HTTP with postal voting codes, each a no-JavaScript form post to the app's voting page (and the
 *     receipt page its 303 points to), from `connections` keep-alive connections, with some codes sent twice at once:
 *     ballots/s, p50 and p99, and the ballots and "has voted" rows counted afterwards (lost and double counts);
 * (2) the count of one area with `plans` plans and `count-ballots` paper ballots through the app's count use case
 *     (`countRound`: the round's rule, MES + add1, its comparison rule, greedy, and the explanations);
 * (3) the results pages of both rounds, with the anonymous page cache on (as deployed) and off.
 * Everything is seeded through the domain's use cases: rounds, plans and their review, a batch of voting codes, and
 * double-entered paper batches. Prints figures; asserts nothing.
 *   DATABASE_URL=postgres://… npm run bench:budgeting [-- --ballots 10000 --duplicates 200 --connections 64
 *                          --plans 1000 --count-ballots 100000 --seconds 5 --page-connections 10,64 --processes 1
 *                          --cpu-prof DIR]
 * `--processes N`: the app that takes the ballots serves from N HTTP processes (`WEB_CONCURRENCY`, ADR 0039); its CPU
 * time is theirs added up.
 * `--cpu-prof DIR`: the app process that takes the ballots writes a V8 CPU profile into DIR when it stops (a profiled
 * run's times are not the figures to quote).
 */
import http from "node:http";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { count, eq } from "drizzle-orm";
import { knapsackChoice, zipfPick } from "../packages/pb/test-support/popularity.ts";
import { random } from "../packages/pb/test-support/random-election.ts";
import { type Database, migrate, schema, withPlatform, withTenant } from "../src/db/index.ts";
import {
  countRound,
  createCodeBatch,
  createPaperBatch,
  enterPaperBatch,
  getResult,
  revealCodeBatch,
} from "../src/domain/budgeting/index.ts";
import { findOrCreatePerson } from "../src/domain/identity/index.ts";
import { givenMunicipality, givenRound, KNAPSACK } from "../tests/support/budgeting-fixtures.ts";
import { BENCH_VOTING_CODE_KEY, buildApp, type RunningApp, startAppProcess } from "./support/app-process.ts";
import { scratchDatabase } from "./support/databases.ts";
import { measure, printTable, quantile } from "./support/measure.ts";

const { values } = parseArgs({
  options: {
    ballots: { type: "string", default: "10000" },
    duplicates: { type: "string", default: "200" },
    connections: { type: "string", default: "64" },
    plans: { type: "string", default: "1000" },
    "count-ballots": { type: "string", default: "100000" },
    seconds: { type: "string", default: "5" },
    "page-connections": { type: "string", default: "10,64" },
    processes: { type: "string", default: "1" },
    "cpu-prof": { type: "string" },
  },
});
const ballots = Number(values.ballots);
const duplicates = Math.min(ballots, Number(values.duplicates));
const connections = Number(values.connections);
const bigPlans = Number(values.plans);
const countBallots = Number(values["count-ballots"]);
const seconds = Number(values.seconds);
const pageConnections = values["page-connections"].split(",").map(Number);
const processes = Number(values.processes);
/** Paper ballots per batch: the most one batch takes (`parsePaperLines`). */
const PAPER_BATCH = 10_000;
const TARGETS = { castP99: 200, countMs: 5_000, resultsP99: 100 };

if (!process.env.DATABASE_URL) {
  console.error("bench:budgeting runs on a PostgreSQL server: DATABASE_URL=postgres://… npm run bench:budgeting");
  process.exit(2);
}

const next = random(11);
const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}`;
const ms = (value: number) => value.toFixed(1);
const verdict = (met: boolean, target: string) => `${met ? "met" : "MISSED"} (${target})`;

/** A request's status and the `Set-Cookie` pairs of its answer, once its body has been read (status 0: it failed). */
function send(
  agent: http.Agent,
  url: URL,
  o: { method: "GET" | "POST"; body?: string; cookie?: string },
): Promise<{ status: number; location?: string; cookies: string[] }> {
  return new Promise((resolve) => {
    const headers: http.OutgoingHttpHeaders = o.cookie ? { cookie: o.cookie } : {};
    if (o.body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = Buffer.byteLength(o.body);
    }
    const request = http.request(url, { method: o.method, agent, headers }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location,
          cookies: (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!),
        }),
      );
    });
    request.on("error", () => resolve({ status: 0, cookies: [] }));
    request.end(o.body);
  });
}

/**
 * A ballot as a browser without JavaScript casts it: the form post, and when the answer is a redirect (303 to the
 * receipt page), the page it points to with the cookies the post set. The status is the post's; 200 for the page
 * after it counts as shown.
 */
async function postForm(agent: http.Agent, url: URL, body: string): Promise<{ status: number; shown: boolean }> {
  const posted = await send(agent, url, { method: "POST", body });
  if (posted.status !== 303 || !posted.location) return { status: posted.status, shown: posted.status === 200 };
  const page = await send(agent, new URL(posted.location, url), { method: "GET", cookie: posted.cookies.join("; ") });
  return { status: posted.status, shown: page.status === 200 };
}

type Cast = { code: string; body: string };

/** Every cast posted once, in order, by `connections` workers that each keep one connection busy. */
async function castAll(url: URL, casts: readonly Cast[]) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const answers: { code: string; status: number; shown: boolean; ms: number }[] = [];
  let taken = 0;
  const worker = async () => {
    while (taken < casts.length) {
      const cast = casts[taken++]!;
      const started = performance.now();
      const { status, shown } = await postForm(agent, url, cast.body);
      answers.push({ code: cast.code, status, shown, ms: performance.now() - started });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const wallSeconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { answers, wallSeconds };
}

const countRows = async (db: Database, tenantId: string, roundId: string) =>
  withTenant(db, { tenantId }, async (tx) => {
    const [stored] = await tx
      .select({ n: count() })
      .from(schema.pbBallots)
      .where(eq(schema.pbBallots.roundId, roundId));
    const [voted] = await tx
      .select({ n: count() })
      .from(schema.pbVoterRegister)
      .where(eq(schema.pbVoterRegister.roundId, roundId));
    return { ballots: stored!.n, register: voted!.n };
  });

console.log(`bench:budgeting on the PostgreSQL server; ${load()} at the start`);
buildApp();
const database = await scratchDatabase();
let app: RunningApp | undefined;
try {
  await migrate(database);
  const { db } = database;
  const seedStarted = performance.now();
  const now = new Date();
  const { tenantId, slug: gemeente, personId } = await givenMunicipality(db, "benchstad");
  const { id: typistId } = await withPlatform(db, (tx) =>
    findOrCreatePerson(tx, { email: "tweede-invoerder@example.org", displayName: "Tweede invoerder" }),
  );

  // (1) A round of one area with twenty plans, voting open, and a batch of codes for it.
  const voteBudget = 100_000;
  const voteSpecs = Array.from({ length: 20 }, (_, i) => ({
    area: 0,
    title: `Plan ${i + 1}`,
    cost: int(5, 40) * 1000,
  }));
  const voting = await givenRound(db, {
    tenantId,
    personId,
    rules: KNAPSACK,
    areas: [{ name: "Centrum", budgetEuros: voteBudget }],
    plans: voteSpecs,
  });
  const votePlans = voting.plans.map((p, i) => ({ id: p.id, cost: voteSpecs[i]!.cost }));
  const { codes } = await withTenant(db, { tenantId }, async (tx) => {
    const common = { tenantId, roundId: voting.roundId, key: BENCH_VOTING_CODE_KEY, actorPersonId: personId };
    const { batchId } = await createCodeBatch(tx, { ...common, roundAreaId: voting.areas[0]!.id, size: ballots, now });
    return revealCodeBatch(tx, { ...common, batchId, format: "csv" });
  });

  // (2) A round of one area with many plans, filled with double-entered paper ballots. Popularity falls off like
  // Zipf's law, so a few plans draw many votes and most draw a few, as in the big Pabulib rounds.
  const plans = Array.from({ length: bigPlans }, (_, i) => ({
    area: 0,
    title: `Plan ${i + 1}`,
    cost: int(10, 400) * 1000,
  }));
  const bigBudget = 5_000_000;
  const big = await givenRound(db, {
    tenantId,
    personId,
    rules: KNAPSACK,
    areas: [{ name: "Hele gemeente", budgetEuros: bigBudget }],
    plans,
  });
  const onPaper = big.plans.map((p, i) => ({ reference: p.reference, cost: plans[i]!.cost }));
  const popularIndex = zipfPick(next, onPaper.length);
  const popular = () => onPaper[popularIndex()]!;
  for (let first = 0; first < countBallots; first += PAPER_BATCH) {
    const lines = Array.from({ length: Math.min(PAPER_BATCH, countBallots - first) }, () =>
      knapsackChoice(bigBudget, int(1, 8), popular, (p) => p.cost)
        .map((p) => p.reference)
        .join(", "),
    );
    const text = lines.join("\n");
    await withTenant(db, { tenantId }, async (tx) => {
      const batch = await createPaperBatch(tx, {
        tenantId,
        roundId: big.roundId,
        roundAreaId: big.areas[0]!.id,
        label: `Stapel ${first / PAPER_BATCH + 1}`,
        actorPersonId: personId,
        now,
      });
      for (const typist of [personId, typistId]) {
        await enterPaperBatch(tx, { tenantId, roundId: big.roundId, batchId: batch.id, personId: typist, text, now });
      }
    });
  }
  const seeded = await countRows(db, tenantId, big.roundId);
  console.log(
    `Seeded through the use cases in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s: a round of 20 plans ` +
      `with ${codes.length} voting codes, and a round of ${bigPlans} plans with ${seeded.ballots} paper ballots`,
  );

  // (1) The ballots over HTTP. Each duplicate follows its original at once, so both are in flight together.
  app = await startAppProcess(
    {
      DATABASE_URL: database.url!,
      SEED_DEMO: "false",
      WEB_CONCURRENCY: String(processes),
      ...(values["cpu-prof"] ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values["cpu-prof"]}` } : {}),
    },
    { build: false },
  );
  const casts: Cast[] = [];
  const every = duplicates > 0 ? Math.floor(codes.length / duplicates) : 0;
  codes.forEach((code, i) => {
    const form = new URLSearchParams({ intent: "vote", secret: code });
    const pick = () => votePlans[int(0, votePlans.length - 1)]!;
    for (const plan of knapsackChoice(voteBudget, int(1, 5), pick, (p) => p.cost)) form.append("plan", plan.id);
    const cast = { code, body: form.toString() };
    casts.push(cast);
    if (every > 0 && i % every === 0 && i / every < duplicates) casts.push(cast);
  });
  const castUrl = new URL(`${app.url}/${gemeente}/burgerbegroting/${voting.slug}/stemmen`);
  console.log(`\nCasting ${casts.length} ballots (${casts.length - codes.length} of them a code again); ${load()}`);
  await app.timings();
  const cpuBefore = app.cpuMs();
  const { answers, wallSeconds } = await castAll(castUrl, casts);
  const castCpuMs = (app.cpuMs() ?? Number.NaN) - (cpuBefore ?? Number.NaN);
  // The post and the receipt page it sends the voter to: together they are what one ballot costs the app.
  const castTimings = Object.values(await app.timings()).reduce(
    (sum, t) => ({ statements: sum.statements + t.statements, transactions: sum.transactions + t.transactions }),
    { statements: 0, transactions: 0 },
  );
  const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
  const accepted = new Map<string, number>();
  let receiptsNotShown = 0;
  const statuses = new Map<number, number>();
  for (const a of answers) {
    statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
    if (a.status === 200 || a.status === 303) accepted.set(a.code, (accepted.get(a.code) ?? 0) + 1);
    if (a.status === 303 && !a.shown) receiptsNotShown++;
  }
  const stored = await countRows(db, tenantId, voting.roundId);
  const acceptedTwice = [...accepted.values()].filter((n) => n > 1).length;
  const lost = Math.max(0, accepted.size - stored.ballots) + Math.max(0, accepted.size - stored.register);
  const double =
    Math.max(0, stored.ballots - accepted.size) + Math.max(0, stored.register - accepted.size) + acceptedTwice;
  const p99 = quantile(latencies, 0.99);
  console.log(
    `Ballots over HTTP: ${connections} connections, ${processes === 1 ? "one app process" : `${processes} app processes`}, loopback; a no-JavaScript form post each, and the receipt page a 303 points to (in the time and the costs per ballot); ${load()}`,
  );
  printTable(
    [
      "ballots/s",
      "p50 ms",
      "p99 ms",
      "answers",
      "ballots stored",
      "has-voted rows",
      "lost",
      "double",
      "p99 goal",
      "receipts not shown",
      "app CPU ms/ballot",
      "statements/ballot",
      "transactions/ballot",
    ],
    [
      [
        (accepted.size / wallSeconds).toFixed(0),
        ms(quantile(latencies, 0.5)),
        ms(p99),
        [...statuses].map(([status, n]) => `${n}×${status}`).join(" "),
        String(stored.ballots),
        String(stored.register),
        String(lost),
        String(double),
        verdict(p99 < TARGETS.castP99, `p99 < ${TARGETS.castP99} ms`),
        String(receiptsNotShown),
        ms(castCpuMs / answers.length),
        ms(castTimings.statements / answers.length),
        ms(castTimings.transactions / answers.length),
      ],
    ],
    0,
  );
  await voting.move("voting", "counting");
  await withTenant(db, { tenantId }, (tx) => countRound(tx, { tenantId, roundId: voting.roundId, now }));
  await voting.move("counting", "results");

  // (2) The count of the big area, in the bench's own process (as the queue's worker would run it).
  await big.move("voting", "counting");
  const countCpu = process.cpuUsage();
  const countStarted = performance.now();
  await withTenant(db, { tenantId }, (tx) => countRound(tx, { tenantId, roundId: big.roundId, now }));
  const countMs = performance.now() - countStarted;
  const cpu = process.cpuUsage(countCpu);
  await big.move("counting", "results");
  const result = await withTenant(db, { tenantId }, (tx) =>
    getResult(tx, { tenantId, roundId: big.roundId, publishedOnly: true }),
  );
  const area = result!.outcome.areas[0]!;
  console.log(
    `\nThe count: ${bigPlans} plans, ${area.voters} ballots, MES + add1 with greedy beside it, explanations, stored; ${load()}`,
  );
  printTable(
    ["wall ms", "CPU ms (bench process)", "funded", "spent", "comparison funded", "goal"],
    [
      [
        countMs.toFixed(0),
        ((cpu.user + cpu.system) / 1000).toFixed(0),
        String(area.selected.length),
        `${area.spentEuros} of ${area.budgetEuros}`,
        String(area.comparisonSelected.length),
        verdict(countMs < TARGETS.countMs, `< ${TARGETS.countMs / 1000} s`),
      ],
    ],
    0,
  );
  await app.stop();
  app = undefined;

  // (3) The results pages, with the page cache as deployed and without it (every request rendered).
  const rows: string[][] = [];
  for (const cache of ["on", "off"] as const) {
    app = await startAppProcess(
      { DATABASE_URL: database.url!, SEED_DEMO: "false", ...(cache === "off" ? { PAGE_CACHE_SECONDS: "0" } : {}) },
      { build: false },
    );
    for (const round of [voting, big]) {
      const path = `/${gemeente}/burgerbegroting/${round.slug}/uitslag`;
      const bytes = (await (await fetch(app.url + path)).arrayBuffer()).byteLength;
      for (const c of pageConnections) {
        const pageCpu = app.cpuMs() ?? Number.NaN;
        const f = await measure(app.url + path, { seconds, connections: c });
        const cpuPerRequest = ((app.cpuMs() ?? Number.NaN) - pageCpu) / f.requests;
        rows.push([
          round === big ? `${bigPlans} plans` : "20 plans",
          cache,
          String(bytes),
          String(c),
          f.rps.toFixed(0),
          String(f.p50),
          String(f.p99),
          verdict(f.p99 < TARGETS.resultsP99, `p99 < ${TARGETS.resultsP99} ms`),
          ms(cpuPerRequest),
        ]);
      }
    }
    await app.stop();
    app = undefined;
  }
  console.log(`\nThe results page: ${seconds} s per run, one app process, loopback; ${load()}`);
  printTable(
    ["round", "page cache", "bytes", "connections", "req/s", "p50 ms", "p99 ms", "goal", "app CPU ms/req"],
    rows,
    2,
  );
} finally {
  await app?.stop();
  await database.close();
}
