import { describe, expect, it } from "vitest";
import { keysInSource } from "./route-messages.ts";

const keys = ["home.title", "audit.signIn", "audit.signOut", "auditor.name", "form.invalid", "status.open"];
const keySet = new Set(keys);
const found = (code: string) => [...keysInSource(code, keys, keySet)].sort();

describe("keysInSource", () => {
  it("finds keys named as string literals, in any quotes", () => {
    expect(found(`t("home.title"); const k = 'form.invalid'; x(\`status.open\`)`)).toEqual([
      "form.invalid",
      "home.title",
      "status.open",
    ]);
  });

  it("takes every key under a prefix the code completes at run time", () => {
    expect(found(`t(\`audit.\${action}\`)`)).toEqual(["audit.signIn", "audit.signOut"]);
    expect(found(`const key = "audit." + action;`)).toEqual(["audit.signIn", "audit.signOut"]);
  });

  it("ignores strings that are not keys, and words that only start like one", () => {
    expect(found(`const a = "home"; const b = "home.titles"; const c = "audit"; // home.title in a comment`)).toEqual(
      [],
    );
  });
});
