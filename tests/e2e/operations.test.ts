import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPlatform } from "../../src/db/index.ts";
import { createSession, findOrCreatePerson } from "../../src/domain/identity/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";

let app: AppInstance;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe("operations", () => {
  it("reports health only after asking the database", async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("sends a strict nonce CSP naming the nonce its page was rendered with, and the other security headers", async () => {
    // Anonymous pages may come from the page cache (ADR 0030): the nonce is new with every rendering, not with
    // every response, so what must hold for each answer is that its policy names the nonce its scripts carry.
    const first = await fetch(app.url);
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    for (const response of [first, await fetch(app.url)]) {
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("x-powered-by")).toBeNull();
    // One framing policy, `frame-ancestors`: the older X-Frame-Options would only repeat it, and could contradict it.
    expect(first.headers.get("x-frame-options")).toBeNull();
  });

  it("sends a build's script only the headers a browser applies to a script; a missing one gets the page's", async () => {
    const home = await (await fetch(app.url)).text();
    const script = /<link rel="modulepreload" href="(\/assets\/[^"]+\.js)"/.exec(home)?.[1];
    const response = await fetch(`${app.url}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("referrer-policy")).toBeNull();
    const missing = await fetch(`${app.url}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toMatch(/'nonce-/);
    expect(missing.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("lets no browser or proxy keep a copy of a signed-in person's pages, and leaves public pages cacheable", async () => {
    const session = await withPlatform(app.database.db, async (tx) => {
      const person = await findOrCreatePerson(tx, { email: "cache@example.org", displayName: "Cache" });
      return createSession(tx, { personId: person.id, method: "password", now: new Date() });
    });
    const signedIn = await fetch(`${app.url}/programma`, { headers: { Cookie: `samenspel-sessie=${session.token}` } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    // A page rendered for each answer gets a nonce of its own each time.
    const again = await fetch(`${app.url}/programma`, { headers: { Cookie: `samenspel-sessie=${session.token}` } });
    expect(again.headers.get("content-security-policy")).not.toBe(signedIn.headers.get("content-security-policy"));
    const anonymous = await fetch(`${app.url}/programma`);
    expect(anonymous.headers.get("cache-control")).not.toBe("no-store");
  });

  it("echoes a caller's request id and makes one up otherwise", async () => {
    const traced = await fetch(`${app.url}/healthz`, { headers: { "X-Request-Id": "trace-123" } });
    expect(traced.headers.get("x-request-id")).toBe("trace-123");
    const fresh = await fetch(`${app.url}/healthz`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers an unknown address with a 404 page in Dutch", async () => {
    const response = await fetch(`${app.url}/bestaat-niet`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Pagina niet gevonden");
  });

  it("refuses a language switch by GET: no GET changes anything", async () => {
    const response = await fetch(`${app.url}/taal?locale=en`, { redirect: "manual" });
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});
