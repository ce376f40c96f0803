import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsUpload, FORM_BODY_LIMIT } from "../app/forms/body-limits.ts";
import { limitRequestBodies } from "./body-limits.ts";

let port: number;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(
    limitRequestBodies({
      root: { id: "root", path: "", module: {} },
      form: { id: "form", parentId: "root", path: "formulier/:id", module: {} },
      upload: { id: "upload", parentId: "root", path: "bon/:id", module: { handle: acceptsUpload(1024 * 1024) } },
      small: { id: "small", parentId: "root", path: "klein", module: { handle: acceptsUpload(100) } },
    }),
  );
  app.all("/{*splat}", (req, res) => {
    req.resume();
    req.on("end", () => res.send("ok"));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
  close = () => server.close();
});
afterAll(() => close());

/** A raw request, so the test decides about Content-Length itself. */
function send(path: string, headers: Record<string, string>, body = ""): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body);
  });
}
const form = "application/x-www-form-urlencoded";

describe("limitRequestBodies", () => {
  it("takes a form within the form limit, and an upload within its own larger limit", async () => {
    expect(await send("/formulier/1", { "Content-Type": form, "Content-Length": "3" }, "a=1")).toBe(200);
    const file = "x".repeat(FORM_BODY_LIMIT + 10);
    expect(
      await send(
        "/bon/1.data",
        { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": `${file.length}` },
        file,
      ),
    ).toBe(200);
  });

  it("refuses a body above the route's limit by its declared length with 413, before reading it", async () => {
    const huge = { "Content-Type": form, "Content-Length": String(50 * 1024 * 1024) };
    expect(await send("/formulier/1", huge)).toBe(413);
    expect(await send("/bon/1", { ...huge, "Content-Type": "multipart/form-data; boundary=x" })).toBe(413);
    expect(await send("/formulier/1", { "Content-Type": form, "Content-Length": String(FORM_BODY_LIMIT + 1) })).toBe(
      413,
    );
  });

  it("refuses a body above a limit smaller than the form limit (small bodies skip the route lookup)", async () => {
    const body = "a=".padEnd(200, "x");
    const headers = { "Content-Type": form, "Content-Length": String(body.length) };
    expect(await send("/klein", headers, body)).toBe(413);
    expect(await send("/formulier/1", headers, body)).toBe(200);
  });

  it("refuses other content types with 415 and a body without a length with 411", async () => {
    expect(await send("/formulier/1", { "Content-Type": "application/json", "Content-Length": "2" }, "{}")).toBe(415);
    expect(await send("/formulier/1", { "Content-Length": "0" })).toBe(415);
    expect(await send("/formulier/1", { "Content-Type": form, "Transfer-Encoding": "chunked" }, "a=1")).toBe(411);
  });
});
