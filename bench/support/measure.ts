import { get, type IncomingHttpHeaders } from "node:http";
import autocannon from "autocannon";

export type Figures = { rps: number; p50: number; p99: number; requests: number; cpuMsPerRequest?: number };

/** Fixed-duration load from `connections` keep-alive connections; every non-2xx answer makes the run invalid. */
export async function measure(
  url: string,
  o: { seconds: number; connections: number } & Pick<autocannon.Options, "method" | "headers" | "requests">,
): Promise<Figures> {
  const { seconds, connections, ...request } = o;
  const result = await autocannon({ url, connections, duration: seconds, ...request });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

/** The `q` quantile (0.5, 0.99) of values sorted in ascending order. */
export const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Prints rows as an aligned table: text columns left, figures right. */
export function printTable(header: string[], rows: string[][], numericFrom: number) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i >= numericFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

type StartBare = (
  dir: string,
  body: Buffer,
  headers: Record<string, string>,
) => Promise<{ url: string; stop(): Promise<void>; cpuMs?(): number | undefined }>;

/** Load on `url`, with the CPU time per request that `cpuMs` (a process's CPU time so far) counts during it. */
async function measureWithCpu(
  url: string,
  o: Parameters<typeof measure>[1],
  cpuMs: (() => number | undefined) | undefined,
): Promise<Figures> {
  const before = cpuMs?.();
  const figures = await measure(url, o);
  const after = cpuMs?.();
  if (before !== undefined && after !== undefined) figures.cpuMsPerRequest = (after - before) / figures.requests;
  return figures;
}

/** One GET, its body as it came over the wire. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    }).on("error", reject);
  });
}

/**
 * Our server and, right after, the bare baseline serving the same bytes, at each number of connections: the
 * figures for one path. `headers` go with every request (a session cookie for a staff page).
 */
export async function compareWithBare(
  appUrl: string,
  path: string,
  o: {
    seconds: number;
    connections: readonly number[];
    scratchDir: string;
    headers?: Record<string, string>;
    /**
     * The app's CPU time so far: each of our figures then has the CPU time per request, which load inflates little;
     * the bare server's figures have it too when its starter gives its CPU time.
     */
    cpuMs?: () => number | undefined;
  },
  startBare: StartBare,
): Promise<{ bytes: number; ours: Figures[]; bare: Figures[] }> {
  // The bytes as sent (fetch would decode a compressed answer), so the bare server sends the same ones.
  const page = await rawGet(appUrl + path, o.headers ?? {});
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const body = page.body;
  const load = { seconds: o.seconds, headers: o.headers ?? {} };
  const bare = await startBare(o.scratchDir, body, {
    "Content-Type": String(page.headers["content-type"] ?? "text/html"),
    ...(page.headers["content-encoding"] ? { "Content-Encoding": String(page.headers["content-encoding"]) } : {}),
  });
  // Ours and the bare server back to back at each number of connections, so a change in the machine's load between
  // them is as short as it can be.
  const ours: Figures[] = [];
  const baseline: Figures[] = [];
  try {
    for (const connections of o.connections) {
      ours.push(await measureWithCpu(appUrl + path, { ...load, connections }, o.cpuMs));
      baseline.push(await measureWithCpu(bare.url, { seconds: o.seconds, connections }, bare.cpuMs));
    }
  } finally {
    await bare.stop();
  }
  return { bytes: body.length, ours, bare: baseline };
}

/** Our server next to the bare baseline for the same page: the rows for one path. */
export async function pageAgainstBaseline(
  appUrl: string,
  path: string,
  o: { seconds: number; connections: number; scratchDir: string },
  startBare: StartBare,
): Promise<string[][]> {
  const { bytes, ours, bare } = await compareWithBare(appUrl, path, { ...o, connections: [o.connections] }, startBare);
  const row = (server: string, f: Figures) => [
    path,
    server,
    String(bytes),
    f.rps.toFixed(0),
    String(f.p50),
    String(f.p99),
  ];
  return [row("samenspel", ours[0]!), row("bare node:http", bare[0]!)];
}
