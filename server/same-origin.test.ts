import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectCrossSiteWrites } from "./same-origin.ts";

let base: string;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(rejectCrossSiteWrites("https://samenspel.example"));
  app.all("/{*splat}", (_req, res) => void res.send("ok"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const post = (headers: Record<string, string>) =>
  fetch(`${base}/uitloggen`, { method: "POST", headers }).then((r) => r.status);

describe("rejectCrossSiteWrites", () => {
  it("refuses a cross-site POST by Sec-Fetch-Site or by Origin", async () => {
    expect(await post({ "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" })).toBe(403);
    expect(await post({ "Sec-Fetch-Site": "same-site" })).toBe(403);
    expect(await post({ Origin: "https://evil.example" })).toBe(403);
    expect(await post({ Origin: "null" })).toBe(403);
  });

  it("lets same-origin writes, non-browser clients and every GET through", async () => {
    expect(await post({ "Sec-Fetch-Site": "same-origin", Origin: base })).toBe(200);
    expect(await post({ Origin: base })).toBe(200);
    expect(await post({ Origin: "https://samenspel.example" })).toBe(200);
    expect(await post({})).toBe(200);
    const get = await fetch(`${base}/`, {
      headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    });
    expect(get.status).toBe(200);
  });
});
