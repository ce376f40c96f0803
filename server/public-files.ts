import { readdirSync } from "node:fs";
import { relative } from "node:path";
import express, { type RequestHandler } from "express";

/** The addresses of the build's files (`/favicon.svg`, `/assets/…`), listed once at start: they do not change. */
export function clientFiles(dir: string): ReadonlySet<string> {
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `/${relative(dir, `${entry.parentPath}/${entry.name}`)}`),
  );
}

/**
 * The build's public files outside `assets/` (the favicon, the municipalities' themes), served with an hour's cache
 * life. Their paths are listed once at start, so a page request costs no `stat` of a file that is not there.
 */
export function servePublicFiles(dir: string, files = clientFiles(dir)): RequestHandler {
  const serve = express.static(dir, { maxAge: "1h", index: false, redirect: false });
  return (req, res, next) => (files.has(req.path) && !req.path.startsWith("/assets/") ? serve(req, res, next) : next());
}
