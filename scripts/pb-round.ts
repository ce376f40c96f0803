import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { type Election, PabulibError, parsePabulib } from "@samenspel/pb";
import { openConfiguredDatabase } from "../server/main.ts";
import { migrateDatabase } from "../server/migrate-database.ts";
import { EmbeddedDatabaseHeldError } from "../src/db/embedded-lock.ts";
import { type DatabaseHandle, withTenant } from "../src/db/index.ts";
import { importPabulibRound, WINNER_RULES_FOR_IMPORT, type WinnerRule } from "../src/domain/budgeting/index.ts";
import { isDomainError } from "../src/domain/shared/index.ts";
import { findTenantBySlug } from "../src/domain/tenancy/index.ts";
import { ConfigError, loadConfig } from "../src/platform/config.ts";
import { seedDemo } from "../src/seed/index.ts";

const USAGE = `Usage: npm run pb-round -- import --gemeente SLUG [--rule RULE] FILE.pb
  RULE: ${WINNER_RULES_FOR_IMPORT.join(", ")} (default equal-shares-add1)
`;

export type PbRoundIo = {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** An open database instead of the configured one (tests); it is migrated, and not closed here. */
  database?: DatabaseHandle;
};

export type ImportArguments = { gemeente: string; rule: WinnerRule; file: string };

/** The command line as arguments, or the reason it is not one. */
export function parseArguments(argv: readonly string[]): ImportArguments | { error: string } {
  const [command, ...rest] = argv;
  if (command !== "import") return { error: command ? `unknown command "${command}"` : "no command" };
  let gemeente: string | undefined;
  let rule: string = "equal-shares-add1";
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--gemeente" || arg === "--rule") {
      const value = rest[++i];
      if (!value || value.startsWith("--")) return { error: `${arg} needs a value` };
      if (arg === "--gemeente") gemeente = value;
      else rule = value;
    } else if (arg.startsWith("--")) return { error: `unknown option ${arg}` };
    else files.push(arg);
  }
  if (!gemeente) return { error: "--gemeente is required" };
  if (!(WINNER_RULES_FOR_IMPORT as readonly string[]).includes(rule)) return { error: `unknown rule "${rule}"` };
  if (files.length !== 1) return { error: "give exactly one .pb file" };
  return { gemeente, rule: rule as WinnerRule, file: files[0]! };
}

/**
 * `npm run pb-round -- import --gemeente SLUG [--rule RULE] FILE.pb`: a closed, counted and published round from a
 * Pabulib file, in the configured database (migrated, and seeded when new, as the app does on start). Prints the
 * round's page and its API address. Exit 2 on bad input, with the reason and nothing stored; 1 when the database
 * cannot be used.
 */
export async function pbRound(argv: readonly string[], io: PbRoundIo): Promise<number> {
  const args = parseArguments(argv);
  if ("error" in args) {
    io.stderr(`pb-round: ${args.error}\n${USAGE}`);
    return 2;
  }
  let election: Election;
  try {
    election = parsePabulib(new Uint8Array(await readFile(args.file)));
  } catch (error) {
    const reason =
      error instanceof PabulibError
        ? error.message
        : (error as NodeJS.ErrnoException).code === "ENOENT"
          ? "no such file"
          : (error as NodeJS.ErrnoException).code === "EISDIR"
            ? "this is a directory"
            : undefined;
    if (!reason) throw error;
    io.stderr(`pb-round: ${args.file}: ${reason}\n`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`pb-round: ${error.message}\n`);
    return 1;
  }
  let database: DatabaseHandle;
  try {
    database = io.database ?? (await openConfiguredDatabase(config));
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseHeldError)) throw error;
    io.stderr(`pb-round: ${error.message}\n`);
    return 1;
  }
  try {
    await migrateDatabase(database);
    if (config.seedDemo) await seedDemo(database.db, { now: new Date() });
    const tenant = await findTenantBySlug(database.db, args.gemeente);
    if (tenant?.kind !== "municipality") {
      io.stderr(`pb-round: there is no municipality "${args.gemeente}"\n`);
      return 2;
    }
    const round = await withTenant(database.db, { tenantId: tenant.id }, (tx) =>
      importPabulibRound(tx, {
        tenantId: tenant.id,
        election,
        fileName: basename(args.file),
        rule: args.rule,
        now: new Date(),
      }),
    );
    const site = config.publicUrl;
    io.stdout(
      `Imported ${basename(args.file)}: ${election.projects.length} plans, ${election.voterCount} ballots, counted with ${args.rule} and published.\n` +
        `Round page: ${site}/${tenant.slug}/burgerbegroting/${round.slug}/uitslag\n` +
        `API: ${site}/api/v1/municipalities/${tenant.slug}/budgets/${round.slug}/result\n`,
    );
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const reason =
      error.code === "budgeting.rule-not-for-form"
        ? `the rule ${args.rule} cannot count ranked ballots; choose greedy, greedy-no-skip or phragmen`
        : (error.params.reason ?? error.code);
    io.stderr(`pb-round: ${args.file}: ${reason}\n`);
    return 2;
  } finally {
    if (!io.database) await database.close();
  }
}

if (import.meta.main) {
  process.exitCode = await pbRound(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
