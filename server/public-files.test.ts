import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePublicFiles } from "./public-files.ts";

let url: string;
let close: () => void;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "public-files-"));
  mkdirSync(join(dir, "themes"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "favicon.svg"), "<svg/>");
  writeFileSync(join(dir, "themes", "dijkstad.css"), ".dijkstad{}");
  writeFileSync(join(dir, "assets", "app.js"), "1");
  const app = express();
  app.use(servePublicFiles(dir));
  // A file made after the start is not served: the build's files do not change while it runs.
  writeFileSync(join(dir, "later.txt"), "later");
  app.use((req, res) => void res.status(418).send(`page ${req.path}`));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("servePublicFiles", () => {
  it("serves the files it found at start, nested ones too, with an hour's cache life", async () => {
    const favicon = await fetch(`${url}/favicon.svg`);
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await (await fetch(`${url}/themes/dijkstad.css`)).text()).toBe(".dijkstad{}");
  });

  it("hands every other path to the pages: unknown names, directories, assets and files made later", async () => {
    for (const path of ["/dijkstad", "/themes", "/themes/", "/assets/app.js", "/later.txt", "/favicon.svg/x"]) {
      const response = await fetch(url + path);
      expect(response.status, path).toBe(418);
    }
  });
});
