/**
 * What the logs keep of an unexpected error: one structured object, without values. A failed query's parameters
 * and PostgreSQL's message and detail can hold personal data (an e-mail address in "Key (email)=(…) already
 * exists", a name in "invalid input syntax: …"), so a database error is logged by its SQL text, SQLSTATE code,
 * constraint and table; other errors by class, message and stack frames.
 */
export type ErrorSummary = {
  type: string;
  message?: string;
  code?: string;
  constraint?: string;
  table?: string;
  query?: string;
  stack?: string[];
  cause?: ErrorSummary;
};

type DatabaseErrorFields = { code?: unknown; constraint?: unknown; table?: unknown; severity?: unknown };

type ErrorLike = {
  name?: unknown;
  type?: unknown;
  message?: unknown;
  stack?: unknown;
  query?: unknown;
  cause?: unknown;
};

/** Takes an Error, or the plain object a pino serializer made of one (`raw` then holds the Error itself). */
export function summariseError(given: unknown, depth = 0): ErrorSummary {
  const raw = (given as { raw?: unknown } | null)?.raw;
  const error = (raw instanceof Error ? raw : given) as ErrorLike | null;
  if (typeof error !== "object" || error === null || !("message" in error || "stack" in error)) {
    return { type: typeof given };
  }
  const frames = String(error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 12)
    .map((line) => line.trim());
  const { query } = error;
  const fromDatabase = typeof query === "string" || isDatabaseError(error);
  const { code, constraint, table } = error as DatabaseErrorFields;
  const summary: ErrorSummary = {
    type: error instanceof Error ? error.constructor.name : String(error.type ?? error.name ?? "Error"),
    ...(fromDatabase ? {} : { message: String(error.message) }),
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof constraint === "string" ? { constraint } : {}),
    ...(typeof table === "string" ? { table } : {}),
    ...(typeof query === "string" ? { query: query.slice(0, 2000) } : {}),
    stack: frames,
  };
  if (error.cause !== undefined && depth < 3) summary.cause = summariseError(error.cause, depth + 1);
  return summary;
}

/** node-postgres and PGlite errors carry a SQLSTATE `code` of five characters and a `severity`. */
function isDatabaseError(error: ErrorLike): boolean {
  const { code, severity } = error as DatabaseErrorFields;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string";
}
