import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Where one request's time goes, for `npm run bench:http` (`REQUEST_TIMING=true`): the statements and transactions
 * it ran, and the milliseconds before React Router (middleware), in React Router until the page renders (routing,
 * loaders, actions; the whole of a resource route) and from then until the last byte is handed to the socket
 * (render and write). Off, nothing is counted: `current()` finds no store.
 */
export type RequestTiming = {
  startedAt: number;
  routerAt?: number;
  renderAt?: number;
  statements: number;
  transactions: number;
};

export type TimingTotals = {
  requests: number;
  statements: number;
  transactions: number;
  middlewareMs: number;
  loaderMs: number;
  renderMs: number;
};

type Shared = { storage: AsyncLocalStorage<RequestTiming>; totals: Map<string, TimingTotals>; paused?: boolean };

// The server bundle and the unbundled database client each get their own copy of this module; they share one store.
const key = Symbol.for("samenspel.request-timing");
const global = globalThis as Record<symbol, Shared | undefined>;
global[key] ??= { storage: new AsyncLocalStorage<RequestTiming>(), totals: new Map() };
const shared = global[key];

const current = () => shared.storage.getStore();

/** Runs `next` with a fresh timing for the request, added to the totals of `label` once the response is finished. */
export function timeRequest(label: string, whenFinished: (listener: () => void) => void, next: () => void) {
  if (shared.paused) return next();
  const timing: RequestTiming = { startedAt: performance.now(), statements: 0, transactions: 0 };
  whenFinished(() => recordTiming(label, timing));
  shared.storage.run(timing, next);
}

export function countStatement(text: string) {
  const timing = current();
  // BEGIN and COMMIT are counted as the transaction (PGlite's do not pass the query logger at all).
  if (timing && !/^(begin|commit|rollback)\b/i.test(text)) timing.statements += 1;
}

export function countTransaction() {
  const timing = current();
  if (timing) timing.transactions += 1;
}

export function markRouter() {
  const timing = current();
  if (timing) timing.routerAt = performance.now();
}

export function markRender() {
  const timing = current();
  if (timing) timing.renderAt = performance.now();
}

function recordTiming(label: string, timing: RequestTiming) {
  const end = performance.now();
  const routerAt = timing.routerAt ?? end;
  const renderAt = timing.renderAt ?? end;
  const totals = shared.totals.get(label) ?? {
    requests: 0,
    statements: 0,
    transactions: 0,
    middlewareMs: 0,
    loaderMs: 0,
    renderMs: 0,
  };
  totals.requests += 1;
  totals.statements += timing.statements;
  totals.transactions += timing.transactions;
  totals.middlewareMs += routerAt - timing.startedAt;
  totals.loaderMs += renderAt - routerAt;
  totals.renderMs += end - renderAt;
  shared.totals.set(label, totals);
}

/**
 * Pauses or resumes the timing of requests: the bench times requests one at a time, then pauses it while it loads
 * the server, so the throughput it reports is not that of a server keeping an account of every request.
 */
export function pauseTimings(paused: boolean) {
  shared.paused = paused;
}

/** The totals since the last call, per label; starts counting afresh. */
export function takeTimings(): Record<string, TimingTotals> {
  const taken = Object.fromEntries(shared.totals);
  shared.totals.clear();
  return taken;
}
