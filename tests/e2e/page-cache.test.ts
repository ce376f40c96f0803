import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "../../src/db/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { freshDatabase } from "../support/database.ts";
import { addVillageCouncil, givenStaffMember, staffCookie as signIn } from "../support/staff-session.ts";
import { givenKern, givenTwoMunicipalities } from "../support/tenant-fixtures.ts";

/**
 * The anonymous-page cache (ADR 0030) on two instances of one database, as behind a load balancer: each instance
 * keeps its own copies, and a change made on one instance is seen on the other's next answer.
 */
let database: DatabaseHandle;
let first: AppInstance;
let second: AppInstance;
let kern: string;
let beekstadKern: string;
const STAFF_NAME = "Mirjam Medewerker";

beforeAll(async () => {
  database = await freshDatabase();
  const [aldorp, beekstad] = await givenTwoMunicipalities(database);
  kern = await givenKern(database, aldorp.id, "Aldeveen");
  beekstadKern = await givenKern(database, beekstad.id, "Beekdorp");
  await givenStaffMember(database, [aldorp.id, beekstad.id], {
    email: "medewerker@aldorp.nl",
    displayName: STAFF_NAME,
  });
  first = await startApp({ database, env: { RUN_WORKER: "false" } });
  second = await startApp({ database, env: { RUN_WORKER: "false" } });
});
afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await database?.close();
});

async function get(app: AppInstance, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(app.url + path, { headers, redirect: "manual" });
  return { response, html: await response.text(), cache: response.headers.get("X-Page-Cache") };
}

const staffCookie = (app: AppInstance) => signIn(app.url, "medewerker@aldorp.nl");

/** The nonce the policy allows, and the nonces the page's scripts carry: they must be the same. */
function nonces(response: Response, html: string) {
  const policy = response.headers.get("Content-Security-Policy") ?? "";
  return {
    allowed: /'nonce-([^']+)'/.exec(policy)?.[1],
    used: [...new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]))],
  };
}

