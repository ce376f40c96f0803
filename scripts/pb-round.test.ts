import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePabulib, runRule } from "@samenspel/pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as resultApi from "../app/routes/api/budget-result.ts";
import * as pabulibExport from "../app/routes/budgeting/pabulib-export.ts";
import { type DatabaseHandle, withPlatform, withTenant } from "../src/db/index.ts";
import {
  exportPabulib,
  getResult,
  getRound,
  listRounds,
  ruleSpecOf,
  type WinnerRule,
} from "../src/domain/budgeting/index.ts";
import { createTenant } from "../src/domain/tenancy/index.ts";
import { givenRound } from "../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../tests/support/database.ts";
import { answerOf, routeHarness } from "../tests/support/route-harness.ts";
import { pbRound } from "./pb-round.ts";

/**
 * shared/ sits beside the repository (CI has it there too) and is read in place; a checkout elsewhere (a git
 * worktree) names it with SAMENSPEL_SHARED. Nothing here is skipped when it is missing: the test fails.
 */
const shared = process.env.SAMENSPEL_SHARED ?? fileURLToPath(new URL("../../shared/", import.meta.url));
const pabulib = (file: string) => join(shared, "pabulib", file);
const expected = (file: string, rule: string) =>
  JSON.parse(readFileSync(join(shared, "pabulib-expected", `${file}.${rule}.json`), "utf8")) as { selected: string[] };

/** Each rule the command offers, and the reference outcome it must reproduce (pabulib-expected/README.md). */
const REFERENCE: Record<WinnerRule, string> = {
  greedy: "greedy_cost",
  "greedy-no-skip": "greedy_noskip",
  "equal-shares-add1": "mes_cost_add1",
  "equal-shares-add1-full": "mes_cost_add1_noexh",
  phragmen: "phragmen",
};

/**
 * Small files, so the suite stays quick on two cores, that still differ: Assen (the official MES outcome), a choose-1
 * round from Amsterdam, Dieppe's 378 voters, a Gdynia file with slashes in its project ids, and Warsaw and Mechanical
 * Turk files whose rules disagree.
 */
const FILES = [
  "Netherlands_Assen_2024.pb",
  "Netherlands_Amsterdam_643.pb",
  "Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals.pb",
  "Poland_Gdynia_2022_Kamienna_Gora__small.pb",
  "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb",
  "Worldwide_Mechanical_Turk_k_approval_3.pb",
];

let handle: DatabaseHandle;
let tenantId: string;
const env = { NODE_ENV: "test", PORT: "0", PUBLIC_URL: "https://samenspel.example", SEED_DEMO: "false" };

beforeAll(async () => {
  handle = await freshDatabase();
  tenantId = await withPlatform(handle.db, async (tx) => {
    const tenant = await createTenant(tx, { slug: "aldorp", name: "Gemeente Aldorp", kind: "municipality" });
    return tenant.id;
  });
});
afterAll(() => handle?.close());

async function run(argv: string[], extra: Partial<typeof env> & Record<string, string> = {}, database = true) {
  let out = "";
  let err = "";
  const code = await pbRound(argv, {
    env: { ...env, ...extra },
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    ...(database ? { database: handle } : {}),
  });
  return { code, out, err };
}

const rounds = () => withTenant(handle.db, { tenantId }, (tx) => listRounds(tx, { tenantId }));

/** The published result of the round the command printed, as reference numbers per area. */
async function selectedOf(out: string) {
  const slug = /\/budgets\/([^/]+)\/result/.exec(out)![1]!;
  return withTenant(handle.db, { tenantId }, async (tx) => {
    const round = await getRound(tx, { tenantId, slug });
    const result = await getResult(tx, { tenantId, roundId: round.id, publishedOnly: true });
    const area = result!.outcome.areas[0]!;
    const reference = new Map(area.plans.map((p) => [p.id, p.reference]));
    return { round, selected: area.selected.map((id) => reference.get(id)!).sort() };
  });
}

