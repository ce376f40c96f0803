import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusFiles, expectedDir, expectedOutcomes, pabulibDir } from "../../test-support/corpus.ts";
import { readPabulibFile } from "../pabulib/read-file.ts";
import { isReferenceRuleId, REFERENCE_RULES } from "./reference-rules.ts";

const files = corpusFiles();

describe("outcomes identical to the pabutools reference on every shared Pabulib file", () => {
  it("finds the shared corpus and its reference outcomes", () => {
    expect(files.length, `no Pabulib files in ${pabulibDir}`).toBeGreaterThan(0);
    expect(existsSync(expectedDir), `${expectedDir} is missing`).toBe(true);
  });

  for (const file of files) {
    it(file, async () => {
      const election = await readPabulibFile(`${pabulibDir}${file}`);
      const outcomes = expectedOutcomes(file);
      expect(outcomes.length, `no reference outcomes for ${file}`).toBeGreaterThan(0);
      for (const expected of outcomes) {
        if (!isReferenceRuleId(expected.rule)) throw new Error(`unknown reference rule id ${expected.rule}`);
        const outcome = REFERENCE_RULES[expected.rule](election);
        expect([...outcome.selected].sort(), `${file} ${expected.rule}`).toEqual([...expected.selected].sort());
      }
    });
  }
});
