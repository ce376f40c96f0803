import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "pb",
    include: ["src/**/*.test.ts"],
    environment: "node",
    // The corpus tests parse multi-megabyte files; a loaded two-core CI machine must not turn that into a failure.
    testTimeout: 120_000,
  },
});
