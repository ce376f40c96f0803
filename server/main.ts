import cluster from "node:cluster";
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { holdEmbeddedDirectory } from "../src/db/embedded-lock.ts";
import { type DatabaseHandle, openDatabase } from "../src/db/index.ts";
import { countRoundJobHandlers, roundNewsJobHandlers, roundPhases } from "../src/domain/budgeting/index.ts";
import { adviceJobHandlers } from "../src/domain/councils/index.ts";
import { followingJobHandlers } from "../src/domain/following/index.ts";
import { SIGN_IN_CLEAN_UP_JOB } from "../src/domain/identity/index.ts";
import { fundJobHandlers } from "../src/domain/initiatives/index.ts";
import { processJobHandlers, processPhases } from "../src/domain/processes/index.ts";
import { newsletterJobHandlers, newsletterMailReceipts } from "../src/domain/programme/index.ts";
import { PHASES_ADVANCE_JOB, type PhaseMachine, phaseJobHandlers } from "../src/domain/shared/index.ts";
import { createMailer, MAIL_JOB, mailJobHandler } from "../src/mail/index.ts";
import { type Config, ConfigError, loadConfig } from "../src/platform/config.ts";
import { createLogger } from "../src/platform/logger.ts";
import { type JobHandlers, startWorker } from "../src/platform/queue/index.ts";
import { seedDemo } from "../src/seed/index.ts";
import type * as HttpApp from "./app.ts";
import { cleanUpJob } from "./clean-up.ts";
import { serveInProcesses } from "./cluster.ts";
import { migrateDatabase } from "./migrate-database.ts";

/** The instruments' dated-phase machines (`src/domain/shared/phases.ts`): the queue moves their subjects at their dates. */
const phaseMachines: readonly PhaseMachine[] = [processPhases, roundPhases];

/** Migrations, and the demo content when configured: once per start, before any process serves. */
async function prepareDatabase(config: Config, database: DatabaseHandle, logger: ReturnType<typeof createLogger>) {
  await migrateDatabase(database);
  if (config.seedDemo) {
    const report = await seedDemo(database.db, { now: new Date(), publicUrl: config.publicUrl });
    if (report.seeded) logger.info(report, "empty database filled with the demo content");
  }
}

/**
 * Starts one stateless app instance: database and migrations, the queue worker (unless `RUN_WORKER=false`), then
 * HTTP. A caller that brings its own database (tests) keeps ownership of it. `prepared`: the primary of several
 * processes (server/cluster.ts) has migrated and seeded already.
 */
export async function startServer(config: Config, given?: DatabaseHandle, o: { prepared?: boolean } = {}) {
  const logger = createLogger(config.logLevel);
  const database = given ?? (await openConfiguredDatabase(config));
  if (!o.prepared) await prepareDatabase(config, database, logger);

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
  const handlers: JobHandlers = {
    [MAIL_JOB]: mailJobHandler(mailer, {
      receipts: newsletterMailReceipts,
      logger: logger.child({ component: "mail" }),
    }),
    ...newsletterJobHandlers({ publicUrl: config.publicUrl }),
    ...phaseJobHandlers({ machines: phaseMachines }),
    ...followingJobHandlers(),
    ...countRoundJobHandlers(),
    ...roundNewsJobHandlers({ publicUrl: config.publicUrl }),
    ...processJobHandlers({ publicUrl: config.publicUrl }),
    ...fundJobHandlers({ publicUrl: config.publicUrl }),
    ...adviceJobHandlers({ publicUrl: config.publicUrl }),
    [SIGN_IN_CLEAN_UP_JOB]: cleanUpJob({ analyze: database.kind === "embedded" }),
  };
  const worker = config.runWorker
    ? startWorker(database.db, handlers, {
        logger: logger.child({ component: "queue" }),
        recurring: [
          { kind: SIGN_IN_CLEAN_UP_JOB, everySeconds: 3600 },
          { kind: PHASES_ADVANCE_JOB, everySeconds: 60 },
        ],
      })
    : undefined;
  // A request that enqueued work nudges this instance's worker; other instances find it at their next poll.
  const services = { db: database.db, config, logger, queue: { wake: () => worker?.wake() } };
  let server: Server;
  if (config.env === "production" || config.env === "test") {
    const build = (await import(new URL("../build/server/index.js", import.meta.url).href)) as typeof HttpApp;
    const listener = build.createHttpApp(services, {
      clientAssetsDir: new URL("../build/client", import.meta.url).pathname,
    });
    server = createServer(listener).listen(config.port, config.host);
  } else {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    const express = (await import("express")).default;
    const app = express();
    app.use(vite.middlewares);
    app.use(async (req, res, next) => {
      const module = (await vite.ssrLoadModule("./server/app.ts")) as typeof HttpApp;
      module.createHttpApp(services)(req, res, next);
    });
    server = app.listen(config.port, config.host);
  }
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const { port } = server.address() as AddressInfo;
  logger.info({ port, database: database.kind }, `Samenspel listens on http://${config.host}:${port}`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info("shutting down: finishing open requests");
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
      mailer.close();
      if (!given) await database.close();
      logger.info("stopped");
    })();
    return stopping;
  };
  return { port, stop, services };
}

/** The configured database; the embedded one is held by this process until it is closed (see embedded-lock.ts). */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.database.kind === "server") return openDatabase(config.database);
  mkdirSync(config.database.dataDir, { recursive: true });
  const release = holdEmbeddedDirectory(config.database.dataDir);
  try {
    const handle = await openDatabase(config.database);
    return { ...handle, close: () => handle.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

if (import.meta.main) {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (config.processes > 1 && cluster.isPrimary) {
    await serveInProcesses({
      processes: config.processes,
      logger: createLogger(config.logLevel),
      async prepare() {
        const database = await openConfiguredDatabase(config);
        try {
          await prepareDatabase(config, database, createLogger(config.logLevel));
        } finally {
          await database.close();
        }
      },
    });
  } else {
    await serveThisProcess(config);
  }
}

async function serveThisProcess(config: Config) {
  const instance = await startServer(config, undefined, { prepared: cluster.isWorker });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      instance.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
