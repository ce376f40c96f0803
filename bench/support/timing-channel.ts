import cluster, { type Worker } from "node:cluster";
import { pauseTimings, type TimingTotals, takeTimings } from "../../src/platform/request-timing.ts";

/**
 * Loaded before the app in the process the bench starts (`node --import`, bench/support/app-process.ts), and in
 * each of its HTTP processes (`node:cluster` forks with the same flags): the bench asks over the IPC channel for the
 * request timings gathered since it last asked (`REQUEST_TIMING=true`), and pauses the timing while it measures
 * throughput. The primary of several processes (server/cluster.ts) serves nothing: it passes each question on to its
 * workers and answers with their figures added up. The app itself knows nothing of this channel.
 */
type Question = "request-timings" | "pause-timings" | "resume-timings";
type Answer = { timings: Record<string, TimingTotals> } | { paused: boolean };

const isQuestion = (message: unknown): message is Question =>
  message === "request-timings" || message === "pause-timings" || message === "resume-timings";

function answerHere(question: Question): Answer {
  if (question === "request-timings") return { timings: takeTimings() };
  pauseTimings(question === "pause-timings");
  return { paused: question === "pause-timings" };
}

function ask(worker: Worker, question: Question): Promise<Answer> {
  return new Promise((resolve) => {
    const answer = (message: unknown) => {
      if (typeof message !== "object" || message === null) return;
      if (!("timings" in message) && !("paused" in message)) return;
      worker.off("message", answer);
      resolve(message as Answer);
    };
    worker.on("message", answer);
    worker.send(question);
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

if (process.send) {
  process.on("message", async (message) => {
    if (!isQuestion(message)) return;
    const workers = cluster.isPrimary ? Object.values(cluster.workers ?? {}).filter((w) => w?.isConnected()) : [];
    if (workers.length === 0) return process.send?.(answerHere(message));
    const answers = await Promise.all(workers.map((worker) => ask(worker!, message)));
    process.send?.(
      message === "request-timings"
        ? { timings: addTimings(answers.map((a) => ("timings" in a ? a.timings : {}))) }
        : { paused: message === "pause-timings" },
    );
  });
}
