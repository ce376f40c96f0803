import { readdirSync } from "node:fs";
import { extname, relative } from "node:path";
import type { RequestHandler } from "express";

const encodings = [
  ["br", ".br"],
  ["gzip", ".gz"],
] as const;

/**
 * Serves the build's Brotli or gzip copy of a static file (`scripts/vite/precompress.ts`) to a browser that accepts
 * it, by pointing the request at the copy before the static handlers see it. The copies are listed once at start,
 * so this costs no `stat`; the content type stays the original file's.
 */
export function servePrecompressed(dir: string): RequestHandler {
  const copies = new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(br|gz)$/.test(entry.name))
      .map((entry) => `/${relative(dir, `${entry.parentPath}/${entry.name}`)}`),
  );
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !copies.has(`${req.path}.gz`)) return next();
    res.vary("Accept-Encoding");
    // Our preference, Brotli, among what the browser accepts: asked together, the first the browser lists wins,
    // and browsers list gzip first.
    const [encoding, suffix] = encodings.find(([name]) => req.acceptsEncodings(name) === name) ?? [];
    if (!encoding || !suffix || !copies.has(`${req.path}${suffix}`)) return next();
    res.type(extname(req.path));
    res.setHeader("Content-Encoding", encoding);
    req.url = req.url.replace(req.path, `${req.path}${suffix}`);
    next();
  };
}
