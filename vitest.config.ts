import { defineConfig } from "vitest/config";

const databaseSetup = "tests/support/global-setup.ts";
const failOnConsoleError = "tests/support/fail-on-console-error.ts";

export default defineConfig({
  test: {
    projects: [
      "packages/pb",
      {
        test: {
          name: "app",
          include: [
            "src/**/*.test.ts",
            "app/**/*.test.{ts,tsx}",
            "server/**/*.test.ts",
            "scripts/**/*.test.ts",
            "tests/support/**/*.test.ts",
          ],
          environment: "node",
          globalSetup: [databaseSetup],
          setupFiles: [failOnConsoleError],
          // Database tests share two cores with everything else in CI: the limit only stops a hang.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Again, with the clock a year ahead: nothing may depend on today's date. The tests that read the real
          // clock or meet the database's (routes, queue, mail, seed, sign-in, participation); the others pass a
          // fixed `now` to the domain.
          name: "next-year",
          include: [
            "app/routes/**/*.test.{ts,tsx}",
            "src/mail/**/*.test.ts",
            "src/platform/queue/**/*.test.ts",
            "src/seed/**/*.test.ts",
            "src/domain/identity/**/*.test.ts",
            "src/domain/programme/participation.test.ts",
          ],
          environment: "node",
          globalSetup: [databaseSetup],
          setupFiles: ["tests/support/clock-next-year.ts", failOnConsoleError],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: [databaseSetup, "tests/support/e2e-setup.ts"],
          setupFiles: [failOnConsoleError],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page is awaited by polling; on a busy two-core machine a render can take seconds, and the default
          // one second made journeys fail for time, not for what they check.
          expect: { poll: { timeout: 15_000 } },
          // Chromium and the app share two cores: one journey file at a time keeps them responsive.
          fileParallelism: false,
        },
      },
    ],
  },
});
