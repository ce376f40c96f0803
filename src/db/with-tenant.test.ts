import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import type { DatabaseHandle } from "./client.ts";
import { schema, withPlatform, withTenant } from "./index.ts";

let handle: DatabaseHandle;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantA, tenantB] = await withPlatform(handle.db, async (tx) => {
    const rows = await tx
      .insert(schema.tenants)
      .values([
        { slug: "a", name: "A", kind: "municipality" },
        { slug: "b", name: "B", kind: "municipality" },
      ])
      .returning({ id: schema.tenants.id });
    return rows.map((row) => row.id) as [string, string];
  });
  await withTenant(handle.db, { tenantId: tenantB }, async (tx) => {
    await tx
      .insert(schema.trajectories)
      .values({ tenantId: tenantB, slug: "b-only", title: "B", theme: "t", summary: "s" });
    await tx.insert(schema.newsletterSubscriptions).values({
      tenantId: tenantB,
      email: "b@example.org",
      theme: "t",
      confirmTokenHash: "hash-b",
      unsubscribeToken: "token-b",
      createdAt: new Date(),
    });
  });
});
afterAll(() => handle.close());

describe("withTenant", () => {
  it("hides another tenant's rows even from a query that forgets its tenant filter", async () => {
    const visible = await withTenant(handle.db, { tenantId: tenantA }, (tx) =>
      tx.select().from(schema.newsletterSubscriptions),
    );
    expect(visible).toEqual([]);
    const own = await withTenant(handle.db, { tenantId: tenantB }, (tx) =>
      tx.select().from(schema.newsletterSubscriptions),
    );
    expect(own.map((row) => row.email)).toEqual(["b@example.org"]);
  });

  it("lets everyone read published content but only its tenant change it", async () => {
    const read = await withTenant(handle.db, { tenantId: tenantA }, (tx) => tx.select().from(schema.trajectories));
    expect(read.map((row) => row.slug)).toEqual(["b-only"]);
    await expect(
      withTenant(handle.db, { tenantId: tenantA }, (tx) =>
        tx
          .insert(schema.trajectories)
          .values({ tenantId: tenantB, slug: "sneaky", title: "x", theme: "t", summary: "s" }),
      ),
    ).rejects.toThrow();
    const changed = await withTenant(handle.db, { tenantId: tenantA }, (tx) =>
      tx
        .update(schema.trajectories)
        .set({ title: "hijacked" })
        .where(eq(schema.trajectories.slug, "b-only"))
        .returning(),
    );
    expect(changed).toEqual([]);
    const deleted = await withTenant(handle.db, { tenantId: tenantA }, (tx) =>
      tx.delete(schema.trajectories).where(eq(schema.trajectories.slug, "b-only")).returning(),
    );
    expect(deleted).toEqual([]);
  });
});
