/**
 * Requests/s and latency of server-rendered pages next to a bare node:http server returning the same bytes, so the
 * figure shows what our stack costs over the minimum. Prints a table; asserts nothing.
 *   npm run bench:http [-- --seconds 10 --connections 10 --paths /,/dijkstad]
 */
import { parseArgs } from "node:util";
import { startAppProcess, startBareServer } from "./support/app-process.ts";
import { pageAgainstBaseline, printTable } from "./support/measure.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    paths: { type: "string", default: "/,/dijkstad" },
  },
});
const load = { seconds: Number(values.seconds), connections: Number(values.connections) };

const app = await startAppProcess();
const rows: string[][] = [];
try {
  for (const path of values.paths.split(",")) {
    rows.push(...(await pageAgainstBaseline(app.url, path, { ...load, scratchDir: app.dataDir }, startBareServer)));
  }
} finally {
  await app.stop();
}
console.log(`${load.connections} connections, ${load.seconds} s per run, one app process, loopback`);
printTable(["page", "server", "bytes", "req/s", "p50 ms", "p99 ms"], rows, 2);
