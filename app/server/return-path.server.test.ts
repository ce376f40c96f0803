import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path.server.ts";

describe("safeReturnPath", () => {
  it("keeps a same-site path with its query", () => {
    expect(safeReturnPath("/programma/bijeenkomsten/start?melding=ok#kop", "/x")).toBe(
      "/programma/bijeenkomsten/start?melding=ok#kop",
    );
    expect(safeReturnPath("/", "/x")).toBe("/");
  });

  it.each([
    ["another site", "//evil.example/x"],
    ["a backslash host", "/\\evil.example"],
    ["a tab that browsers drop", "/\t/evil.example/x"],
    ["a carriage return and line feed", "/a\r\nSet-Cookie: x=1"],
    ["a NUL byte", "/a\u0000b"],
    ["a space", "/a b"],
    ["what invalid UTF-8 decodes to", "/a\uFFFD"],
    ["a non-ASCII character", "/café"],
    ["an absolute address", "https://evil.example/"],
    ["no leading slash", "account"],
    ["a value that is not a string", ["/a"]],
  ])("refuses %s", (_name, value) => {
    expect(safeReturnPath(value, "/account")).toBe("/account");
  });

  it("gives a value any HTTP server accepts as a Location header", async () => {
    const { validateHeaderValue } = await import("node:http");
    for (const value of ["/a\r\n", "/\uFFFD", "/\u0000", "/ok?x=1"]) {
      expect(() => validateHeaderValue("Location", safeReturnPath(value, "/"))).not.toThrow();
    }
  });
});
