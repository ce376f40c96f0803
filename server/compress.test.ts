import { get, type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, createGunzip, gunzipSync } from "node:zlib";
import { writeReadableStreamToWritable } from "@react-router/node";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressRendered } from "./compress.ts";

let url: string;
let close: () => void;
let finishStream: () => void = () => {};
const PAGE = `<main>${"Een alinea over de wijk. ".repeat(200)}</main>`;

beforeAll(async () => {
  const app = express();
  app.use(compressRendered);
  app.get("/page", (_req, res) => {
    res.type("html");
    // As React streams, written by React Router's writer: the shell in one turn, the rest later.
    const bytes = new TextEncoder();
    const page = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.encode("<html><body>"));
        controller.enqueue(bytes.encode(PAGE));
        finishStream = () => {
          controller.enqueue(bytes.encode("</body></html>"));
          controller.close();
        };
      },
    });
    void writeReadableStreamToWritable(page, res);
  });
  app.get("/page-at-once", (_req, res) => void res.type("html").send(PAGE));
  app.get("/small", (_req, res) => void res.json({ ok: true }));
  app.get("/list", (_req, res) => void res.json(Array.from({ length: 100 }, (_, id) => ({ id, name: "traject" }))));
  app.get("/cached", (_req, res) => void res.setHeader("X-Page-Cache", "miss").type("html").send(PAGE));
  app.get("/picture", (_req, res) => void res.type("png").send(Buffer.alloc(4096)));
  // As React Router answers with a stored file: its own strong tag, written without Express's `res.send`.
  app.get("/file", (_req, res) => {
    res.type("text/plain").setHeader("ETag", '"sha256-of-the-file"');
    res.write(PAGE);
    res.end();
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

/** One request, its body as it came over the wire. */
function raw(path: string, headers: Record<string, string>, method = "GET") {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    request(`${url}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

describe("compressing answers rendered per request", () => {
  it("compresses a page for a client that takes Brotli or gzip, and leaves it as it is for one that takes neither", async () => {
    for (const [accepted, encoding] of [
      ["gzip, deflate, br", "br"],
      ["gzip, deflate", "gzip"],
      ["br;q=0, gzip", "gzip"],
      ["gzip;q=0, br;q=0", undefined],
      ["", undefined],
    ] as const) {
      const answer = await raw("/page-at-once", accepted ? { "Accept-Encoding": accepted } : {});
      expect(answer.headers["content-encoding"]).toBe(encoding);
      expect(answer.headers.vary).toBe("Accept-Encoding");
      const body =
        encoding === "br" ? brotliDecompressSync(answer.body) : encoding ? gunzipSync(answer.body) : answer.body;
      expect(body.toString()).toBe(PAGE);
      if (encoding) {
        expect(answer.body.length).toBeLessThan(PAGE.length / 4);
        expect(answer.headers["content-length"]).toBeUndefined();
      } else {
        expect(answer.headers["content-length"]).toBe(String(PAGE.length));
      }
    }
  });

  it("sends a streamed page's first part before the page is finished, compressed", async () => {
    const first = await new Promise<{ text: string; rest: Promise<string> }>((resolve, reject) => {
      get(`${url}/page`, { headers: { "Accept-Encoding": "gzip" } }, (response) => {
        expect(response.headers["content-encoding"]).toBe("gzip");
        const gunzip = createGunzip();
        response.pipe(gunzip);
        const texts: string[] = [];
        const rest = new Promise<string>((done) => gunzip.on("end", () => done(texts.join(""))));
        gunzip.on("data", (chunk: Buffer) => {
          texts.push(chunk.toString());
          if (texts.length === 1) resolve({ text: texts.join(""), rest });
        });
      }).on("error", reject);
    });
    expect(first.text).toContain("<html><body><main>");
    finishStream();
    expect(await first.rest).toBe(`<html><body>${PAGE}</body></html>`);
  });

  it("gzips the API's JSON of some size, not a small answer, a picture, a HEAD, nor what the page cache keeps", async () => {
    const list = await raw("/list", { "Accept-Encoding": "gzip" });
    expect(list.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(list.body).toString())).toHaveLength(100);
    for (const path of ["/small", "/picture", "/cached"]) {
      const answer = await raw(path, { "Accept-Encoding": "gzip" });
      expect(answer.headers["content-encoding"]).toBeUndefined();
    }
    const head = await raw("/page-at-once", { "Accept-Encoding": "gzip" }, "HEAD");
    expect(head.headers["content-encoding"]).toBeUndefined();
  });

  it("answers 304 to a client that holds the tag of a compressed answer, or of the answer as it was rendered", async () => {
    for (const path of ["/list", "/file"]) {
      const identity = await raw(path, {});
      const gzip = await raw(path, { "Accept-Encoding": "gzip" });
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      // One weak tag for every encoding: the content is the same, the bytes are not.
      expect(gzip.headers.etag).toMatch(/^W\//);
      expect(gzip.headers.etag?.replace(/^W\//, "")).toBe(identity.headers.etag?.replace(/^W\//, ""));
      for (const tag of [gzip.headers.etag!, identity.headers.etag!]) {
        for (const accepted of ["gzip", "br", ""]) {
          const revalidated = await raw(path, { "Accept-Encoding": accepted, "If-None-Match": tag });
          expect(revalidated.status).toBe(304);
          expect(revalidated.body).toHaveLength(0);
          // Express's `res.send` answers the JSON's 304 itself, without the type that tells what it varies on.
          if (path === "/file") expect(revalidated.headers.vary).toBe("Accept-Encoding");
          expect(revalidated.headers["content-encoding"]).toBeUndefined();
        }
      }
      const changed = await raw(path, { "Accept-Encoding": "gzip", "If-None-Match": '"another"' });
      expect(changed.status).toBe(200);
      expect(gunzipSync(changed.body).length).toBeGreaterThan(0);
    }
  });
});
