/**
 * True when the tests run on the PostgreSQL server. PGlite serves one connection at a time, so two transactions never
 * overlap there and a race test proves nothing. Such a test starts with `skip(!serverRun, SERVER_ONLY)` (or sits in a
 * `describe.runIf(serverRun)` that names the reason) and is reported as skipped, with the reason, on the PGlite run.
 */
export const serverRun = Boolean(process.env.DATABASE_URL);
export const SERVER_ONLY = "(PostgreSQL server only: PGlite has one connection)";
