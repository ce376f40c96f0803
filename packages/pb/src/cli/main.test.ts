import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pabulibDir } from "../../test-support/corpus.ts";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));
const pb = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { encoding: "utf8" });

describe("pb command line", () => {
  it("prints the selection in order and the total cost, as JSON on request", () => {
    const output = execFileSync(
      process.execPath,
      [
        main,
        "outcome",
        `${pabulibDir}Netherlands_Assen_2024.pb`,
        "--rule",
        "equal-shares",
        "--completion",
        "add1-full",
        "--json",
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(output)).toEqual({
      selected: ["3", "9", "11", "2", "13", "14", "5", "6", "12"],
      totalCost: 76700,
    });
  });

  it("prints the exact trace and the explanation in Dutch or English, without --json", () => {
    const assen = `${pabulibDir}Netherlands_Assen_2024.pb`;
    const traced = pb("outcome", assen, "--rule", "equal-shares", "--completion", "add1", "--trace");
    expect(traced.status).toBe(0);
    expect(traced.stdout).toContain("each voter's budget EUR 42703/21 (843 increments)");
    expect(traced.stdout).toMatch(/round 1: 3 PopUp Podium \(EUR 7200\), price 1\/43, 43 voters paid\n {2}ballot /);
    expect(traced.stdout).not.toMatch(/ × EUR 0 =/);
    const dutch = pb("outcome", assen, "--rule", "equal-shares", "--completion", "add1", "--explain");
    expect(dutch.stdout).toContain("Elke stemmer kreeg EUR 2.033,48 om mee te betalen");
    const english = pb("outcome", assen, "--rule", "phragmen", "--explain", "--lang", "en", "--json");
    expect(JSON.parse(english.stdout).explanation[0]).toMatch(/^Voters pay together/);
  });

  it("compares two rules side by side", () => {
    const compared = pb("compare", `${pabulibDir}Netherlands_Assen_2024.pb`);
    expect(compared.status).toBe(0);
    expect(compared.stdout).toMatch(/^ +equal shares \(cost, add1\) +greedy \(cost\)$/m);
    expect(compared.stdout).toMatch(/^voters with a selected project +79 \(94\.0%\) +84 \(100\.0%\)$/m);
    expect(compared.stdout).toContain("EJR up to one, equal shares (cost, add1): satisfied");
    expect(compared.stdout).toMatch(/^8 Crossbaan in Peelo +EUR 40000 +40\.0% +25 \(29\.8%\) +- +yes$/m);
    const json = pb("compare", `${pabulibDir}Netherlands_Assen_2024.pb`, "--with", "phragmen", "--json");
    expect(JSON.parse(json.stdout).map((c: { label: string }) => c.label)).toEqual([
      "equal shares (cost, add1)",
      "Phragmén",
    ]);
  });

  it("exits with 2 and a message for a bad flag or a missing file", () => {
    const badFlag = pb("outcome", "x.pb", "--rule", "fastest");
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain("--rule must be one of");
    const missing = pb("outcome", "/nonexistent/x.pb", "--rule", "greedy");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read the file");
  });

  it("refuses each kind of doubtful file with exit 2, the line and no stack trace; --lenient reads it with warnings", () => {
    const folder = mkdtempSync(join(tmpdir(), "pb-cli-"));
    const head = "META\nkey;value\nbudget;100\nvote_type;approval\nnum_votes;2\nPROJECTS\nproject_id;cost\na;60\n";
    const cases: [string, string | Uint8Array, string][] = [
      ["cut-off", `${head}b;40\nVOTES\nvoter_id;vote\n1;a\n`, "line 12: VOTES has 1 votes but META num_votes"],
      ["free", `${head}b;0\nVOTES\nvoter_id;vote\n1;a\n2;b\n`, 'line 9: project "b" costs nothing'],
      ["negative", `${head}b;-40\nVOTES\nvoter_id;vote\n1;a\n2;b\n`, 'line 9: project "b" has a negative cost'],
      [
        "latin-1",
        Uint8Array.from([
          ...new TextEncoder().encode(`${head}b;40\nVOTES\nvoter_id;vote;name\n1;a;Jos\n2;b;Jos`),
          0xe9,
        ]),
        "line 13: byte 0xe9 is not UTF-8",
      ],
      ["huge", `${head.replace("100", "12345678901234567")}b;40\nVOTES\nvoter_id;vote\n1;a\n2;b\n`, "line 3: budget"],
    ];
    for (const [name, content, message] of cases) {
      const path = join(folder, `${name}.pb`);
      writeFileSync(path, content);
      const strict = pb("outcome", path, "--rule", "greedy");
      expect(strict.status, name).toBe(2);
      expect(strict.stderr, name).toContain(message);
      expect(strict.stderr, name).toContain("--lenient");
      expect(strict.stderr, name).not.toMatch(/\n\s+at /);
      const lenient = pb("outcome", path, "--rule", "greedy", "--lenient");
      expect(lenient.status, name).toBe(0);
      expect(lenient.stderr, name).toContain(`pb: warning: ${message}`);
      expect(lenient.stdout, name).toContain("total cost:");
    }
  });
});
