/**
 * Requests/s and latency of server-rendered pages next to a bare node:http server returning the same bytes, so the
 * figure shows what our stack costs over the minimum. Prints a table; asserts nothing.
 *   npm run bench:http [-- --seconds 10 --connections 10 --paths /,/dijkstad]
 */
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    paths: { type: "string", default: "/,/dijkstad" },
  },
});
const root = new URL("..", import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitUntilUp(url: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
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

async function measure(url: string) {
  const result = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
  });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

execFileSync("npx", ["react-router", "build"], { cwd: root, stdio: "ignore" });
const dataDir = mkdtempSync(join(tmpdir(), "samenspel-bench-"));
const appPort = await freePort();
const app = spawn(process.execPath, ["server/main.ts"], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(appPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    SEED_DEMO: "true",
    RUN_WORKER: "false",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const appUrl = `http://127.0.0.1:${appPort}`;
const rows: string[][] = [];
try {
  await waitUntilUp(`${appUrl}/healthz`);
  for (const path of values.paths.split(",")) {
    const page = await fetch(appUrl + path);
    if (!page.ok) throw new Error(`${path} answered ${page.status}`);
    const file = join(dataDir, "page.html");
    writeFileSync(file, Buffer.from(await page.arrayBuffer()));
    const ours = await measure(appUrl + path);

    const barePort = await freePort();
    const bare = fork(
      new URL("./bare-server.ts", import.meta.url).pathname,
      [file, page.headers.get("content-type") ?? "text/html", String(barePort)],
      { stdio: "ignore" },
    );
    await new Promise((resolve) => bare.once("message", resolve));
    const baseline = await measure(`http://127.0.0.1:${barePort}/`);
    await stop(bare);

    const bytes = String(Buffer.byteLength(await (await fetch(appUrl + path)).text()));
    rows.push([path, "samenspel", bytes, ours.rps.toFixed(0), String(ours.p50), String(ours.p99)]);
    rows.push([path, "bare node:http", bytes, baseline.rps.toFixed(0), String(baseline.p50), String(baseline.p99)]);
  }
} finally {
  await stop(app);
  rmSync(dataDir, { recursive: true, force: true });
}

const header = ["page", "server", "bytes", "req/s", "p50 ms", "p99 ms"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
console.log(`${values.connections} connections, ${values.seconds} s per run, one app process, loopback`);
console.log(line(header));
for (const row of rows) console.log(line(row));
