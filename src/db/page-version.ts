import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { PAGE_VERSION_QUERY, statementsSentTo } from "./statements-sent.ts";

/**
 * Tables whose rows no cacheable public page shows (ADR 0030), so a write to them leaves the page cache alone: the
 * platform's secrets, the queue and the audit trail, and the secret side of a vote (a ballot, who voted, the codes and passes).
 * Every other table, also one added later, bumps the page version.
 */
export const PAGE_VERSION_EXEMPT_TABLES = [
  "password_credentials",
  "oidc_identities",
  "sessions",
  "sign_in_tokens",
  "rate_limits",
  "totp_recovery_codes",
  "jobs",
  "audit_log",
  "pb_ballots",
  "pb_voter_register",
  "pb_voting_codes",
  "pb_voting_passes",
  "page_version",
] as const;

/**
 * The page version (ADR 0030): one row whose number goes up once in every transaction that wrote to a table a public
 * page may show. A deferred trigger on each such table bumps it at commit, in the writing transaction itself, so an
 * instance that reads the new number also sees the write, and no lock on the row is held before the commit starts.
 * Re-run after every migration (with the grants): a table added later gets its trigger without anyone remembering.
 */
export const PAGE_VERSION_STATEMENTS = [
  `create table if not exists page_version (
     id boolean primary key default true check (id),
     version bigint not null default 0
   )`,
  "insert into page_version (id, version) values (true, 0) on conflict (id) do nothing",
  `create or replace function bump_page_version() returns trigger language plpgsql security definer as $$
   begin
     if coalesce(current_setting('samenspel.page_version_bumped', true), '') <> 'on' then
       perform set_config('samenspel.page_version_bumped', 'on', true);
       update public.page_version set version = version + 1;
     end if;
     return null;
   end $$`,
  `do $$ declare t text; begin
     for t in select c.relname from pg_class c
               where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
                 and c.relname <> all (array['${PAGE_VERSION_EXEMPT_TABLES.join("','")}'])
                 and not exists (select from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'page_version_bump')
     loop
       execute format('create constraint trigger page_version_bump after insert or update or delete on %I
                       deferrable initially deferred for each row execute function bump_page_version()', t);
     end loop;
   end $$`,
  "update page_version set version = version + 1",
];

/**
 * Before the migrations: the triggers come off, so a migration may change rows and then alter their table in one
 * transaction ("pending trigger events" otherwise). `PAGE_VERSION_STATEMENTS` puts them back and bumps the version
 * once, for what the migrations changed.
 */
export const PAGE_VERSION_PAUSE = `do $$ declare t regclass; begin
   for t in select g.tgrelid::regclass from pg_trigger g where g.tgname = 'page_version_bump' loop
     execute format('drop trigger page_version_bump on %s', t);
   end loop;
 end $$`;

/** The current page version: one statement outside any transaction. */
export async function readPageVersion(db: Database): Promise<string> {
  const result = await db.execute<{ version: string }>(sql.raw(PAGE_VERSION_QUERY));
  return (result as unknown as { rows: { version: string }[] }).rows[0]?.version ?? "0";
}

/** Page-version reads on their way at once, at most: the pool's other connections stay free for rendering. */
const MAX_VERSION_READS = 2;
const versionReads = new WeakMap<Database, () => Promise<string>>();

/**
 * The page version as a request may use it: read after the request came, shared with the other requests of this
 * process that wait for one (the page cache's, and the tenants read by slug, ADR 0015's addendum). The first request
 * that finds no read being gathered starts one, sent after the current turn of the event loop (when the requests
 * that came together have joined it) and once fewer than `MAX_VERSION_READS` are on their way; the requests that
 * come until it is sent join it. A request never joins a read already sent, so it sees every write committed before
 * it came (ADR 0030). Reads overlap on the pool's connections, so under load a request waits about one round trip,
 * not for a read already on its way and then for its own (issue 15: the tail at 64 connections).
 * On the embedded database this process sends every statement, one at a time (a plain statement waits for an open
 * transaction to end), so the last read's answer stands while no other statement has been sent since it was sent:
 * no write can have committed after it ran, and a surge of hits reads nothing (ADR 0030, addendum).
 */
export function sharedPageVersion(db: Database): Promise<string> {
  let read = versionReads.get(db);
  if (!read) {
    read = nextVersionRead(db);
    versionReads.set(db, read);
  }
  return read();
}

function nextVersionRead(db: Database): () => Promise<string> {
  const statementsSent = statementsSentTo(db);
  let known: { version: Promise<string>; statements: number } | undefined;
  let gathering: Promise<string> | undefined;
  let sent = 0;
  let waiting: (() => void) | undefined;
  const send = () => {
    gathering = undefined;
    sent += 1;
    const statements = statementsSent?.();
    const read = readPageVersion(db);
    if (statements !== undefined) {
      read.then(
        (version) => {
          if (!known || statements >= known.statements) known = { version: Promise.resolve(version), statements };
        },
        () => {},
      );
    }
    return read.finally(() => {
      sent -= 1;
      waiting?.();
      waiting = undefined;
    });
  };
  const slot = () => (sent < MAX_VERSION_READS ? undefined : new Promise<void>((resolve) => (waiting = resolve)));
  return () => {
    if (known && known.statements === statementsSent?.()) return known.version;
    gathering ??= new Promise<void>((resolve) => setImmediate(resolve)).then(slot).then(send);
    return gathering;
  };
}
