import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/index.ts";
import { freePort } from "../support/app-instance.ts";
import { freshServerDatabase } from "../support/database.ts";
import { addVillageCouncil, givenStaffMember, staffCookie } from "../support/staff-session.ts";
import { givenKern, givenTwoMunicipalities } from "../support/tenant-fixtures.ts";

/**
 * `npm start` with `WEB_CONCURRENCY=2` (server/cluster.ts, ADR 0039), as an operator runs it: a primary that forks
 * two HTTP processes on one port. Each process keeps its own page cache (ADR 0030), so the `X-Page-Cache` header
 * tells them apart: a page no process has rendered yet is a miss once in each, and a hit after. PostgreSQL server
 * only: on the embedded database one process serves, whatever the setting.
 */
const PAGE = "/aldorp/raden";
let database: DatabaseHandle & { url: string };
let primary: ChildProcess;
let url: string;
let output = "";
let kern: string;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A GET on a connection of its own: the primary hands each new connection to the next process in turn. */
function fetchAlone(path: string) {
  return new Promise<{ status: number; cache: string | undefined; html: string }>((resolve, reject) => {
    httpGet(`${url}${path}`, { agent: false }, (response) => {
      let html = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        html += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode!, cache: response.headers["x-page-cache"] as string | undefined, html }),
      );
    }).on("error", reject);
  });
}

/** The page `times` times, each on a new connection; how many answers each process rendered rather than reused. */
async function askInTurn(times: number) {
  const answers = [];
  for (let i = 0; i < times; i++) answers.push(await fetchAlone(PAGE));
  for (const answer of answers) expect(answer.status).toBe(200);
  return { answers, misses: answers.filter((a) => a.cache === "miss").length };
}

/** The HTTP processes the primary has forked (the kernel's list of its children). */
const workers = () =>
  readFileSync(`/proc/${primary.pid}/task/${primary.pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);

describe.skipIf(!process.env.DATABASE_URL)("WEB_CONCURRENCY=2 on a PostgreSQL server", () => {
  beforeAll(async () => {
    database = await freshServerDatabase();
    const [aldorp] = await givenTwoMunicipalities(database);
    kern = await givenKern(database, aldorp.id, "Aldeveen");
    await givenStaffMember(database, [aldorp.id], { email: "medewerker@aldorp.nl", displayName: "Mirjam Medewerker" });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    primary = spawn(process.execPath, [new URL("../../server/main.ts", import.meta.url).pathname], {
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: database.url,
        PORT: String(port),
        PUBLIC_URL: url,
        WEB_CONCURRENCY: "2",
        LOG_LEVEL: "info",
        SEED_DEMO: "false",
        RUN_WORKER: "false",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    primary.stdout!.on("data", (chunk) => {
      output += chunk;
    });
    primary.stderr!.on("data", (chunk) => {
      output += chunk;
    });
    // Each process loads the build: seconds apiece on a busy machine.
    for (const until = Date.now() + 150_000; !output.includes("every HTTP process listens"); await pause(200)) {
      if (Date.now() > until || primary.exitCode !== null) throw new Error(`the app did not start:\n${output}`);
    }
  }, 180_000);
  afterAll(async () => {
    if (primary?.exitCode === null) {
      primary.kill("SIGTERM");
      await new Promise((resolve) => primary.once("exit", resolve));
    }
    await database?.close();
  });

  it("serves from both processes, each with its own cache", async () => {
    expect(workers()).toHaveLength(2);
    const { answers, misses } = await askInTurn(6);
    // One miss per process: with one process serving, the second answer would have been a hit.
    expect(misses).toBe(2);
    expect(answers.map((a) => a.cache)).toEqual(["miss", "miss", "hit", "hit", "hit", "hit"]);
    for (const answer of answers) expect(answer.html).toContain("Gemeente Aldorp");
  });

  it("shows a staff change made through one process in the pages of both", async () => {
    const cookie = await staffCookie(url, "medewerker@aldorp.nl");
    const created = await addVillageCouncil(url, {
      municipality: "aldorp",
      cookie,
      kern,
      slug: "dorpsraad-aldeveen",
      name: "Dorpsraad Aldeveen",
    });
    expect(created.status).toBe(302);
    const { answers, misses } = await askInTurn(4);
    // Each process renders the page anew once, whichever of them took the change.
    expect(misses).toBe(2);
    for (const answer of answers) expect(answer.html).toContain("Dorpsraad Aldeveen");
  });

  it("replaces a process that dies, and the new one serves", async () => {
    const [victim, survivor] = workers();
    process.kill(victim!, "SIGKILL");
    await expect
      .poll(() => workers().filter((pid) => pid !== victim && pid !== survivor).length, { timeout: 30_000 })
      .toBe(1);
    await expect
      .poll(() => output, { timeout: 30_000, interval: 200 })
      .toContain("an HTTP process stopped; starting another");
    // The new process takes connections once it has loaded the build and listens (seconds; a minute or more on a
    // loaded two-core machine); until then the survivor takes every one.
    await expect.poll(async () => (await askInTurn(2)).misses, { timeout: 120_000, interval: 500 }).toBe(1);
    const { answers, misses } = await askInTurn(4);
    expect(misses).toBe(0);
    for (const answer of answers) expect(answer.html).toContain("Dorpsraad Aldeveen");
  }, 180_000);

  it("stops every process on SIGTERM", async () => {
    const children = workers();
    primary.kill("SIGTERM");
    const code = await new Promise((resolve) => primary.once("exit", resolve));
    expect(code).toBe(0);
    for (const pid of children) expect(existsSync(`/proc/${pid}`)).toBe(false);
  });
});
