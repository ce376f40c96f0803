import { format } from "node:util";
import { afterEach, beforeEach, expect, vi } from "vitest";

/**
 * A stray `console.error` fails the test it happens in: React's warnings, an unhandled rejection logged by a
 * library, a forgotten debug line. The app logs through pino, never the console, so anything here is news.
 * A test that expects one says so with its own `vi.spyOn(console, "error")`.
 */
let calls: string[] = [];

beforeEach(() => {
  calls = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    calls.push(format(...args));
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore?.();
  expect(calls, "console.error was called").toEqual([]);
});