describe("npm run pb-round -- import", () => {
  describe.each(FILES)("%s", (file) => {
    it.each(Object.keys(REFERENCE) as WinnerRule[])(
      "counted with %s reproduces the reference outcome",
      async (rule) => {
        const { code, out, err } = await run(["import", "--gemeente", "aldorp", "--rule", rule, pabulib(file)]);
        expect(err).toBe("");
        expect(code).toBe(0);
        const { round, selected } = await selectedOf(out);
        expect(round).toMatchObject({ track: { phase: "results" }, importedFrom: file, rules: { rule } });
        expect(selected).toEqual([...expected(file, REFERENCE[rule]).selected].sort());
      },
    );
  });

  it("reproduces Assen 2024's official winners with equal shares, add1 without early stop; prints the page and the API", async () => {
    const file = "Netherlands_Assen_2024.pb";
    const { code, out } = await run([
      "import",
      "--gemeente",
      "aldorp",
      "--rule",
      "equal-shares-add1-full",
      pabulib(file),
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /Round page: https:\/\/samenspel\.example\/aldorp\/burgerbegroting\/netherlands-assen-2024-\d+\/uitslag/,
    );
    const { selected, round } = await selectedOf(out);
    expect(selected).toEqual([...expected(file, "file_selected").selected].sort());
    const { context } = routeHarness(handle);
    const api = (await resultApi.loader({
      request: new Request(`https://samenspel.example/api/v1/municipalities/aldorp/budgets/${round.slug}/result`),
      context: context(),
      params: { slug: "aldorp", round: round.slug },
    } as never)) as Response;
    expect(await api.json()).toEqual({
      rule: "equal-shares-add1-full",
      areas: [{ area: "Assen", budget: 100_000, selected: expect.arrayContaining(selected) }],
    });
  });

  it("exports the round as a Pabulib file with anonymous ballots, from which the engine counts the same result", async () => {
    const file = "Netherlands_Assen_2024.pb";
    const { out } = await run(["import", "--gemeente", "aldorp", pabulib(file)]);
    const { round, selected } = await selectedOf(out);
    const exported = await withTenant(handle.db, { tenantId }, (tx) =>
      exportPabulib(tx, { tenantId, roundSlug: round.slug, roundAreaId: round.areas[0]!.id }),
    );
    const election = parsePabulib(exported.text);
    expect(election.voterCount).toBe(84);
    expect(election.voteColumns).toEqual(["voter_id", "vote"]);
    const again = runRule(
      election,
      ruleSpecOf({ rule: round.rules.rule, form: round.rules.ballot.form, tieBreak: "reference" }),
    );
    expect([...again.selected].sort()).toEqual(selected);
    // Identical ballots sit together in a fixed order, numbered 1…n: nothing tells who voted when.
    const votes = exported.text.split("VOTES\n")[1]!.trim().split("\n").slice(1);
    expect(votes.map((line) => line.split(";")[0])).toEqual(votes.map((_, i) => String(i + 1)));
    const ballots = votes.map((line) => line.split(";")[1]!);
    const runs = ballots.filter((ballot, i) => ballot !== ballots[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    // The same file is open data on the round's results page, and only once a result is published.
    const { context } = routeHarness(handle);
    const download = (gemeente: string, ronde: string, gebied: string) =>
      answerOf(() =>
        pabulibExport.loader({
          request: new Request(`https://samenspel.example/${gemeente}/burgerbegroting/${ronde}/pabulib/${gebied}`),
          context: context(),
          params: { gemeente, ronde, gebied },
        } as never),
      );
    const served = await download("aldorp", round.slug, round.areas[0]!.id);
    expect(served.status).toBe(200);
    expect(await served.response?.text()).toBe(exported.text);
    const open = await givenRound(handle.db, { tenantId, personId: null as never });
    expect((await download("aldorp", open.slug, open.areas[0]!.id)).status).toBe(404);
    expect((await download("aldorp", round.slug, "niet-een-gebied")).status).toBe(404);
    // The exported file imports again to the same result.
    const path = join(mkdtempSync(join(tmpdir(), "pb-round-")), exported.fileName);
    writeFileSync(path, exported.text);
    const reimported = await run(["import", "--gemeente", "aldorp", path]);
    expect((await selectedOf(reimported.out)).selected).toEqual(selected);
  });

  it.each([
    ["an unknown municipality", ["import", "--gemeente", "nergens", "FILE"], /no municipality "nergens"/],
    ["an unknown rule", ["import", "--gemeente", "aldorp", "--rule", "dictator", "FILE"], /unknown rule "dictator"/],
    ["no file", ["import", "--gemeente", "aldorp"], /exactly one \.pb file/],
    ["a file that is not there", ["import", "--gemeente", "aldorp", "/nonexistent/x.pb"], /no such file/],
    ["a malformed file", ["import", "--gemeente", "aldorp", "BROKEN"], /line \d+/],
    ["equal shares for ranked ballots", ["import", "--gemeente", "aldorp", "RANKED"], /cannot count ranked ballots/],
    ["scoring ballots", ["import", "--gemeente", "aldorp", "--rule", "greedy", "SCORING"], /not supported/],
  ])("refuses %s with exit 2 and the reason, and leaves no round", async (_name, argv, reason) => {
    const dir = mkdtempSync(join(tmpdir(), "pb-round-"));
    writeFileSync(
      join(dir, "broken.pb"),
      "META\nkey;value\nbudget;veel\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\n1;2\n",
    );
    const scoring =
      "META\nkey;value\nnum_projects;1\nnum_votes;1\nbudget;100\nvote_type;scoring\n" +
      "PROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote;points\n1;1;5\n";
    writeFileSync(join(dir, "scoring.pb"), scoring);
    const files: Record<string, string> = {
      FILE: pabulib("Netherlands_Assen_2024.pb"),
      BROKEN: join(dir, "broken.pb"),
      RANKED: pabulib("Worldwide_Mechanical_Turk_Ranking_value_3.pb"),
      SCORING: join(dir, "scoring.pb"),
    };
    const before = await rounds();
    const { code, err } = await run(argv.map((a) => files[a] ?? a));
    expect(code).toBe(2);
    expect(err).toMatch(reason);
    expect(await rounds()).toEqual(before);
  });

  it("says plainly when the embedded database is held by a running app, and changes nothing", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "pb-round-")), "pglite");
    writeFileSync(`${dataDir}.lock`, String(process.ppid));
    const { code, err } = await run(
      ["import", "--gemeente", "aldorp", pabulib("Netherlands_Assen_2024.pb")],
      { DATA_DIR: dataDir },
      false,
    );
    expect(code).toBe(1);
    expect(err).toContain(
      `The embedded database in ${dataDir} is in use by a running Samenspel app (process ${process.ppid})`,
    );
  });
});
