#!/usr/bin/env node
import { type CompareCommand, type OutcomeCommand, parseArguments, USAGE, UsageError } from "./arguments.ts";

// Only the argument parser is loaded up front, so that `pb --help` starts fast; the engine is imported on demand.

/** Reports the completion's progress on stderr once a run has taken more than a second, a few times per second. */
function progressReporter() {
  const started = Date.now();
  let shown = 0;
  return {
    report(increments: number) {
      const now = Date.now();
      if (now - started < 1000 || now - shown < 250) return;
      shown = now;
      process.stderr.write(`\rcomputing: +${increments} per voter, ${((now - started) / 1000).toFixed(1)} s`);
    },
    done() {
      if (shown) process.stderr.write("\r\u001b[K");
    },
  };
}

/** At most this many warnings are printed one by one; the rest are counted. */
const SHOWN_WARNINGS = 20;

async function readElection(command: OutcomeCommand | CompareCommand) {
  const { readPabulibFile } = await import("../pabulib/read-file.ts");
  let warnings = 0;
  const election = await readPabulibFile(command.file, {
    lenient: command.lenient,
    onWarning: (warning) => {
      if (++warnings <= SHOWN_WARNINGS) process.stderr.write(`pb: warning: ${warning.message}\n`);
    },
  });
  if (warnings > SHOWN_WARNINGS) process.stderr.write(`pb: ${warnings - SHOWN_WARNINGS} more warnings\n`);
  return election;
}

async function compare(command: CompareCommand): Promise<void> {
  const [{ compareRules }, { formatComparison }] = await Promise.all([
    import("../analysis/outcome.ts"),
    import("./format-comparison.ts"),
  ]);
  const election = await readElection(command);
  const comparisons = compareRules(election, command.rules);
  if (command.json) process.stdout.write(`${JSON.stringify(comparisons)}\n`);
  else process.stdout.write(`${formatComparison(comparisons, election.meta.currency?.trim() ?? "")}\n`);
}

async function outcome(command: OutcomeCommand): Promise<void> {
  const [{ toCurrency }, { runRule }, { explain }, { formatTrace }] = await Promise.all([
    import("../election/election.ts"),
    import("../rules/run-rule.ts"),
    import("../explain/explain.ts"),
    import("./format-trace.ts"),
  ]);
  const election = await readElection(command);
  const progress = progressReporter();
  const { rule, satisfaction, completion, tieBreak } = command;
  const result = runRule(
    election,
    { rule, satisfaction, completion, tieBreak },
    { trace: command.trace || command.explain, onProgress: progress.report },
  );
  progress.done();
  const totalCost = toCurrency(election, result.cost);
  const sentences = command.explain && result.trace ? explain(result.trace, command.language) : undefined;
  if (command.json) {
    const trace = command.trace ? { trace: result.trace } : {};
    const explanation = sentences ? { explanation: sentences } : {};
    process.stdout.write(`${JSON.stringify({ selected: result.selected, totalCost, ...trace, ...explanation })}\n`);
    return;
  }
  process.stdout.write(`${result.selected.join("\n")}\ntotal cost: ${totalCost}\n`);
  if (command.trace && result.trace) process.stdout.write(`\n${formatTrace(result.trace)}\n`);
  if (sentences) process.stdout.write(`\n${sentences.join("\n")}\n`);
}

/** Errors meant for the person at the terminal: a message and exit code 2, never a stack trace. */
async function userMessage(error: unknown): Promise<string | undefined> {
  if (error instanceof UsageError) return `${error.message}\nRun "pb --help" for usage.`;
  const [{ PabulibError }, { SatisfactionError }] = await Promise.all([
    import("../pabulib/errors.ts"),
    import("../election/satisfaction.ts"),
  ]);
  if (error instanceof SatisfactionError) return `${error.message}\nRun "pb --help" for usage.`;
  if (error instanceof PabulibError) {
    return `malformed Pabulib file, ${error.message} (${error.code})${
      ["pabulib.vote-count", "pabulib.bad-cost", "pabulib.not-utf8", "pabulib.amount-too-large"].includes(error.code)
        ? '\nRun with "--lenient" to read it anyway, with a warning for each fix-up.'
        : ""
    }`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
    return `cannot read the file: ${(error as Error).message}`;
  }
  return undefined;
}

async function main(args: readonly string[]): Promise<number> {
  try {
    const command = parseArguments(args);
    if (command.command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command.command === "compare") await compare(command);
    else await outcome(command);
    return 0;
  } catch (error) {
    const message = await userMessage(error);
    if (message === undefined) throw error;
    process.stderr.write(`pb: ${message}\n`);
    return 2;
  }
}

// A reader that stops early (`pb … | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
