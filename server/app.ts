import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import * as build from "virtual:react-router/server-build";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { RouterContextProvider } from "react-router";
import { type RequestState, requestContext, type Services, servicesContext } from "../app/server/context.ts";
import { type BuildRoutes, routeMessageKeys } from "../app/server/route-messages.server.ts";
import { summariseError } from "../src/platform/error-summary.ts";
import { markRouter, timeRequest } from "../src/platform/request-timing.ts";
import { limitRequestBodies, type RouteManifest } from "./body-limits.ts";
import { compressRendered } from "./compress.ts";
import { answerHealth, databaseHealth, HEALTH_CHECK_REUSE_MS, requestId } from "./health.ts";
import { noStoreWhenSignedIn } from "./no-store.ts";
import { pageCache } from "./page-cache.ts";
import { servePrecompressed } from "./precompressed.ts";
import { clientFiles, servePublicFiles } from "./public-files.ts";
import { refuseMalformedTargets } from "./request-target.ts";
import { rejectCrossSiteWrites } from "./same-origin.ts";

declare module "express-serve-static-core" {
  interface Locals {
    nonce: string;
  }
}

export type HttpListener = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

/**
 * The HTTP application: the health check, then security headers, request ids and logs, cross-site write refusal,
 * then React Router. Built by Vite together with the routes, so the route modules and this file share one copy of
 * the request context. The health check is answered before Express sees the request (ADR 0030, addendum).
 */
export function createHttpApp(services: Services, options: { clientAssetsDir?: string } = {}): HttpListener {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const timed = services.config.requestTiming
    ? (label: string, res: ServerResponse, next: () => void) =>
        timeRequest(label, (listener) => res.once("finish", listener), next)
    : (_label: string, _res: ServerResponse, next: () => void) => next();
  const health = answerHealth(
    databaseHealth(services.db, {
      reuseMs: HEALTH_CHECK_REUSE_MS,
      onFailure: (error) => services.logger.error({ err: error }, "health check: database unreachable"),
    }),
  );

  // Every request but the health check is logged, also one answered from the page cache before Express.
  const logRequest = pinoHttp({
    logger: services.logger,
    genReqId: requestId,
    // One line per request with what an operator needs; no headers, so no cookies or tokens in the logs.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: summariseError,
    },
  });

  const nonce = nonces();
  app.use((_req, res, next) => {
    res.locals.nonce = nonce();
    next();
  });
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.nonce}'`, "'strict-dynamic'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'", ...(services.config.oidc ? [new URL(services.config.oidc.issuer).origin] : [])],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(services.config.publicUrl.startsWith("https:") ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: services.config.publicUrl.startsWith("https:"),
    // Not helmet's "no-referrer": with it, browsers send `Origin: null` on our own form posts, and the same-origin
    // checks (ours and React Router's) could no longer tell them from a cross-site post.
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    // `frame-ancestors 'none'` above is the one framing policy; the older header would only repeat it.
    xFrameOptions: false,
  });
  // A script, stylesheet or icon of the build needs only what a browser applies to it: no sniffing of its type, no
  // loading by other sites, HTTPS. The page's policies (CSP, opener, referrer, …) apply to documents, and on each of a
  // page's dozen scripts they cost about 0.5 kB on the wire (ADR 0038).
  const assetHeaders = helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: services.config.publicUrl.startsWith("https:"),
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  app.use((req, res, next) => (req.path.startsWith("/assets/") ? assetHeaders : pageHeaders)(req, res, next));

  app.use(refuseMalformedTargets);
  const files = options.clientAssetsDir ? clientFiles(options.clientAssetsDir) : new Set<string>();
  if (options.clientAssetsDir) {
    app.use(servePrecompressed(options.clientAssetsDir));
    app.use("/assets", express.static(`${options.clientAssetsDir}/assets`, { immutable: true, maxAge: "1y" }));
    app.use(servePublicFiles(options.clientAssetsDir, files));
  }
  // An address under /assets that names no file gets the not-found page, a document: with the page's headers.
  app.use("/assets", pageHeaders);
  // Answers from the cache are sent before Express (below); a request it sends on to be rendered is kept here,
  // right after the security headers and the static files (whose paths could match a page's pattern) (ADR 0030).
  const cache = pageCache({
    db: services.db,
    manifest: build.routes as RouteManifest,
    seconds: services.config.pageCacheSeconds,
    files,
  });
  // Before the cache's capture, so it keeps the bytes as rendered; what it keeps is compressed once, by itself.
  app.use(compressRendered);
  app.use(cache.capture);
  app.use(rejectCrossSiteWrites(services.config.publicUrl));
  app.use(limitRequestBodies(build.routes as RouteManifest));
  app.use(noStoreWhenSignedIn);

  const messageKeys = routeMessageKeys(build.routes as BuildRoutes);
  app.all(
    "/{*splat}",
    createRequestHandler({
      build,
      getLoadContext(req, res) {
        markRouter();
        const context = new RouterContextProvider();
        context.set(servicesContext, services);
        const state: RequestState = {
          requestId: String(req.id),
          nonce: res.locals.nonce,
          logger: req.log,
          clientIp: req.ip ?? "unknown",
          messageKeys,
        };
        context.set(requestContext, state);
        return context;
      },
    }),
  );
  // What escaped React Router (a header Node refuses, a broken stream): one structured line, a neutral 500.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    req.log.error({ err: error }, "request failed");
    if (res.headersSent) return void res.destroy();
    res.status(500).type("text/plain").send("Something went wrong on our side. Nothing has been changed.");
  });
  return (req, res, next) => {
    const url = req.url ?? "/";
    if (url === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      return timed(url, res, () => health(req, res));
    }
    // Inside the development server's Express, `next` hands on what this app leaves; on its own, Express answers 404.
    const render = () => (next ? app(req as express.Request, res as express.Response, next) : app(req, res));
    timed(url, res, () => {
      logRequest(req, res);
      cache.serve(req, res, render);
    });
  };
}

/**
 * CSP nonces of 16 random bytes, cut from a block of 4 kB that the operating system's generator fills: one call
 * for 256 responses instead of one each (issue 15: 5 % of the CPU of a page served from the cache). Every nonce is
 * used once and is as unpredictable as a block of its own.
 */
function nonces(): () => string {
  let block = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at >= block.length) {
      block = randomBytes(4096);
      at = 0;
    }
    at += 16;
    return block.toString("base64", at - 16, at);
  };
}
