import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TimingTotals } from "../../src/platform/request-timing.ts";

const root = new URL("../..", import.meta.url).pathname;
const timingChannel = new URL("timing-channel.ts", import.meta.url).href;

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Waits for the app's health check: up to five minutes, as migrating and seeding the demo take over a minute on a busy
 * 2-core machine; an app that exits stops the wait at once.
 */
async function waitUntilUp(url: string, app: ChildProcess) {
  for (let attempt = 0; attempt < 3000; attempt++) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}) before ${url} came up`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

/**
 * A process's CPU time from /proc (utime and stime, fields 14 and 15 of stat(5), at 100 ticks a second), with that of
 * the processes it started (the HTTP processes of `WEB_CONCURRENCY`), which are counted while they run.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = readFileSync(file, "utf8").split(") ")[1]!.split(" ");
  const children = `/proc/${pid}/task/${pid}/children`;
  const descendants = existsSync(children)
    ? readFileSync(children, "utf8")
        .split(" ")
        .filter(Boolean)
        .map((child) => processCpuMs(Number(child)) ?? 0)
    : [];
  return (Number(fields[11]) + Number(fields[12])) * 10 + descendants.reduce((a, b) => a + b, 0);
}

export type RunningApp = {
  url: string;
  dataDir: string;
  /** Each path's request count, statements, transactions and phase times since the last call (REQUEST_TIMING). */
  timings(): Promise<Record<string, TimingTotals>>;
  /** Pauses the timing of requests (while the bench measures throughput), or resumes it. */
  pauseTimings(paused: boolean): Promise<void>;
  /** CPU time (user + system, ms) the app process has used so far: a figure a busy machine does not inflate. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
};

/** The voting-code key of every app the bench starts: a bench that makes codes derives them with the same key. */
export const BENCH_VOTING_CODE_KEY = "bench-voting-code-key-of-at-least-32-characters";

// In production mode whatever NODE_ENV the caller has: Vite takes its mode from it (ADR 0038, addendum).
export const buildApp = () =>
  execFileSync("npx", ["react-router", "build"], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });

/**
 * The production build in its own process (so the load generator does not share its event loop), on the embedded
 * database with the demo content, or on `DATABASE_URL` when that is set; `build: false` uses the last build.
 */
export async function startAppProcess(env: Record<string, string> = {}, o = { build: true }): Promise<RunningApp> {
  if (o.build) buildApp();
  const dataDir = mkdtempSync(join(tmpdir(), "samenspel-bench-"));
  const port = await freePort();
  // The timing channel is the bench's, loaded beside the app (support/timing-channel.ts).
  const app = spawn(process.execPath, ["--import", timingChannel, "server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      // The production default (info: a line per request), so the figures include logging; the lines go to /dev/null.
      LOG_LEVEL: "info",
      SEED_DEMO: "true",
      RUN_WORKER: "false",
      REQUEST_TIMING: "true",
      VOTING_CODE_KEY: BENCH_VOTING_CODE_KEY,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/healthz`, app);
  return {
    url,
    dataDir,
    timings: () =>
      new Promise((resolve) => {
        app.once("message", (message) => resolve((message as { timings: Record<string, TimingTotals> }).timings));
        app.send("request-timings");
      }),
    pauseTimings: (paused) =>
      new Promise((resolve) => {
        app.once("message", () => resolve());
        app.send(paused ? "pause-timings" : "resume-timings");
      }),
    cpuMs: () => processCpuMs(app.pid),
    async stop() {
      await stop(app);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A bare node:http server answering every request with `body` and `headers` (its type, and its encoding when the
 * page was compressed): what serving these bytes costs at the least.
 */
export async function startBareServer(dir: string, body: Buffer, headers: Record<string, string>) {
  const file = join(dir, "page.bin");
  writeFileSync(file, body);
  const port = await freePort();
  const bare = fork(
    new URL("../bare-server.ts", import.meta.url).pathname,
    [file, JSON.stringify(headers), String(port)],
    {
      stdio: "ignore",
    },
  );
  await new Promise((resolve) => bare.once("message", resolve));
  return { url: `http://127.0.0.1:${port}/`, stop: () => stop(bare), cpuMs: () => processCpuMs(bare.pid) };
}
