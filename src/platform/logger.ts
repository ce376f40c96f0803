import { type DestinationStream, type Logger, pino } from "pino";
import { summariseError } from "./error-summary.ts";

export type { Logger };

/**
 * Structured JSON on stdout: one line per event, request ids added by the HTTP layer. Errors logged as `err` are
 * summarised without values (`summariseError`), so no query parameter reaches the logs. Tests pass a destination.
 * Stdout is written asynchronously: a line is queued and written with those queued while the previous write was on
 * its way, so a request does not wait for a write(2) of its log line, and a burst is one write. What is queued is
 * written synchronously when the process exits (pino's exit handler), also after an uncaught error (ADR 0030).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "samenspel" },
      serializers: { err: summariseError },
      redact: { paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'], remove: true },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
