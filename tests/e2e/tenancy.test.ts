import type { RouteConfigEntry } from "@react-router/dev/routes";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import routes from "../../app/routes.ts";
import { schema, withPlatform } from "../../src/db/index.ts";
import { createSession, findOrCreatePerson, grantRole, type Role } from "../../src/domain/identity/index.ts";
import { createTenant, type Tenant } from "../../src/domain/tenancy/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";
import { givenStaffRecords } from "../support/staff-records.ts";

/**
 * Staff of municipality A get 403 or 404 on every staff page and action of municipality B and of the programme.
 * The staff routes are read from app/routes.ts (every path with a `beheer` segment), so a new staff page is covered
 * the day it is added. Pages about one record are opened with real records of both municipalities
 * (`tests/support/staff-records.ts`): A's open, B's do not, not even under A's own address. Run with DATABASE_URL
 * to prove it on the PostgreSQL server.
 */
let app: AppInstance;
let a: Tenant;
let b: Tenant;
let cookie: string;
let recordsOf: { a: Record<string, string>; b: Record<string, string> };
let auditOfBBefore: number;

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
const recordParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((p) => p !== "gemeente");
/** The path with the municipality's slug and the given records filled in. */
const pathFor = (path: string, slug: string, records: Record<string, string> = {}) =>
  `/${path.replace(":gemeente", slug).replace(/:(\w+)\??/g, (_, name: string) => records[name] ?? `geen-${name}`)}`;

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
    const [trajectory] = await tx
      .insert(schema.trajectories)
      .values({
        tenantId: programme.id,
        slug: "kernendemocratie",
        title: "Kernendemocratie",
        theme: "kernen",
        summary: "s",
      })
      .returning();
    return {
      session: await createSession(tx, { personId: staffOfA.id, method: "password", now }),
      context: { programmeTenantId: programme.id, trajectoryId: trajectory!.id, personId: staffOfA.id },
    };
  });
  cookie = `samenspel-sessie=${session.session.token}`;
  const handle = app.database;
  recordsOf = {
    a: await givenStaffRecords({ handle, municipality: a, ...session.context }),
    b: await givenStaffRecords({ handle, municipality: b, ...session.context }),
  };
  auditOfBBefore = (await auditOf(b.id)).length;
});

const auditOf = (tenantId: string) =>
  app.database.db.select().from(schema.auditLog).where(eq(schema.auditLog.tenantId, tenantId));
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

  it("has a real record for every parameter of a staff page (add one to tests/support/staff-records.ts)", () => {
    const params = new Set(municipalPaths.flatMap(recordParams));
    expect([...params].filter((param) => !(param in recordsOf.a))).toEqual([]);
  });

  it("opens the staff pages of the person's own municipality, and its actions work", async () => {
    for (const path of municipalPaths) {
      expect((await request(pathFor(path, a.slug, recordsOf.a), "GET")).status, path).toBe(200);
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
      const { status } = await request(pathFor(path, b.slug, recordsOf.b), method);
      expect([403, 404, 405], `${method} ${path}`).toContain(status);
    }
  });

  it.each(municipalPaths.filter((path) => recordParams(path).length > 0))(
    "finds no record of another municipality under the own address: %s",
    async (path) => {
      for (const param of recordParams(path)) {
        // One parameter at a time from B, so the page cannot fail on a missing record of A instead.
        const records = { ...recordsOf.a, [param]: recordsOf.b[param]! };
        const { status } = await request(pathFor(path, a.slug, records), "GET");
        expect([403, 404], `${path} with B's ${param}`).toContain(status);
      }
    },
  );

  it.each(programmePaths)("refuses the programme's %s", async (path) => {
    for (const method of ["GET", "POST"] as const) {
      const { status } = await request(pathFor(path, ""), method);
      expect([403, 404, 405], `${method} ${path}`).toContain(status);
    }
  });

  it.each(councilPaths)("refuses %s to staff, in their own municipality and in another", async (path) => {
    for (const slug of [a.slug, b.slug])
      for (const method of ["GET", "POST"] as const) {
        const records = slug === a.slug ? recordsOf.a : recordsOf.b;
        const { status } = await request(pathFor(path, slug, records), method);
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
    expect((await auditOf(b.id)).length).toBe(auditOfBBefore);
  });
});
