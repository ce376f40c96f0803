import cluster, { type Worker } from "node:cluster";
import type { createLogger } from "../src/platform/logger.ts";

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
