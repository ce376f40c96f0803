import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_VOTING_CODE_KEY, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("runs on the embedded database with demo content when nothing is set", () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: "embedded", dataDir: "./data" });
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("uses the PostgreSQL server from DATABASE_URL and then seeds only when asked", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://app@db:5432/samenspel", PORT: "8080" });
    expect(config.database).toEqual({ kind: "server", url: "postgres://app@db:5432/samenspel" });
    expect(config.seedDemo).toBe(false);
    expect(config.publicUrl).toBe("http://localhost:8080");
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", SMTP_URL: " " }).database.kind).toBe("embedded");
  });

  it("names every bad value at once", () => {
    const problems = (() => {
      try {
        loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", PUBLIC_URL: "not a url", LOG_LEVEL: "loud" });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
      }
      return [];
    })();
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["DATABASE_URL", "LOG_LEVEL", "PORT", "PUBLIC_URL"]);
    expect(problems.find((p) => p.startsWith("DATABASE_URL"))).toContain("postgres://");
  });

  it("requires a client id with an OpenID issuer", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://broker.example" })).toThrow(/OIDC_CLIENT_ID/);
  });

  it("wants its own voting-code key in production on a server, and has a documented one for demos", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/samenspel" })).toThrow(
      /VOTING_CODE_KEY/,
    );
    expect(() => loadConfig({ VOTING_CODE_KEY: "short" })).toThrow(/VOTING_CODE_KEY/);
    expect(loadConfig({ NODE_ENV: "production" }).votingCodeKey).toBe(DEMO_VOTING_CODE_KEY);
    const key = "k".repeat(32);
    expect(
      loadConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x", VOTING_CODE_KEY: key }).votingCodeKey,
    ).toBe(key);
  });

  it("serves from several processes only on a PostgreSQL server: the embedded database is held by one", () => {
    expect(loadConfig({}).processes).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: "4" }).processes).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: "4", DATABASE_URL: "postgres://db/x" }).processes).toBe(4);
    expect(() => loadConfig({ WEB_CONCURRENCY: "0" })).toThrow(/WEB_CONCURRENCY/);
  });
});
