/**
 * Prints, per shared Pabulib file and reference rule, the parse and compute CPU times (median of several runs) and the
 * speed-up over the pabutools reference seconds recorded in shared/pabulib-expected, then the memory peak of a
 * fresh process that parses the largest file and runs every rule on it. First it builds the published package and
 * times the start-up of its `pb` command printing `--help`. Prints figures only; never fails a build.
 *
 * Then it times the count of the app's count bench (`npm run bench:budgeting`) without its database: 1,000 plans and
 * 100,000 knapsack ballots, generated deterministically, counted as the app does (MES + add1 and greedy, both with
 * their traces, and the explanations in Dutch and English).
 *
 *   npm run bench:pb [-- --runs 3] [-- --only Warszawa | --only count] [-- --startup-only]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { explain } from "../src/explain/explain.ts";
import { parsePabulib } from "../src/pabulib/parse.ts";
import { isReferenceRuleId, REFERENCE_RULES } from "../src/rules/reference-rules.ts";
import { runRule } from "../src/rules/run-rule.ts";
import { corpusFiles, expectedOutcomes, pabulibDir } from "../test-support/corpus.ts";
import { countInstance } from "../test-support/count-instance.ts";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median of `runs` timed runs, after one untimed run so that compiling the code is not counted. Times are the
 * process's CPU time, not wall time: the engine is single-threaded, and CPU time stays meaningful on a shared machine
 * whose other processes would inflate wall time (it even counts the garbage collector's helper threads).
 */
function timed<T>(runs: number, work: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result: T | undefined = work();
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    result = work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), result: result! };
}

/** CPU time (user + system, ms) of the children this process has waited for; undefined off Linux. */
function childrenCpuMs(): number | undefined {
  if (!existsSync("/proc/self/stat")) return undefined;
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // cutime and cstime are fields 16 and 17 of stat(5), in clock ticks (100 per second on Linux).
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Builds the package as published and times `node lib/cli/main.js --help`: wall time and CPU time, medians. */
function startup(runs: number): void {
  const out = mkdtempSync(join(tmpdir(), "pb-bench-"));
  try {
    const build = fileURLToPath(new URL("../scripts/build.ts", import.meta.url));
    execFileSync(process.execPath, [build, "--out", out, "--no-check"]);
    const bin = join(out, "lib/cli/main.js");
    const measure = (args: string[]) => {
      execFileSync(process.execPath, args);
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < Math.max(runs, 10); i++) {
        const cpuBefore = childrenCpuMs();
        const start = performance.now();
        execFileSync(process.execPath, args);
        wall.push(performance.now() - start);
        const cpuAfter = childrenCpuMs();
        if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push(cpuAfter - cpuBefore);
      }
      return `wall ${median(wall).toFixed(0)} ms${cpu.length > 0 ? `, CPU ${median(cpu).toFixed(0)} ms` : ""}`;
    };
    const help = measure([bin, "--help"]);
    const bare = measure(["-e", "0"]);
    console.log(
      `CLI start-up, built package, \`node lib/cli/main.js --help\` (Node ${process.versions.node}): ${help}` +
        ` (medians of ${Math.max(runs, 10)} runs; Node itself, \`node -e 0\`: ${bare})\n`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Child mode: parse one file, run every reference rule on it, report the peak resident memory in MB. */
function memoryPeak(file: string): void {
  const election = parsePabulib(readFileSync(`${pabulibDir}${file}`, "utf8"));
  for (const expected of expectedOutcomes(file)) {
    if (isReferenceRuleId(expected.rule)) REFERENCE_RULES[expected.rule](election);
  }
  process.stdout.write(String(process.resourceUsage().maxRSS / 1024));
}

function table(): void {
  const runs = Number(option("--runs") ?? 3);
  const only = option("--only");
  const rows: string[][] = [["file", "ballots", "rule", "parse ms", "compute ms", "reference s", "speed-up", "same"]];
  let totalCompute = 0;
  let totalParse = 0;
  let worstTarget = Number.POSITIVE_INFINITY;
  for (const file of corpusFiles().filter((f) => !only || f.includes(only))) {
    const text = readFileSync(`${pabulibDir}${file}`, "utf8");
    const parse = timed(runs, () => parsePabulib(text));
    totalParse += parse.ms;
    const election = parse.result;
    for (const expected of expectedOutcomes(file)) {
      if (!isReferenceRuleId(expected.rule)) continue;
      const run = REFERENCE_RULES[expected.rule];
      // A fresh copy each time: equal shares remembers the add1 search per election object, and every run here must
      // do the whole computation, as the reference did for each rule.
      const compute = timed(expected.seconds > 1 ? runs : Math.max(runs, 5), () => run({ ...election }));
      totalCompute += compute.ms;
      const speedUp = (expected.seconds * 1000) / Math.max(compute.ms, 0.001);
      if (expected.rule.includes("add1") && election.voterCount > 10_000) worstTarget = Math.min(worstTarget, speedUp);
      const same = [...compute.result.selected].sort().join() === [...expected.selected].sort().join();
      rows.push([
        file.replace(/\.pb$/, "").slice(0, 38),
        String(election.voterCount),
        expected.rule,
        parse.ms.toFixed(1),
        compute.ms.toFixed(compute.ms < 10 ? 2 : 0),
        String(expected.seconds),
        `${speedUp >= 100 ? speedUp.toFixed(0) : speedUp.toFixed(1)}×`,
        same ? "yes" : "NO",
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) {
    console.log(row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
  }
  console.log(
    `\nall rules on all files: compute ${(totalCompute / 1000).toFixed(2)} s, parse ${(totalParse / 1000).toFixed(2)} s`,
  );
  console.log(`slowest speed-up on MES+add1 instances over 10,000 ballots: ${worstTarget.toFixed(0)}×`);
  const largest = corpusFiles().reduce((a, b) =>
    statSync(`${pabulibDir}${a}`).size >= statSync(`${pabulibDir}${b}`).size ? a : b,
  );
  const peak = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--memory", largest], {
    encoding: "utf8",
  });
  console.log(`memory peak (resident), parsing ${largest} and running all its rules: ${Number(peak).toFixed(0)} MB`);
}

/** The app's count of a big area, as `countArea` makes it (the same rule specs, traces and explanations). */
function count(): void {
  const runs = Number(option("--runs") ?? 3);
  const election = countInstance();
  const compute = timed(runs, () => {
    // A fresh copy each time: the add1 search is remembered per election object.
    const main = runRule({ ...election }, MES_ADD1, { trace: true });
    runRule({ ...election }, { rule: "greedy", satisfaction: "cost", tieBreak: "most-supporters" }, { trace: true });
    return { main, sentences: [...explain(main.trace!, "nl"), ...explain(main.trace!, "en")] };
  });
  console.log(
    `\ncount of ${election.projects.length} plans, ${election.voterCount} ballots (${election.ballots.length} distinct),` +
      ` MES + add1 and greedy with traces and explanations: ${compute.ms.toFixed(0)} ms CPU (median of ${runs});` +
      ` ${compute.result.main.selected.length} selected, ${compute.result.sentences.length} sentences`,
  );
}

const MES_ADD1 = {
  rule: "equal-shares",
  satisfaction: "cost",
  completion: "add1",
  tieBreak: "most-supporters",
} as const;

const memoryFile = option("--memory");
if (memoryFile) memoryPeak(memoryFile);
else {
  const only = option("--only");
  if (only !== "count") startup(Number(option("--runs") ?? 3));
  if (!args.includes("--startup-only") && only !== "count") table();
  if (!args.includes("--startup-only") && (only === undefined || only === "count")) count();
}
