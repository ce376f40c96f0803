import { Writable } from "node:stream";
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
