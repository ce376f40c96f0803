import type { RouteConfigEntry } from "@react-router/dev/routes";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { schema, withPlatform } from "../../src/db/index.ts";
import { createSession, findOrCreatePerson, grantRole, type Role } from "../../src/domain/identity/index.ts";
import { createTenant, type Tenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";

/**
 * Staff of municipality A get 403 or 404 on every staff page and action of municipality B and of the programme.
 * The staff routes are read from app/routes.ts (every path with a `beheer` segment), so a new staff page is covered
 * the day it is added. Run with DATABASE_URL to prove it on the PostgreSQL server.
 */
let app: AppInstance;
let a: Tenant;
let b: Tenant;
let cookie: string;

function flatten(entries: readonly RouteConfigEntry[], prefix = ""): string[] {
  return entries.flatMap((entry) => {
    const path = [prefix, entry.path ?? ""].filter(Boolean).join("/");
    return [...(entry.path !== undefined ? [path] : []), ...flatten(entry.children ?? [], path)];
  });
}

const staffPaths = flatten(routes).filter((path) => path.split("/").includes("beheer"));
const municipalPaths = staffPaths.filter((path) => path.startsWith(":gemeente/"));
const programmePaths = staffPaths.filter((path) => !path.startsWith(":"));
/** A council's workspace (`/{gemeente}/raad/…`) opens to its sitting members only, never to staff for their rights. */
const councilPaths = flatten(routes).filter((path) => path.split("/").includes("raad"));
/** Fills the tenant and any other parameter (ids of later features) with a stand-in. */
const pathFor = (path: string, slug: string) =>
  `/${path.replace(":gemeente", slug).replace(/:(\w+)\??/g, "00000000-0000-4000-8000-000000000000")}`;

beforeAll(async () => {
  app = await startApp();
  const now = new Date();
  const session = await withPlatform(app.database.db, async (tx) => {
    a = await createTenant(tx, { slug: "aldorp", name: "Gemeente Aldorp", kind: "municipality" });
    b = await createTenant(tx, { slug: "beekstad", name: "Gemeente Beekstad", kind: "municipality" });
    const programme = await createTenant(tx, {
      slug: "democratie-in-actie",
      name: "Democratie in Actie",
      kind: "programme",
    });
    const staffOfA = await findOrCreatePerson(tx, { email: "coordinator@aldorp.nl", displayName: "Coördinator A" });
    for (const role of ["municipal-coordinator", "municipal-staff"] satisfies Role[]) {
      await grantRole(tx, { tenantId: a.id, personId: staffOfA.id, role });
    }
    // Roles without staff rights elsewhere must not open staff pages there either.
    await grantRole(tx, { tenantId: b.id, personId: staffOfA.id, role: "resident" });
    await grantRole(tx, { tenantId: programme.id, personId: staffOfA.id, role: "resident" });
    return createSession(tx, { personId: staffOfA.id, method: "password", now });
  });
  cookie = `samenspel-sessie=${session.token}`;
});
afterAll(() => app?.stop());

const request = (path: string, method: "GET" | "POST") =>
  fetch(`${app.url}${path}`, {
    method,
    headers: { Cookie: cookie, ...(method === "POST" ? { Origin: app.url } : {}) },
    body:
      method === "POST"
        ? new URLSearchParams({ email: "indringer@example.nl", role: "municipal-coordinator" })
        : undefined,
    redirect: "manual",
  });

describe("tenancy of the staff area", () => {
  it("finds the staff routes in app/routes.ts", () => {
    expect(municipalPaths).toEqual(expect.arrayContaining([":gemeente/beheer", ":gemeente/beheer/team"]));
    expect(programmePaths).toEqual(expect.arrayContaining(["beheer"]));
    expect(councilPaths).toEqual(expect.arrayContaining([":gemeente/raad/:raad"]));
  });

  it("opens the staff pages of the person's own municipality, and its actions work", async () => {
    for (const path of municipalPaths) {
      // A page about one record (`:applicationId`) finds no such record here, but it does let the person in.
      const expected = /:(?!gemeente)\w+/.test(path) ? 404 : 200;
      expect((await request(pathFor(path, a.slug), "GET")).status, path).toBe(expected);
    }
    // The same request that B refuses is carried out in A: the refusals below are about the tenant, not the request.
    const added = await request(`/${a.slug}/beheer/team`, "POST");
    expect(added.status).toBe(302);
    const team = await app.database.db.select().from(schema.memberships).where(eq(schema.memberships.tenantId, a.id));
    expect(team.map((m) => m.role).sort()).toEqual([
      "municipal-coordinator",
      "municipal-coordinator",
      "municipal-staff",
    ]);
  });

  it.each(municipalPaths)("refuses %s of another municipality, to read and to write", async (path) => {
    for (const method of ["GET", "POST"] as const) {
      const { status } = await request(pathFor(path, b.slug), method);
      expect([403, 404, 405], `${method} ${path}`).toContain(status);
    }
  });

  it.each(programmePaths)("refuses the programme's %s", async (path) => {
    for (const method of ["GET", "POST"] as const) {
      const { status } = await request(pathFor(path, ""), method);
      expect([403, 404, 405], `${method} ${path}`).toContain(status);
    }
  });

  it.each(councilPaths)("refuses %s to staff, in their own municipality and in another", async (path) => {
    for (const slug of [a.slug, b.slug])
      for (const method of ["GET", "POST"] as const) {
        const { status } = await request(pathFor(path, slug), method);
        expect([403, 404, 405], `${method} ${slug} ${path}`).toContain(status);
      }
  });

  it("answers 404 for a municipality that does not exist, and for the programme under a municipal path", async () => {
    expect((await request("/bestaat-niet/beheer", "GET")).status).toBe(404);
    expect((await request("/programma/beheer", "GET")).status).toBe(404);
  });

  it("refuses a cross-site post even with a valid session cookie", async () => {
    const forged = await fetch(`${app.url}/${a.slug}/beheer/team`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: "https://kwaadwillend.example", "Sec-Fetch-Site": "cross-site" },
      body: new URLSearchParams({ email: "vervalst@example.nl", role: "municipal-coordinator" }),
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    const people = await app.database.db
      .select()
      .from(schema.people)
      .where(eq(schema.people.email, "vervalst@example.nl"));
    expect(people).toEqual([]);
  });

  it("changed nothing in municipality B", async () => {
    const members = await app.database.db
      .select({ role: schema.memberships.role })
      .from(schema.memberships)
      .where(eq(schema.memberships.tenantId, b.id));
    expect(members).toEqual([{ role: "resident" }]);
    const audit = await app.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.tenantId, b.id));
    expect(audit).toEqual([]);
  });
});
