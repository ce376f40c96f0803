import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import { type DatabaseHandle, schema } from "../db/index.ts";
import { createLogger } from "./logger.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

/** A logger that writes into an array of parsed lines, as a log collector would read stdout. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger("info", destination), lines };
}

describe("the log of an unexpected error", () => {
  it("is one structured line without the failed query's values, also when the error is wrapped", async () => {
    const email = "jan.jansen@voorbeeld.nl";
    await handle.db.insert(schema.people).values({ displayName: "Jan Jansen", email });
    const failure = await handle.db
      .insert(schema.people)
      .values({ displayName: "Jan Jansen", email })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeDefined();
    const { logger, lines } = capturedLogger();

    logger.error({ err: failure }, "request failed");
    logger.error({ err: new Error("the action failed", { cause: failure }) }, "request failed");

    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain("jan.jansen");
      expect(line).not.toContain("Jan Jansen");
    }
    const [direct, wrapped] = lines.map((line) => JSON.parse(line).err);
    // The driver's error, and what the query builder may have wrapped around it (it differs between drivers).
    type Summary = { cause?: Summary; code?: string; query?: string; message?: string };
    const chain = (summary: Summary): Summary[] => [summary, ...(summary.cause ? chain(summary.cause) : [])];
    for (const summary of [direct, chain(wrapped)[1]!]) {
      const links = chain(summary);
      expect(links).toContainEqual(expect.objectContaining({ code: "23505", constraint: "people_email_key" }));
      expect(links).toContainEqual(expect.objectContaining({ query: expect.stringContaining('insert into "people"') }));
      for (const link of links) expect(link).not.toHaveProperty("message");
    }
    expect(wrapped).toMatchObject({ type: "Error", message: "the action failed" });
  });
});

/**
 * A process that logs `count` lines (each with its number) through the logger as production has it, on stdout in
 * blocks, then runs `then`; the numbers of the lines its stdout has given so far, and its exit code.
 */
function loggingProcess(count: number, then: string) {
  const script = `import { createLogger } from ${JSON.stringify(fileURLToPath(new URL("./logger.ts", import.meta.url)))};
    const logger = createLogger("info");
    for (let i = 0; i < ${count}; i++) logger.info({ i }, "line");
    ${then}`;
  const child = spawn(process.execPath, ["--input-type=module", "--eval", script], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  const lines: number[] = [];
  let rest = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    lines.push(...parts.map((line) => JSON.parse(line).i));
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  return { child, lines, exited };
}

const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);

describe("the log on stdout", () => {
  it("has every line, in order, when the process exits (as it does on SIGTERM) or dies of an uncaught error", async () => {
    const endings = [
      ["process.exit(0)", 0],
      ["setTimeout(() => { throw new Error('failed'); })", 1],
    ] as const;
    for (const [then, code] of endings) {
      // Three lines stay under one block; twenty thousand end while a block is on its way.
      for (const count of [3, 20_000]) {
        const { lines, exited } = loggingProcess(count, then);
        expect(await exited).toBe(code);
        expect(lines).toEqual(numbers(count));
      }
    }
  });

  it("shows the lines of a quiet process within about a second, while it runs", async () => {
    const { child, lines, exited } = loggingProcess(3, "setTimeout(() => {}, 60_000);");
    // The bound is the timer's second plus starting Node on a busy machine; without the timer they come at exit.
    await expect.poll(() => lines, { timeout: 10_000, interval: 100 }).toEqual(numbers(3));
    expect(child.exitCode).toBeNull();
    child.kill();
    await exited;
  });
});
