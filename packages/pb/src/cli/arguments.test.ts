import { describe, expect, it } from "vitest";
import { parseArguments, UsageError } from "./arguments.ts";

describe("parseArguments", () => {
  it("reads an outcome command with its defaults", () => {
    expect(parseArguments(["outcome", "x.pb", "--rule", "equal-shares", "--completion", "add1", "--json"])).toEqual({
      command: "outcome",
      file: "x.pb",
      rule: "equal-shares",
      satisfaction: "cost",
      completion: "add1",
      tieBreak: "lexicographic",
      json: true,
      trace: false,
      explain: false,
      language: "nl",
      lenient: false,
    });
    expect(parseArguments(["--help"])).toEqual({ command: "help" });
  });

  it("reads a compare command: equal shares with add1 against greedy unless told otherwise", () => {
    expect(parseArguments(["compare", "x.pb"])).toEqual({
      command: "compare",
      file: "x.pb",
      rules: [
        { rule: "equal-shares", satisfaction: "cost", completion: "add1" },
        { rule: "greedy", satisfaction: "cost" },
      ],
      json: false,
      lenient: false,
    });
    expect(parseArguments(["compare", "x.pb", "--with", "phragmen", "--satisfaction", "cardinality"])).toMatchObject({
      rules: [{ rule: "equal-shares", satisfaction: "cardinality", completion: "add1" }, { rule: "phragmen" }],
    });
    expect(() => parseArguments(["compare", "x.pb", "--with", "greedy", "--with-completion", "add1"])).toThrow(
      /--completion applies to equal-shares only/,
    );
  });

  it("rejects bad flags with a message naming the allowed values", () => {
    expect(() => parseArguments(["outcome", "x.pb", "--rule", "borda"])).toThrow(/--rule must be one of greedy/);
    expect(() => parseArguments(["outcome", "x.pb", "--rule", "greedy", "--completion", "add1"])).toThrow(UsageError);
    expect(() => parseArguments(["outcome", "x.pb", "--rule", "greedy", "--fast"])).toThrow(/unknown option --fast/);
    expect(() => parseArguments(["outcome", "--rule", "greedy"])).toThrow(/exactly one Pabulib file/);
    expect(() => parseArguments(["outcome", "x.pb", "--rule", "phragmen", "--satisfaction", "cost"])).toThrow(
      UsageError,
    );
  });
});
