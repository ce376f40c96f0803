import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.ts";
import { readCookie, setCookie } from "./cookies.server.ts";

const config = (publicUrl: string) => loadConfig({ PUBLIC_URL: publicUrl });

describe("our cookies", () => {
  it("are HttpOnly and SameSite=Lax; on https also Secure with the __Host- prefix", () => {
    expect(setCookie(config("http://localhost:3000"), "samenspel-sessie", "abc", 60)).toBe(
      "samenspel-sessie=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60",
    );
    expect(setCookie(config("https://samenspel.nl"), "samenspel-sessie", "abc", 60)).toBe(
      "__Host-samenspel-sessie=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure",
    );
  });

  it("are read back only under their own name", () => {
    const https = config("https://samenspel.nl");
    const request = (cookie: string) => new Request("https://samenspel.nl/", { headers: { Cookie: cookie } });
    expect(readCookie(request("taal=nl; __Host-samenspel-sessie=t%2Bk"), https, "samenspel-sessie")).toBe("t+k");
    // Without the prefix a cookie could have been planted by a sibling subdomain: ignored on https.
    expect(readCookie(request("samenspel-sessie=planted"), https, "samenspel-sessie")).toBeUndefined();
  });
});
