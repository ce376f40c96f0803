import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/app-instance.ts";

/**
 * `npm run dev` is the README's hot-reload command: Vite loads the routes, Node loads Express and React Router's
 * request handler. Both must get the same copy of React Router, or every page answers 500 ("Invalid `context`
 * value…"). This starts the script exactly as a developer does and loads a page.
 */
let dev: ChildProcess;
let url: string;
let output = "";
const dataDir = mkdtempSync(join(tmpdir(), "samenspel-dev-"));

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _server, NODE_ENV: _mode, ...env } = process.env;
  dev = spawn("npm", ["run", "dev"], {
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, SEED_DEMO: "false", RUN_WORKER: "false", LOG_LEVEL: "warn" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
  };
  dev.stdout?.on("data", keep);
  dev.stderr?.on("data", keep);
  const deadline = Date.now() + 170_000;
  while (
    (await fetch(`${url}/healthz`).then(
      (response) => response.status,
      () => 0,
    )) !== 200
  ) {
    if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`npm run dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Vite bundles the dependencies on the first start; on two busy cores that takes a while.
}, 180_000);

afterAll(() => {
  // npm starts node in the same process group: end the group, which this test started.
  if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("renders a page through Vite", async () => {
    const response = await fetch(`${url}/privacy`);
    const html = await response.text();
    expect(response.status, output).toBe(200);
    expect(html).toContain("<title>");
    expect(html).not.toContain("Unexpected Server Error");
  });
});
