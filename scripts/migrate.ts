import { openConfiguredDatabase } from "../server/main.ts";
import { migrateDatabase } from "../server/migrate-database.ts";
import { loadConfig } from "../src/platform/config.ts";

/** `npm run db:migrate`: brings the configured database (PGlite directory or DATABASE_URL) up to the latest schema. */
const config = loadConfig(process.env);
const database = await openConfiguredDatabase(config);
try {
  await migrateDatabase(database);
  process.stdout.write(`The ${database.kind} database is up to date.\n`);
} finally {
  await database.close();
}
