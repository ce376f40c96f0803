/**
 * A first visit to each public page on an emulated slow phone, in Debian's Chromium: 150 ms round trip,
 * 1.6 Mbit/s down, 750 kbit/s up, the CPU four times slower, a 390 px wide screen, nothing cached. Prints the
 * Largest Contentful Paint (median of the runs) and the JS, CSS and HTML each page loads: bytes on the wire
 * (compressed, headers included) and decoded. Asserts nothing (issue 15's goals: LCP < 2.5 s, JS < 100 kB).
 *   npm run bench:browser [-- --runs 3 --pages home,municipality --url http://127.0.0.1:3000]
 * Without `--url` it builds the app and starts it on the embedded database with the demo content.
 */
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { startAppProcess } from "./support/app-process.ts";
import { printTable } from "./support/measure.ts";

const pages = {
  home: "/",
  programme: "/programma",
  municipality: "/dijkstad",
  trajectory: "/programma/trajecten/kernendemocratie",
  results: "/veenhoven/burgerbegroting/dorpsbudget-2025/uitslag",
  knowledge: "/kennisbank",
} as const;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    pages: { type: "string", default: Object.keys(pages).join(",") },
    url: { type: "string" },
  },
});
const runs = Number(values.runs);
const chosen = values.pages.split(",") as (keyof typeof pages)[];

type Kind = "html" | "js" | "css" | "other";
type Bytes = Record<Kind, { wire: number; decoded: number; files: number }>;

const kindOf = (url: string, type: string | undefined): Kind =>
  type === "Document" ? "html" : /\.m?js(\?|$)/.test(url) ? "js" : /\.css(\?|$)/.test(url) ? "css" : "other";

async function visit(browser: import("playwright-core").Browser, url: string) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: "nl-NL",
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: 1_600_000 / 8,
    uploadThroughput: 750_000 / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const requests = new Map<string, { url: string; kind: Kind; decoded: number }>();
  const bytes: Bytes = {
    html: { wire: 0, decoded: 0, files: 0 },
    js: { wire: 0, decoded: 0, files: 0 },
    css: { wire: 0, decoded: 0, files: 0 },
    other: { wire: 0, decoded: 0, files: 0 },
  };
  cdp.on("Network.requestWillBeSent", (e) =>
    requests.set(e.requestId, { url: e.request.url, kind: kindOf(e.request.url, e.type), decoded: 0 }),
  );
  cdp.on("Network.dataReceived", (e) => {
    const request = requests.get(e.requestId);
    if (request) request.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const request = requests.get(e.requestId);
    if (!request) return;
    const sum = bytes[request.kind];
    sum.wire += e.encodedDataLength;
    sum.decoded += request.decoded;
    sum.files++;
  });
  // The last candidate before the page settles is the page's LCP; the observer sees entries from before it started.
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      const last = list.getEntries().at(-1);
      if (last) (window as unknown as { lcp: number }).lcp = last.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const response = await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForTimeout(500);
  const lcp = await page.evaluate(() => (window as unknown as { lcp?: number }).lcp ?? Number.NaN);
  await context.close();
  return { lcp, bytes };
}

const app = values.url ? undefined : await startAppProcess();
const base = values.url ?? app!.url;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
const kB = (n: number) => (n / 1000).toFixed(1);
const rows: string[][] = [];
try {
  for (const name of chosen) {
    const path = pages[name];
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await visit(browser, base + path));
    // A run whose page reported no LCP entry (it happens under heavy load) is left out of the median.
    const lcps = results
      .map((r) => r.lcp)
      .filter((l) => !Number.isNaN(l))
      .sort((a, b) => a - b);
    const median = lcps[Math.floor(lcps.length / 2)] ?? Number.NaN;
    const { bytes } = results[0]!;
    const row = [
      name,
      path,
      (median / 1000).toFixed(2),
      lcps.map((l) => (l / 1000).toFixed(2)).join(" "),
      `${kB(bytes.js.wire)} / ${kB(bytes.js.decoded)} (${bytes.js.files})`,
      `${kB(bytes.css.wire)} / ${kB(bytes.css.decoded)} (${bytes.css.files})`,
      `${kB(bytes.html.wire)} / ${kB(bytes.html.decoded)}`,
    ];
    rows.push(row);
    console.log(row.join(" | "));
  }
} finally {
  await browser.close();
  await app?.stop();
}
console.log(
  `\nFirst visit, emulated slow phone (150 ms RTT, 1.6 Mbit/s down, 4× CPU, 390 px), ${runs} runs per page; kB = 1000 bytes`,
);
printTable(
  [
    "page",
    "path",
    "LCP s (median)",
    "LCP s (runs)",
    "JS kB wire / decoded (files)",
    "CSS kB wire / decoded (files)",
    "HTML kB wire / decoded",
  ],
  rows,
  2,
);
