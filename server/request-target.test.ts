import { describe, expect, it } from "vitest";
import { isRefusedTarget } from "./request-target.ts";

describe("isRefusedTarget", () => {
  it("takes ordinary paths and queries, escaped UTF-8 included", () => {
    expect(isRefusedTarget("/programma/trajecten/kernendemocratie?melding=ok")).toBe(false);
    expect(isRefusedTarget("/kennisbank?q=caf%C3%A9+en+%2F")).toBe(false);
  });

  it.each([
    ["a NUL in a path segment", "/%00/beheer/workshops"],
    ["a NUL in the query", "/kennisbank?q=a%00b"],
    ["a line break in a return path", "/inloggen?terug=%2Fa%0D%0Ab"],
    ["a tab", "/inloggen?terug=/%09/evil.example"],
    ["escapes that are not UTF-8", "/programma/trajecten/%FF%FE"],
    ["a broken escape", "/programma/%E2%82"],
  ])("refuses %s", (_name, target) => {
    expect(isRefusedTarget(target)).toBe(true);
  });
});
