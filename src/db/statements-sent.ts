/**
 * The statements this process has sent to the embedded database (ADR 0030, fifth addendum): only this process opens
 * it (ADR 0028), so while none but page-version reads was sent since a read, that read's answer stands. Drizzle's
 * logger counts each statement as it is sent (client.ts); a server database has no count, as other processes write
 * there too.
 */

/** The statement that reads the page version (page-version.ts): it changes nothing, so it is not counted. */
export const PAGE_VERSION_QUERY = "select version::text as version from page_version";

/**
 * Kept on the database object under a registered symbol, not in a module's map: the server's build bundles its own
 * copy of this module, and the database is opened by the other one (server/main.ts).
 */
const STATEMENTS_SENT = Symbol.for("samenspel.statementsSent");

export function countsStatementsSent(db: object, sent: () => number) {
  Object.defineProperty(db, STATEMENTS_SENT, { value: sent });
}

/** How many statements other than page-version reads were sent so far; undefined on a server database. */
export const statementsSentTo = (db: object) => (db as { [STATEMENTS_SENT]?: () => number })[STATEMENTS_SENT];
