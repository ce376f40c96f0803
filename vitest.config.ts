import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      "packages/pb",
      {
        test: {
          name: "app",
          include: ["src/**/*.test.ts", "app/**/*.test.{ts,tsx}", "tests/support/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
        },
      },
    ],
  },
});
