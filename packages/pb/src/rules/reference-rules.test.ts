import { describe, expect, it } from "vitest";
import { corpusFiles, expectedOutcomes, pabulibDir } from "../../test-support/corpus.ts";
import { readPabulibFile } from "../pabulib/read-file.ts";
import { isReferenceRuleId, REFERENCE_RULES } from "./reference-rules.ts";

const files = corpusFiles();

describe("outcomes identical to the pabutools reference on every shared Pabulib file", () => {
  it("finds the shared corpus", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, async () => {
      const election = await readPabulibFile(`${pabulibDir}${file}`);
      for (const expected of expectedOutcomes(file)) {
        if (!isReferenceRuleId(expected.rule)) throw new Error(`unknown reference rule id ${expected.rule}`);
        const outcome = REFERENCE_RULES[expected.rule](election);
        expect([...outcome.selected].sort(), `${file} ${expected.rule}`).toEqual([...expected.selected].sort());
      }
    });
  }
});
