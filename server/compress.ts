import { constants, createGzip, type Gzip } from "node:zlib";
import type { RequestHandler, Response } from "express";

/** Below this, compressing saves less than a packet. */
export const MIN_COMPRESSIBLE_BYTES = 1024;
export const COMPRESSIBLE_TYPE = /^(text\/|application\/(json|javascript|xml)|[^;]*\+(json|xml))/i;

/** Whether an answer of this status and these headers is worth compressing, for a client that takes it. */
function worthCompressing(res: Response, status: number): boolean {
  const type = String(res.getHeader("content-type") ?? "");
  const length = res.getHeader("content-length");
  return (
    status >= 200 &&
    status !== 204 &&
    status !== 304 &&
    COMPRESSIBLE_TYPE.test(type) &&
    !/^text\/event-stream/i.test(type) &&
    !res.hasHeader("content-encoding") &&
    (length === undefined || Number(length) >= MIN_COMPRESSIBLE_BYTES)
  );
}

/**
 * Answers rendered for one request (signed-in pages, pages the cache does not keep, the API's JSON, error pages)
 * go out gzipped at level 1 to a client that takes gzip, while they stream: about 0.2 ms of the event loop for the
 * 27 kB home page, 2–5 % of rendering it, for a quarter of the bytes (ADR 0030, addendum). What was written in one
 * turn of the event loop is flushed together after it, so React's shell still reaches the browser at once, in
 * fewer writes than React makes. Left alone: a `HEAD`, an answer that names its own encoding, an event stream, and
 * an answer the page cache keeps (`X-Page-Cache`), which it compresses once itself. `Vary: Accept-Encoding` on
 * every answer of a compressible type; a tag of the compressed bytes is the rendered one's with `-gzip`.
 */
export const compressRendered: RequestHandler = (req, res, next) => {
  if (req.method === "HEAD") return next();
  const takesGzip = req.acceptsEncodings("gzip") === "gzip";
  let gzip: Gzip | undefined;
  let flushing = false;
  const { writeHead } = res;
  const write = res.write as (...args: unknown[]) => boolean;
  const end = res.end as (...args: unknown[]) => Response;

  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    const status = typeof args[0] === "number" ? args[0] : this.statusCode;
    if (!this.hasHeader("x-page-cache") && worthCompressing(this, status)) {
      this.vary("Accept-Encoding");
      if (takesGzip) gzip = startGzip(this);
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;

  const startGzip = (response: Response) => {
    response.removeHeader("Content-Length");
    response.setHeader("Content-Encoding", "gzip");
    const etag = response.getHeader("etag");
    if (typeof etag === "string") response.setHeader("ETag", etag.replace(/"$/, '-gzip"'));
    const stream = createGzip({ level: 1 });
    stream.on("data", (chunk: Buffer) => {
      if (!write.call(response, chunk)) stream.pause();
    });
    response.on("drain", () => stream.resume());
    // Whoever waits for the answer to drain also waits for the compressor (React Router's writer does).
    stream.on("drain", () => response.emit("drain"));
    stream.on("end", () => end.call(response));
    stream.on("error", (error) => response.destroy(error));
    // A client that went away: the compressor and what it holds go too.
    response.once("close", () => stream.destroy());
    return stream;
  };
  // Everything written in this turn of the event loop goes out as one compressed block after it.
  const flushSoon = () => {
    if (flushing) return;
    flushing = true;
    setImmediate(() => {
      flushing = false;
      if (gzip && !gzip.writableEnded) gzip.flush(constants.Z_SYNC_FLUSH);
    });
  };

  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!gzip) return write.call(this, chunk, ...rest);
    flushSoon();
    return gzip.write(chunk, typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8");
  } as typeof res.write;

  res.end = function (this: Response, ...args: unknown[]) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!gzip) return end.apply(this, args);
    const [chunk, encoding] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
      gzip.write(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
    }
    gzip.end();
    return this;
  } as typeof res.end;
  next();
};