describe("the anonymous-page cache on two instances", () => {
  it("serves a signed-in person their own page, and never that page to anyone else", async () => {
    const cookie = await staffCookie(first);
    const anonymous = await get(first, "/aldorp/raden");
    expect(anonymous.cache).toBe("miss");

    for (const app of [first, second]) {
      const signedIn = await get(app, "/aldorp/raden", { Cookie: cookie });
      expect(signedIn.cache).toBeNull();
      expect(signedIn.response.headers.get("Cache-Control")).toBe("no-store");
      expect(signedIn.html).toContain(STAFF_NAME);
    }
    for (const app of [first, second, first]) {
      const again = await get(app, "/aldorp/raden");
      expect(again.html).not.toContain(STAFF_NAME);
    }
    const hit = await get(first, "/aldorp/raden");
    expect(hit.cache).toBe("hit");
    expect(hit.html).not.toContain(STAFF_NAME);
    // A cookie that is not the language (here a stale session) is never answered from the cache.
    expect((await get(first, "/aldorp/raden", { Cookie: "samenspel-sessie=verlopen" })).cache).toBeNull();
  });

  it("keeps each municipality's page to its own address, and each language to its own cookie", async () => {
    for (const app of [first, second, first, second]) {
      const a = await get(app, "/aldorp/raden");
      const b = await get(app, "/beekstad/raden");
      expect(a.html).toContain("Gemeente Aldorp");
      expect(a.html).not.toContain("Gemeente Beekstad");
      expect(b.html).toContain("Gemeente Beekstad");
      expect(b.html).not.toContain("Gemeente Aldorp");
    }
    const language = await fetch(`${first.url}/taal`, {
      method: "POST",
      body: new URLSearchParams({ locale: "en", returnTo: "/aldorp/raden" }),
      redirect: "manual",
    });
    const english = language.headers.getSetCookie()[0]?.split(";")[0] ?? "";
    expect(english).toMatch(/^taal=/);
    const en = await get(first, "/aldorp/raden", { Cookie: english });
    const nl = await get(first, "/aldorp/raden");
    expect(en.html).toMatch(/<html lang="en"/);
    expect(nl.html).toMatch(/<html lang="nl"/);
    expect((await get(first, "/aldorp/raden", { Cookie: english })).cache).toBe("hit");
  });

  it("shows a staff change made on the other instance at once, and answers 304 only while nothing changed", async () => {
    const before = await get(first, "/aldorp/raden");
    const cached = await get(first, "/aldorp/raden");
    expect(cached.cache).toBe("hit");
    expect(cached.html).toBe(before.html);
    expect(cached.html).not.toContain("Dorpsraad Aldeveen");
    const etag = cached.response.headers.get("ETag")!;
    expect(etag).toBe(before.response.headers.get("ETag"));
    expect((await get(first, "/aldorp/raden", { "If-None-Match": etag })).response.status).toBe(304);
    // The page's scripts carry the nonce this answer's policy allows, also when it comes from the cache.
    const { allowed, used } = nonces(cached.response, cached.html);
    expect(allowed).toBeDefined();
    expect(used).toEqual([allowed]);

    const cookie = await staffCookie(second);
    const created = await addVillageCouncil(second.url, {
      municipality: "aldorp",
      cookie,
      kern,
      slug: "dorpsraad-aldeveen",
      name: "Dorpsraad Aldeveen",
    });
    expect(created.status).toBe(302);

    const after = await get(first, "/aldorp/raden", { "If-None-Match": etag });
    expect(after.response.status).toBe(200);
    expect(after.cache).toBe("miss");
    expect(after.html).toContain("Dorpsraad Aldeveen");
    expect(after.response.headers.get("ETag")).not.toBe(etag);
    // The other municipality's page did not change, and is rendered anew all the same: one version for all.
    expect((await get(first, "/beekstad/raden")).html).not.toContain("Dorpsraad Aldeveen");
  });

  // ADR 0030, addendum: only this process sends statements to the embedded database, so a hit need not ask it.
  it.skipIf(Boolean(process.env.DATABASE_URL))(
    "on the embedded database, reads no page version for hits while no statement was sent, and sees a write at once",
    async () => {
      // Rendered in each instance, then a hit in each, which reads the version once after the renders' statements.
      for (const app of [first, second, first, second]) await get(app, "/beekstad/raden");
      const execute = vi.spyOn(database.db, "execute");
      try {
        for (const app of [first, second, first]) expect((await get(app, "/beekstad/raden")).cache).toBe("hit");
        expect(execute).not.toHaveBeenCalled();
        await database.db.execute(sql`update tenants set name = name where slug = 'beekstad'`);
        expect((await get(first, "/beekstad/raden")).cache).toBe("miss");
        // The write, then one read of the version, which changed.
        expect(execute).toHaveBeenCalledTimes(2);
      } finally {
        execute.mockRestore();
      }
    },
  );

  it("keeps the three promises for the compressed copies too: each the cached page, under its own tag", async () => {
    const page = "/beekstad/raden";
    const cookie = await staffCookie(first);
    const rendered = await get(first, page, { "Accept-Encoding": "identity" });
    for (const encoding of ["br", "gzip"] as const) {
      // The copy is made off the event loop when the page is first served from the cache; until then it goes out
      // as rendered.
      await expect
        .poll(async () =>
          (await get(first, page, { "Accept-Encoding": encoding })).response.headers.get("Content-Encoding"),
        )
        .toBe(encoding);
      const copy = await get(first, page, { "Accept-Encoding": encoding });
      expect(copy.cache).toBe("hit");
      expect(copy.html).toBe(rendered.html);
      expect(copy.html).toContain("Gemeente Beekstad");
      expect(copy.html).not.toContain(STAFF_NAME);
      expect(copy.response.headers.get("Vary")).toBe("Cookie, Accept-Encoding");
      const etag = copy.response.headers.get("ETag")!;
      expect(etag).toBe(`${rendered.response.headers.get("ETag")!.slice(0, -1)}-${encoding}"`);
      const revalidated = await get(first, page, { "Accept-Encoding": encoding, "If-None-Match": etag });
      expect(revalidated.response.status).toBe(304);
      expect(revalidated.response.headers.get("ETag")).toBe(etag);

      // A signed-in person's page is never a copy from the cache, and theirs never reaches the copies.
      const signedIn = await get(first, page, { "Accept-Encoding": encoding, Cookie: cookie });
      expect(signedIn.cache).toBeNull();
      expect(signedIn.html).toContain(STAFF_NAME);
      // Rendered for them alone, and compressed while it streams.
      expect(signedIn.response.headers.get("Cache-Control")).toBe("no-store");
      expect(signedIn.response.headers.get("Content-Encoding")).toBe(encoding);
      expect(signedIn.response.headers.get("Vary")).toContain("Accept-Encoding");
      expect((await get(first, page, { "Accept-Encoding": encoding })).html).not.toContain(STAFF_NAME);
      // The other municipality's copy is its own.
      const other = await get(first, "/aldorp/raden", { "Accept-Encoding": encoding });
      expect(other.html).toContain("Gemeente Aldorp");
      expect(other.html).not.toContain("Gemeente Beekstad");
    }
    const etags = {
      br: (await get(first, page, { "Accept-Encoding": "br" })).response.headers.get("ETag")!,
      gzip: (await get(first, page, { "Accept-Encoding": "gzip" })).response.headers.get("ETag")!,
    };

    // A change on the other instance: no compressed copy from before it is sent, nor confirmed by a 304.
    const created = await addVillageCouncil(second.url, {
      municipality: "beekstad",
      cookie: await staffCookie(second),
      kern: beekstadKern,
      slug: "dorpsraad-beekdorp",
      name: "Dorpsraad Beekdorp",
    });
    expect(created.status).toBe(302);
    for (const encoding of ["br", "gzip"] as const) {
      const after = await get(first, page, { "Accept-Encoding": encoding, "If-None-Match": etags[encoding] });
      expect(after.response.status).toBe(200);
      expect(after.html).toContain("Dorpsraad Beekdorp");
      expect(after.response.headers.get("ETag")).not.toBe(etags[encoding]);
    }
  });

  it("sends from the cache, before Express, the headers of a rendered answer and a request id of its own", async () => {
    const page = "/aldorp";
    const rendered = await get(first, page, { "X-Request-Id": "gerenderd" });
    expect(rendered.cache).toBe("miss");
    const hit = await get(first, page, { "X-Request-Id": "uit-de-cache" });
    expect(hit.cache).toBe("hit");
    expect(hit.html).toBe(rendered.html);
    expect(hit.response.headers.get("X-Request-Id")).toBe("uit-de-cache");
    const madeUp = await Promise.all([get(first, page), get(first, page)]);
    const ids = madeUp.map((answer) => answer.response.headers.get("X-Request-Id"));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
    // The security headers (helmet's, the policy naming the page's nonce), the type, the cache and Vary headers: all
    // as rendered. Only the headers of one response differ.
    const perResponse = new Set(["date", "x-request-id", "x-page-cache", "content-length", "transfer-encoding"]);
    const kept = (response: Response) =>
      Object.fromEntries([...response.headers].filter(([name]) => !perResponse.has(name) && name !== "keep-alive"));
    expect(kept(hit.response)).toEqual(kept(rendered.response));
    expect(Object.keys(kept(hit.response))).toEqual(
      expect.arrayContaining(["content-security-policy", "x-content-type-options", "referrer-policy", "vary", "etag"]),
    );
    expect(hit.response.headers.get("Content-Length")).toBe(String(Buffer.byteLength(hit.html)));
  });

  it("negotiates each client's encodings, refusals included, also when another client's answer is known", async () => {
    const page = "/aldorp";
    await expect
      .poll(async () => (await get(first, page, { "Accept-Encoding": "br" })).response.headers.get("Content-Encoding"))
      .toBe("br");
    await expect
      .poll(async () =>
        (await get(first, page, { "Accept-Encoding": "gzip" })).response.headers.get("Content-Encoding"),
      )
      .toBe("gzip");
    const answers = {
      "gzip, deflate, br": "br",
      "br;q=0, gzip": "gzip",
      "gzip;q=0, br;q=0": null,
      "*;q=0": null,
      identity: null,
      "*": "br",
    };
    for (const [accepted, encoding] of Object.entries(answers)) {
      const answer = await get(first, page, { "Accept-Encoding": accepted });
      expect(answer.cache).toBe("hit");
      expect(answer.response.headers.get("Content-Encoding")).toBe(encoding);
      expect(answer.html).toContain("Gemeente Aldorp");
    }
  });
});
