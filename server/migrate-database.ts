import { type DatabaseHandle, type MigrateOptions, migrate } from "../src/db/index.ts";
import { fillResultPages } from "../src/domain/budgeting/index.ts";

/**
 * The domain's data steps: work in TypeScript that a migration needs done first (`src/db` knows no domain code, so
 * they meet here, as the job handlers do in main.ts).
 */
const steps = [fillResultPages];

/** `migrate()` with the domain's data steps: what every start and script runs on a database that may hold data. */
export function migrateDatabase(handle: DatabaseHandle, options: Omit<MigrateOptions, "steps"> = {}): Promise<void> {
  return migrate(handle, { ...options, steps });
}
