import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withPlatform } from "../../db/index.ts";
import { createLogger } from "../logger.ts";
import { deleteFinishedJobs, enqueue, type JobHandlers, runDueJobs, scheduleRecurring, startWorker } from "./index.ts";

let handle: DatabaseHandle;
const NOW = new Date("2026-11-23T09:00:00Z");
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle.close());
beforeEach(() => handle.db.delete(schema.jobs));

const jobRow = async (id: number) => (await handle.db.select().from(schema.jobs).where(eq(schema.jobs.id, id)))[0]!;

describe("the queue", () => {
  it("keeps a job only when the enqueuing transaction commits", async () => {
    await expect(
      withPlatform(handle.db, async (tx) => {
        await enqueue(tx, "test.echo", { n: 1 }, { runAt: NOW });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await handle.db.select().from(schema.jobs)).toEqual([]);
  });

  it("runs due jobs once, in order, and leaves future ones waiting", async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = { "test.echo": async (payload) => void seen.push(payload.n) };
    await withPlatform(handle.db, async (tx) => {
      await enqueue(tx, "test.echo", { n: 1 }, { runAt: NOW });
      await enqueue(tx, "test.echo", { n: 2 }, { runAt: later(60) });
    });
    expect(await runDueJobs(handle.db, handlers, { now: NOW })).toMatchObject([{ result: "done" }]);
    expect(await runDueJobs(handle.db, handlers, { now: NOW })).toEqual([]);
    expect(seen).toEqual([1]);
    await runDueJobs(handle.db, handlers, { now: later(61) });
    expect(seen).toEqual([1, 2]);
  });

  it("clears a done job's payload, which may hold a sign-in link", async () => {
    const id = await enqueue(handle.db, "test.echo", { secret: "x" }, { runAt: NOW });
    await runDueJobs(handle.db, { "test.echo": async () => {} }, { now: NOW });
    expect(await jobRow(id)).toMatchObject({ doneAt: NOW, payload: {} });
  });

  it("retries a failing job with backoff and records failure after the last attempt", async () => {
    const id = await enqueue(handle.db, "test.flaky", {}, { runAt: NOW });
    const handlers: JobHandlers = {
      "test.flaky": async () => {
        throw new Error("SMTP said no");
      },
    };
    expect(await runDueJobs(handle.db, handlers, { now: NOW, maxAttempts: 2 })).toMatchObject([{ result: "retry" }]);
    expect(await jobRow(id)).toMatchObject({ attempts: 1, runAt: later(30), lastError: "SMTP said no" });
    expect(await runDueJobs(handle.db, handlers, { now: later(29), maxAttempts: 2 })).toEqual([]);
    expect(await runDueJobs(handle.db, handlers, { now: later(30), maxAttempts: 2 })).toMatchObject([
      { result: "failed" },
    ]);
    expect(await jobRow(id)).toMatchObject({ attempts: 2, failedAt: later(30) });
    expect(await runDueJobs(handle.db, handlers, { now: later(99_999), maxAttempts: 2 })).toEqual([]);
  });

  it("fails a job of an unknown kind instead of losing it", async () => {
    const id = await enqueue(handle.db, "test.unknown", {}, { runAt: NOW });
    await runDueJobs(handle.db, {}, { now: NOW, maxAttempts: 1 });
    expect(await jobRow(id)).toMatchObject({ failedAt: NOW, lastError: 'no handler for job kind "test.unknown"' });
  });

  it("takes a job back from a worker whose lease ran out", async () => {
    const id = await enqueue(handle.db, "test.echo", {}, { runAt: NOW });
    await handle.db
      .update(schema.jobs)
      .set({ lockedUntil: later(300), attempts: 1 })
      .where(eq(schema.jobs.id, id));
    const handlers: JobHandlers = { "test.echo": async () => {} };
    expect(await runDueJobs(handle.db, handlers, { now: later(10) })).toEqual([]);
    expect(await runDueJobs(handle.db, handlers, { now: later(300) })).toMatchObject([{ id, result: "done" }]);
  });

  it("never runs one job twice when two workers share the database", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const ids = await withPlatform(handle.db, async (tx) => {
      const created: number[] = [];
      for (let n = 0; n < 40; n++) created.push(await enqueue(tx, "test.count", { n }, { runAt: NOW }));
      return created;
    });
    const runs: number[] = [];
    const handlers: JobHandlers = {
      "test.count": async (_payload, job) => {
        runs.push(job.id);
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    const logger = createLogger("silent");
    const workers = [1, 2].map(() => startWorker(handle.db, handlers, { logger, pollMs: 10, clock: () => NOW }));
    await expect.poll(() => runs.length, { timeout: 20_000 }).toBe(ids.length);
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(runs.toSorted((a, b) => a - b)).toEqual(ids);
    const pending = await handle.db.select().from(schema.jobs).where(eq(schema.jobs.attempts, 1));
    expect(pending).toHaveLength(ids.length);
  });

  it("stops gracefully: the job in hand finishes, no new one starts", async () => {
    await enqueue(handle.db, "test.slow", {}, { runAt: NOW });
    await enqueue(handle.db, "test.slow", {}, { runAt: NOW });
    let release: () => void = () => {};
    let started = 0;
    const handlers: JobHandlers = {
      "test.slow": () => {
        started++;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    };
    const worker = startWorker(handle.db, handlers, { logger: createLogger("silent"), clock: () => NOW });
    await expect.poll(() => started).toBe(1);
    const stopping = worker.stop();
    release();
    await stopping;
    expect(started).toBe(1);
    const done = (await handle.db.select().from(schema.jobs)).filter((job) => job.doneAt);
    expect(done).toHaveLength(1);
  });
});

describe("recurring jobs", () => {
  it("keeps exactly one pending run, due an interval after the last one finished", async () => {
    const job = { kind: "test.recurring", everySeconds: 3600 };
    await Promise.all([scheduleRecurring(handle.db, job, NOW), scheduleRecurring(handle.db, job, NOW)]);
    const pending = () => handle.db.select().from(schema.jobs).where(eq(schema.jobs.kind, job.kind));
    expect(await pending()).toMatchObject([{ runAt: NOW }]);
    await runDueJobs(handle.db, { [job.kind]: async () => {} }, { now: later(5) });
    await scheduleRecurring(handle.db, job, later(6));
    const runs = await pending();
    expect(runs).toHaveLength(2);
    expect(runs.find((run) => !run.doneAt)?.runAt).toEqual(later(5 + 3600));
  });

  it("forgets done jobs after a while, keeps failed ones", async () => {
    const done = await enqueue(handle.db, "test.echo", {}, { runAt: NOW });
    const failed = await enqueue(handle.db, "test.nope", {}, { runAt: NOW });
    await runDueJobs(handle.db, { "test.echo": async () => {} }, { now: NOW, maxAttempts: 1 });
    await deleteFinishedJobs(handle.db, { before: later(1) });
    const left = await handle.db.select({ id: schema.jobs.id }).from(schema.jobs);
    expect(left.map((row) => row.id)).toEqual([failed]);
    expect(done).not.toBe(failed);
  });
});
