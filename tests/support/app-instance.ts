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
  options: { env?: Record<string, string>; database?: DatabaseHandle } = {},
): Promise<AppInstance> {
  const database = options.database ?? (await freshDatabase());
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
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
