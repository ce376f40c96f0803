import { describe, expect, it } from "vitest";
import { emptyDatabase } from "../tests/support/database.ts";
import { databaseHealth } from "./health.ts";

describe("databaseHealth", () => {
  it("shares one check among the probes that come while it runs, and lets its answer stand only for reuseMs after it was sent", async () => {
    const database = await emptyDatabase();
    let clock = 0;
    const failures: unknown[] = [];
    const healthy = databaseHealth(database.db, {
      reuseMs: 1000,
      now: () => clock,
      onFailure: (error) => failures.push(error),
    });

    const first = healthy();
    const second = healthy();
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBe(first);
    expect(await first).toBe(true);

    await database.close();
    // The database is gone, but the answer sent at 0 ms is still the truth for a probe within the second.
    clock = 999;
    expect(healthy()).toBe(true);
    // From then on a probe waits for a new check, which fails; the probes that come with it share the failure.
    clock = 1000;
    const afterwards = [healthy(), healthy()];
    expect(await Promise.all(afterwards)).toEqual([false, false]);
    expect(failures).toHaveLength(1);
    clock = 1999;
    expect(healthy()).toBe(false);
    expect(failures).toHaveLength(1);
    clock = 2000;
    expect(await healthy()).toBe(false);
    expect(failures).toHaveLength(2);
  });
});
