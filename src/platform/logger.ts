import { type DestinationStream, type Logger, pino } from "pino";
import { summariseError } from "./error-summary.ts";

export type { Logger };

/**
 * Structured JSON on stdout: one line per event, request ids added by the HTTP layer. Errors logged as `err` are
 * summarised without values (`summariseError`), so no query parameter reaches the logs. Tests pass a destination.
 * Stdout is written asynchronously and in blocks: lines are gathered until there are 4 kB of them and written in one
 * `write(2)` no request waits for (a write per line was a tenth of a cached page's CPU, ADR 0030), and what is
 * gathered is written at least every second (sonic-boom's unref'd timer), so a quiet server's lines still show.
 * What is gathered is written synchronously when the process exits (pino's exit handler): also on SIGTERM, as
 * server/main.ts stops with `process.exit`, and after an uncaught error. A SIGKILL loses up to a second of lines.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "samenspel" },
      serializers: { err: summariseError },
      redact: { paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'], remove: true },
    },
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 }),
  );
}
