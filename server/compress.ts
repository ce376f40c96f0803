import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

/** Below this, compressing saves less than a packet. */
export const MIN_COMPRESSIBLE_BYTES = 1024;

/** Whether the answer's type is worth compressing: the type database's word, as `compression` asks it. */
export const compressibleType: (req: Request, res: Response) => boolean = compression.filter;

const compress = compression({
  // gzip level 1 and Brotli quality 4 (the package's): each cheap enough per answer (ADR 0030, addendum).
  level: 1,
  threshold: MIN_COMPRESSIBLE_BYTES,
  // An answer the page cache keeps goes out as rendered; the cache compresses its entry once, by itself.
  filter: (req, res) => !res.hasHeader("x-page-cache") && compressibleType(req, res),
});

/**
 * Answers rendered for one request (signed-in pages, pages the cache does not keep, the API's JSON, error pages,
 * stored files) go out compressed by Express's `compression` to a client that takes Brotli or gzip, while they
 * stream, with `Vary: Accept-Encoding`. Left alone: a `HEAD`, an answer under 1 kB or that names its own encoding or
 * `no-transform`, and an answer the page cache keeps. Besides the package:
 * - React Router flushes the answer after each chunk it writes; the flushes of one turn of the event loop are made
 *   one, after it, so React's shell still reaches the browser at once, in fewer and better compressed blocks.
 * - A tag (`ETag`) of compressed bytes is made weak (`W/`): the bytes differ from the rendered ones, the content does
 *   not (RFC 9110, 8.8.1). `If-None-Match` compares weakly, so the client's tag matches whichever copy it holds.
 * - A `GET` or `HEAD` whose `If-None-Match` (or `If-Modified-Since`) holds the answer is told `304 Not Modified`,
 *   compressed or not, as Express's `res.send` does: React Router's answers (a stored file's) do not check it.
 */
export const compressRendered: RequestHandler = (req, res, next) => {
  let encodedByRoute = false;
  // Installed before the package's hook, so it runs after the package chose an encoding.
  const { writeHead } = res;
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    const etag = this.getHeader("etag");
    if (!encodedByRoute && this.hasHeader("content-encoding") && typeof etag === "string" && !etag.startsWith("W/")) {
      this.setHeader("ETag", `W/${etag}`);
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;

  compress(req, res, (error?: unknown) => {
    if (error) return next(error);
    // Installed after the package's hook, so it runs before the package chooses.
    const { writeHead: chooseEncoding } = res;
    res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      if (typeof args[0] === "number") this.statusCode = args[0];
      encodedByRoute = this.hasHeader("content-encoding");
      if (this.statusCode !== 304 && req.fresh) {
        if (compressibleType(req, this)) this.vary("Accept-Encoding");
        for (const name of ["Content-Type", "Content-Length", "Transfer-Encoding"]) this.removeHeader(name);
        this.statusCode = 304;
        return chooseEncoding.call(this, 304);
      }
      return chooseEncoding.apply(this, args);
    } as typeof writeHead;

    const flushNow = res.flush.bind(res);
    let flushing = false;
    res.flush = () => {
      if (flushing) return;
      flushing = true;
      setImmediate(() => {
        flushing = false;
        if (!res.destroyed) flushNow();
      });
    };
    next();
  });
};
