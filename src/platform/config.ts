import { createHash } from "node:crypto";
import { z } from "zod";

/** An empty variable counts as unset, as shells and compose files often leave them. */
const optional = <T extends z.ZodType>(type: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), type.optional());
const optionalUrl = optional(z.url());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address people use to reach the site; links in e-mails point here. */
  PUBLIC_URL: optionalUrl,
  /** A PostgreSQL server; without it the embedded PGlite database under DATA_DIR is used. */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")),
  DATA_DIR: z.string().min(1).default("./data"),
  /** smtp://user:pass@host:port; without it e-mail is written to the log (development and demos only). */
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default("Samenspel <noreply@samenspel.localhost>"),
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("DigiD"),
  /** Fill an empty database with the demo content on start; defaults to on for the embedded database. */
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Run the background queue in this process (disable on instances that should only serve requests). */
  RUN_WORKER: z.enum(["true", "false"]).default("true"),
  /**
   * How many processes serve HTTP (node:cluster, one port), on a PostgreSQL server only: every piece of shared state
   * (sessions, the page version, rate limits, the queue) lives in the database. The embedded database is one process.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Count each request's statements and time its phases, for `npm run bench:http` (src/platform/request-timing.ts). */
  REQUEST_TIMING: z.enum(["true", "false"]).default("false"),
  /**
   * How long a rendered public page may be served to visitors who are not signed in, at most, while nothing it shows
   * has changed (ADR 0030); 0 turns the page cache off.
   */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /**
   * The HMAC key under which postal voting codes and ballot receipts are hashed (and from which a batch's codes are
   * derived): at least 32 characters, kept out of the database.
   */
  VOTING_CODE_KEY: optional(z.string().min(32, "must be at least 32 characters")),
  /** 32 random bytes, base64 (`openssl rand -base64 32`): encrypts TOTP secrets at rest. */
  TOTP_KEY: optional(
    z.string().refine((value) => /^[A-Za-z0-9+/]{43}=?$/.test(value) && Buffer.from(value, "base64").length === 32, {
      message: "must be 32 bytes in base64, e.g. from `openssl rand -base64 32`",
    }),
  ),
});

/**
 * Development, tests and the embedded demo database only: the README's demo voting codes are derived from it. A
 * production instance on a PostgreSQL server refuses to start without its own key.
 */
export const DEMO_VOTING_CODE_KEY = "samenspel-demo-voting-code-key-not-for-production";

/**
 * Outside production, without TOTP_KEY, a fixed key derived from this text, so development and tests need no
 * set-up. It is public: never use it for real accounts. Production without TOTP_KEY offers no TOTP at all.
 */
const DEVELOPMENT_TOTP_KEY = createHash("sha256")
  .update("samenspel development TOTP key, public, not for production")
  .digest();

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  publicUrl: string;
  database: { kind: "server"; url: string } | { kind: "embedded"; dataDir: string };
  smtpUrl: string | undefined;
  mailFrom: string;
  oidc: { issuer: string; clientId: string; clientSecret: string | undefined; name: string } | undefined;
  seedDemo: boolean;
  logLevel: string;
  runWorker: boolean;
  /** HTTP processes: WEB_CONCURRENCY on a PostgreSQL server, always 1 on the embedded database (PGlite is one process). */
  processes: number;
  requestTiming: boolean;
  pageCacheSeconds: number;
  votingCodeKey: string;
  /** The AES-256 key for TOTP secrets; undefined in production without TOTP_KEY (then TOTP cannot be set up). */
  totpKey: Buffer | undefined;
};

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Reads and checks the environment once at start; every bad value is named, all at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) throw new ConfigError(["OIDC_CLIENT_ID: required when OIDC_ISSUER is set"]);
  if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.VOTING_CODE_KEY) {
    throw new ConfigError(["VOTING_CODE_KEY: required in production on a PostgreSQL server (at least 32 characters)"]);
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    database: e.DATABASE_URL ? { kind: "server", url: e.DATABASE_URL } : { kind: "embedded", dataDir: e.DATA_DIR },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, name: e.OIDC_NAME }
        : undefined,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === "true" : !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    runWorker: e.RUN_WORKER === "true",
    processes: e.DATABASE_URL ? e.WEB_CONCURRENCY : 1,
    requestTiming: e.REQUEST_TIMING === "true",
    pageCacheSeconds: e.PAGE_CACHE_SECONDS,
    votingCodeKey: e.VOTING_CODE_KEY ?? DEMO_VOTING_CODE_KEY,
    totpKey: e.TOTP_KEY
      ? Buffer.from(e.TOTP_KEY, "base64")
      : e.NODE_ENV === "production"
        ? undefined
        : DEVELOPMENT_TOTP_KEY,
  };
}
