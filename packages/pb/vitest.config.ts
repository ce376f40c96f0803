import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "pb",
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
