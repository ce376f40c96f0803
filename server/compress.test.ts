import { get, type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";
import { createGunzip, gunzipSync } from "node:zlib";
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
    // As React streams: the shell in one turn, the rest later.
    res.write("<html><body>");
    res.write(PAGE);
    finishStream = () => res.end("</body></html>");
  });
  app.get("/page-at-once", (_req, res) => void res.type("html").send(PAGE));
  app.get("/small", (_req, res) => void res.json({ ok: true }));
  app.get("/list", (_req, res) => void res.json(Array.from({ length: 100 }, (_, id) => ({ id, name: "traject" }))));
  app.get("/cached", (_req, res) => void res.setHeader("X-Page-Cache", "miss").type("html").send(PAGE));
  app.get("/picture", (_req, res) => void res.type("png").send(Buffer.alloc(4096)));
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
  it("gzips a page for a client that takes gzip, and leaves it as it is for one that does not", async () => {
    for (const [accepted, encoding] of [
      ["gzip, deflate, br", "gzip"],
      ["br", undefined],
      ["gzip;q=0, br", undefined],
      ["", undefined],
    ] as const) {
      const answer = await raw("/page-at-once", accepted ? { "Accept-Encoding": accepted } : {});
      expect(answer.headers["content-encoding"]).toBe(encoding);
      expect(answer.headers.vary).toBe("Accept-Encoding");
      const body = encoding ? gunzipSync(answer.body) : answer.body;
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
});
