import { openConfiguredDatabase } from "../server/main.ts";
import { migrateDatabase } from "../server/migrate-database.ts";
import { loadConfig } from "../src/platform/config.ts";
import { seedDemo } from "../src/seed/index.ts";

/** `npm run db:seed`: brings the configured database up to date and fills it with the demo content if it is empty. */
const config = loadConfig(process.env);
const database = await openConfiguredDatabase(config);
try {
  await migrateDatabase(database);
  const report = await seedDemo(database.db, { now: new Date() });
  process.stdout.write(
    report.seeded
      ? `Demo content added: ${JSON.stringify(report)}\n`
      : "The database already has the programme's tenant: nothing seeded.\n",
  );
} finally {
  await database.close();
}
