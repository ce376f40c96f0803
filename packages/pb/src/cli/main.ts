#!/usr/bin/env node
import { toCurrency } from "../election/election.ts";
import { SatisfactionError } from "../election/satisfaction.ts";
import { PabulibError } from "../pabulib/errors.ts";
import { readPabulibFile } from "../pabulib/read-file.ts";
import type { Allocation } from "../rules/allocation.ts";
import { equalShares } from "../rules/equal-shares/equal-shares.ts";
import { greedy, greedyNoSkip } from "../rules/greedy.ts";
import { phragmen } from "../rules/phragmen.ts";
import { lexicographic, mostSupportersThenLowestCost } from "../rules/tie-break.ts";
import { type OutcomeCommand, parseArguments, USAGE, UsageError } from "./arguments.ts";

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

async function outcome(command: OutcomeCommand): Promise<void> {
  const election = await readPabulibFile(command.file);
  const tieBreak = command.tieBreak === "lexicographic" ? lexicographic : mostSupportersThenLowestCost;
  const options = { satisfaction: command.satisfaction, tieBreak, trace: command.trace };
  const progress = progressReporter();
  let result: Allocation;
  switch (command.rule) {
    case "greedy":
      result = greedy(election, options);
      break;
    case "greedy-no-skip":
      result = greedyNoSkip(election, options);
      break;
    case "phragmen":
      result = phragmen(election, { tieBreak, trace: command.trace });
      break;
    case "equal-shares": {
      if (command.satisfaction === "borda") throw new UsageError("--satisfaction borda applies to greedy only");
      const satisfaction = command.satisfaction;
      result = equalShares(election, {
        ...options,
        satisfaction,
        completion: command.completion,
        onProgress: progress.report,
      });
      break;
    }
  }
  progress.done();
  const totalCost = toCurrency(election, result.cost);
  if (command.json) {
    const trace = command.trace ? { trace: result.trace } : {};
    process.stdout.write(`${JSON.stringify({ selected: result.selected, totalCost, ...trace })}\n`);
  } else {
    process.stdout.write(`${result.selected.join("\n")}\ntotal cost: ${totalCost}\n`);
  }
}

async function main(args: readonly string[]): Promise<number> {
  try {
    const command = parseArguments(args);
    if (command.command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    await outcome(command);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof UsageError || error instanceof SatisfactionError) {
      process.stderr.write(`pb: ${error.message}\nRun "pb --help" for usage.\n`);
    } else if (error instanceof PabulibError) {
      process.stderr.write(`pb: malformed Pabulib file, ${error.message} (${error.code})\n`);
    } else if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      process.stderr.write(`pb: cannot read the file: ${(error as Error).message}\n`);
    } else throw error;
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
