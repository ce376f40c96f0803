import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePrecompressed } from "./precompressed.ts";

let url: string;
let close: () => void;
const script = "console.log('the original');".repeat(50);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "precompressed-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "assets", "app.js"), script);
  writeFileSync(join(dir, "assets", "app.js.br"), brotliCompressSync(script));
  writeFileSync(join(dir, "assets", "app.js.gz"), gzipSync(script));
  writeFileSync(join(dir, "assets", "tiny.js"), "1");
  const app = express();
  app.use(servePrecompressed(dir));
  app.use("/assets", express.static(join(dir, "assets")));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const get = (path: string, acceptEncoding: string) =>
  fetch(url + path, { headers: { "Accept-Encoding": acceptEncoding } });

describe("servePrecompressed", () => {
  it("serves the Brotli copy to a browser that takes it, else the gzip one, as the original's type", async () => {
    for (const [accept, encoding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip", "gzip"],
    ] as const) {
      const response = await get("/assets/app.js", accept);
      expect(response.headers.get("content-encoding"), accept).toBe(encoding);
      expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
      expect(response.headers.get("vary")).toBe("Accept-Encoding");
      // fetch decodes the body: it is the original file, so the copy served is the right one.
      expect(await response.text()).toBe(script);
    }
  });

  it("serves the file itself to a client that takes neither, and files without copies as they are", async () => {
    const plain = await get("/assets/app.js", "identity");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
    const tiny = await get("/assets/tiny.js", "br");
    expect(tiny.headers.get("content-encoding")).toBeNull();
    expect(await tiny.text()).toBe("1");
  });
});
