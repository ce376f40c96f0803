import { type DestinationStream, type Logger, pino } from "pino";
import { summariseError } from "./error-summary.ts";

export type { Logger };

/**
 * Structured JSON on stdout: one line per event, request ids added by the HTTP layer. Errors logged as `err` are
 * summarised without values (`summariseError`), so no query parameter reaches the logs. Tests pass a destination.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "samenspel" },
      serializers: { err: summariseError },
      redact: { paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'], remove: true },
    },
    destination,
  );
}
