import { execFileSync, spawnSync } from "node:child_process";
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

  it("exits with 2 and a message for a bad flag or a missing file", () => {
    const badFlag = pb("outcome", "x.pb", "--rule", "fastest");
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toContain("--rule must be one of");
    const missing = pb("outcome", "/nonexistent/x.pb", "--rule", "greedy");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read the file");
  });
});
