import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { demoVotingCodes } from "./demo-budgeting.ts";

describe("the demo voting codes", () => {
  it("are the ones the README lists", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const code of demoVotingCodes(2).flat()) expect(readme).toContain(`\`${code}\``);
  });
});
