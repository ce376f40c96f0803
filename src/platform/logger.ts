import { type Logger, pino } from "pino";

export type { Logger };

/** Structured JSON on stdout: one line per event, request ids added by the HTTP layer. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "samenspel" },
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'], remove: true },
  });
}
