import cluster, { type Worker } from "node:cluster";
import type { createLogger } from "../src/platform/logger.ts";
import type { TimingTotals } from "../src/platform/request-timing.ts";

/**
 * The primary of several HTTP processes (`WEB_CONCURRENCY`, PostgreSQL server only; ADR 0039). It serves nothing
 * itself: it prepares the database once (migrations, demo content), forks the workers, which share one port and each
 * start a whole instance (`startServer`), forks a worker again when one dies, and stops them all on a signal. Each
 * worker is what a second instance behind a load balancer already is: sessions, the page version, rate limits and the
 * queue live in the database.
 */
export async function serveInProcesses(o: {
  processes: number;
  logger: ReturnType<typeof createLogger>;
  prepare: () => Promise<void>;
}) {
  const { logger } = o;
  await o.prepare();
  let stopping = false;
  const listening = new Set<Worker>();
  let allListening: () => void;
  const ready = new Promise<void>((resolve) => {
    allListening = resolve;
  });

  cluster.on("listening", (worker) => {
    listening.add(worker);
    if (listening.size === o.processes) allListening();
  });
  cluster.on("exit", (worker, code, signal) => {
    const wasListening = listening.delete(worker);
    if (stopping) return;
    if (!wasListening) {
      // It died while starting (a database it cannot reach, a bad build): forking again would only repeat that.
      logger.fatal({ code, signal }, "an HTTP process stopped before it listened; stopping all");
      void stopAll(1);
      return;
    }
    logger.error({ code, signal }, "an HTTP process stopped; starting another");
    cluster.fork();
  });
  for (let i = 0; i < o.processes; i++) cluster.fork();

  // The bench (bench/support/app-process.ts) asks the process it started for the request timings: the workers'
  // figures, added up.
  process.on("message", async (message) => {
    if (message !== "request-timings") return;
    await ready;
    const answers = await Promise.all([...listening].map(timingsOf));
    process.send?.({ timings: addTimings(answers) });
  });

  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    // Each worker finishes its open requests and closes its pool on SIGTERM (server/main.ts).
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    process.exit(exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAll(0));
  await ready;
  logger.info({ processes: o.processes }, "every HTTP process listens");
}

function timingsOf(worker: Worker): Promise<Record<string, TimingTotals>> {
  return new Promise((resolve) => {
    const answer = (message: unknown) => {
      if (typeof message !== "object" || message === null || !("timings" in message)) return;
      worker.off("message", answer);
      resolve((message as { timings: Record<string, TimingTotals> }).timings);
    };
    worker.on("message", answer);
    worker.send("request-timings");
  });
}

function addTimings(all: readonly Record<string, TimingTotals>[]): Record<string, TimingTotals> {
  const sum: Record<string, TimingTotals> = {};
  for (const timings of all) {
    for (const [label, t] of Object.entries(timings)) {
      const s = sum[label];
      sum[label] = s
        ? {
            requests: s.requests + t.requests,
            statements: s.statements + t.statements,
            transactions: s.transactions + t.transactions,
            middlewareMs: s.middlewareMs + t.middlewareMs,
            loaderMs: s.loaderMs + t.loaderMs,
            renderMs: s.renderMs + t.renderMs,
          }
        : { ...t };
    }
  }
  return sum;
}
