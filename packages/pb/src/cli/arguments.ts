import type { Satisfaction } from "../election/satisfaction.ts";
import type { Completion } from "../rules/equal-shares/equal-shares.ts";
import { RULE_NAMES as RULES, type RuleName, type RuleSpec } from "../rules/rule-spec.ts";

const SATISFACTIONS: readonly Satisfaction[] = ["cost", "cardinality", "points", "borda"];
const COMPLETIONS: readonly Completion[] = ["none", "add1", "add1-full", "add1-greedy"];
const TIE_BREAKS = ["lexicographic", "most-supporters"] as const;

export type OutcomeCommand = {
  readonly command: "outcome";
  readonly file: string;
  readonly rule: RuleName;
  readonly satisfaction: Satisfaction;
  readonly completion: Completion;
  readonly tieBreak: (typeof TIE_BREAKS)[number];
  readonly json: boolean;
  readonly trace: boolean;
  readonly explain: boolean;
  readonly language: "nl" | "en";
  readonly lenient: boolean;
};

/** `pb compare`: two rules on one file, side by side. */
export type CompareCommand = {
  readonly command: "compare";
  readonly file: string;
  readonly rules: readonly [RuleSpec, RuleSpec];
  readonly json: boolean;
  readonly lenient: boolean;
};

export type Command = OutcomeCommand | CompareCommand | { readonly command: "help" };

export const USAGE = `Usage: pb outcome FILE.pb --rule RULE [options]
       pb compare FILE.pb [--rule RULE …] [--with RULE …] [--json] [--lenient]

outcome: computes the outcome of a participatory budgeting election stored in the Pabulib format and prints the
selected project ids in selection order and the total cost.

compare: the outcome of two rules side by side (default: equal-shares with add1 against greedy): the share of voters
with at least one selected project, each project's supporters and cost share, and whether each outcome satisfies EJR
up to one project (approval ballots). The second rule takes --with, --with-satisfaction, --with-completion.

Rules (--rule):
  greedy            most satisfaction per unit of cost first, skipping what no longer fits
  greedy-no-skip    by number of supporters, stopping at the first project that does not fit (Amsterdam)
  equal-shares      Method of Equal Shares
  phragmen          sequential Phragmén (approval ballots)

Options:
  --satisfaction S  cost (default) | cardinality | points | borda (greedy only)
  --completion C    equal-shares only: none (default) | add1 | add1-full (Assen, Wieliczka) | add1-greedy
  --tie-break T     lexicographic (default, project id as a string) | most-supporters (then lowest cost)
  --json            print {"selected": [...], "totalCost": n}
  --trace           print the exact trace: each round, who paid what per group of identical ballots, why the
                    others lost (with --json: as a "trace" field)
  --explain         print the explanation in short sentences, for residents
  --lang L          language of --explain: nl (default) | en
  --lenient         accept a file that strict reading refuses (vote count differing from num_votes, a cost of 0 or
                    less, bytes that are not UTF-8, amounts beyond exact integer range), with a warning per fix-up
  -h, --help        show this help

Exit codes: 0 success, 2 bad arguments, an unreadable file or a malformed one (with its line number).`;

/** Bad command-line input: the message is meant for the person who typed it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(
      `${flag} must be one of ${allowed.join(", ")}${value === undefined ? "" : ` (got "${value}")`}`,
    );
  }
  return value as T;
}

const VALUED = ["--rule", "--satisfaction", "--completion", "--tie-break", "--lang"];
const COMPARE_VALUED = ["--with", "--with-satisfaction", "--with-completion"];

function ruleSpec(rule: RuleName, satisfaction: Satisfaction, completion: Completion): RuleSpec {
  if (completion !== "none" && rule !== "equal-shares") {
    throw new UsageError("--completion applies to equal-shares only");
  }
  if (satisfaction === "borda" && rule !== "greedy")
    throw new UsageError("--satisfaction borda applies to greedy only");
  return {
    rule,
    ...(rule === "phragmen" ? {} : { satisfaction }),
    ...(rule === "equal-shares" ? { completion } : {}),
  };
}

function parseCompare(rest: readonly string[]): CompareCommand {
  const flags = new Map<string, string | undefined>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith("--")) files.push(arg);
    else if (arg === "--json" || arg === "--lenient") flags.set(arg, "");
    else if ([...VALUED.slice(0, 3), ...COMPARE_VALUED].includes(arg)) flags.set(arg, rest[++i]);
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (files.length !== 1) throw new UsageError("give exactly one Pabulib file");
  const value = <T extends string>(flag: string, allowed: readonly T[], fallback: T) =>
    flags.has(flag) ? oneOf(flag, flags.get(flag), allowed) : fallback;
  const first = value("--rule", RULES, "equal-shares");
  const second = value("--with", RULES, "greedy");
  return {
    command: "compare",
    file: files[0]!,
    rules: [
      ruleSpec(
        first,
        value("--satisfaction", SATISFACTIONS, "cost"),
        value("--completion", COMPLETIONS, first === "equal-shares" ? "add1" : "none"),
      ),
      ruleSpec(
        second,
        value("--with-satisfaction", SATISFACTIONS, "cost"),
        value("--with-completion", COMPLETIONS, "none"),
      ),
    ],
    json: flags.has("--json"),
    lenient: flags.has("--lenient"),
  };
}

export function parseArguments(args: readonly string[]): Command {
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) return { command: "help" };
  const [command, ...rest] = args;
  if (command === "compare") return parseCompare(rest);
  if (command !== "outcome") throw new UsageError(`unknown command "${command}" (expected "outcome" or "compare")`);
  const flags = new Map<string, string | undefined>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith("--")) files.push(arg);
    else if (["--json", "--trace", "--explain", "--lenient"].includes(arg)) flags.set(arg, "");
    else if (VALUED.includes(arg)) {
      flags.set(arg, rest[++i]);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (files.length !== 1) throw new UsageError("give exactly one Pabulib file");
  const rule = oneOf("--rule", flags.get("--rule"), RULES);
  const satisfaction = flags.has("--satisfaction")
    ? oneOf("--satisfaction", flags.get("--satisfaction"), SATISFACTIONS)
    : "cost";
  const completion = flags.has("--completion") ? oneOf("--completion", flags.get("--completion"), COMPLETIONS) : "none";
  if (completion !== "none" && rule !== "equal-shares")
    throw new UsageError("--completion applies to equal-shares only");
  if (satisfaction === "borda" && rule !== "greedy")
    throw new UsageError("--satisfaction borda applies to greedy only");
  if (flags.has("--satisfaction") && rule === "phragmen") throw new UsageError("phragmen takes no --satisfaction");
  const tieBreak = flags.has("--tie-break")
    ? oneOf("--tie-break", flags.get("--tie-break"), TIE_BREAKS)
    : "lexicographic";
  return {
    command: "outcome",
    file: files[0]!,
    rule,
    satisfaction,
    completion,
    tieBreak,
    json: flags.has("--json"),
    trace: flags.has("--trace"),
    explain: flags.has("--explain"),
    language: flags.has("--lang") ? oneOf("--lang", flags.get("--lang"), ["nl", "en"] as const) : "nl",
    lenient: flags.has("--lenient"),
  };
}
