import { createServer } from "node:net";
import { startServer } from "../../server/main.ts";
import type { DatabaseHandle } from "../../src/db/index.ts";
import { loadConfig } from "../../src/platform/config.ts";
import { freshDatabase } from "./database.ts";

export type AppInstance = {
  readonly url: string;
  readonly database: DatabaseHandle;
  stop(): Promise<void>;
};

/**
 * A production-built app on a free loopback port with a fresh database of its own (or a shared one, to run
 * several instances against one database). Extra environment is read exactly as in production.
 */
export async function startApp(
  options: { env?: Record<string, string>; database?: DatabaseHandle; port?: number } = {},
): Promise<AppInstance> {
  const database = options.database ?? (await freshDatabase());
  // The port is chosen first so PUBLIC_URL (links in mails, the OIDC redirect) names the address browsers use.
  const port = options.port ?? (await freePort());
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    SEED_DEMO: "false",
    ...options.env,
  });
  const instance = await startServer(config, database);
  const url = `http://127.0.0.1:${instance.port}`;
  return {
    url,
    database,
    async stop() {
      await instance.stop();
      if (!options.database) await database.close();
    },
  };
}

/** A loopback port that was free a moment ago (for a server whose address must be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}
