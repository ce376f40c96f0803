import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { countStatements } from "../../../tests/support/statements.ts";
import { type DatabaseHandle, schema, withPlatform } from "../../db/index.ts";
import { cachedTenantBySlug, createTenant } from "./index.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

describe("cachedTenantBySlug", () => {
  it("reads a tenant once per page version, and anew after any write to it", async () => {
    await withPlatform(handle.db, (tx) =>
      createTenant(tx, { slug: "zandhoven", name: "Gemeente Zandhoven", kind: "municipality" }),
    );
    const first = await countStatements(() => cachedTenantBySlug(handle.db, "zandhoven"));
    expect(first).toMatchObject({ result: { value: { name: "Gemeente Zandhoven" } }, statements: 2 });
    // Kept: only the shared page-version read.
    const again = await countStatements(() => cachedTenantBySlug(handle.db, "zandhoven"));
    expect(again).toMatchObject({ result: { value: { name: "Gemeente Zandhoven" } }, statements: 1 });

    // A write to the tenant, as staff or another process would make it: the page version changes at its commit.
    await withPlatform(handle.db, (tx) =>
      tx.update(schema.tenants).set({ name: "Gemeente Zandhove" }).where(eq(schema.tenants.slug, "zandhoven")),
    );
    expect(await cachedTenantBySlug(handle.db, "zandhoven")).toMatchObject({ name: "Gemeente Zandhove" });
    await withPlatform(handle.db, (tx) =>
      tx.update(schema.tenants).set({ slug: "zandhove" }).where(eq(schema.tenants.slug, "zandhoven")),
    );
    expect(await cachedTenantBySlug(handle.db, "zandhoven")).toBeUndefined();
    expect(await cachedTenantBySlug(handle.db, "zandhove")).toMatchObject({ name: "Gemeente Zandhove" });
  });

  it("shares one version read among the lookups that come together", async () => {
    const lookups = await countStatements(() =>
      Promise.all(Array.from({ length: 20 }, () => cachedTenantBySlug(handle.db, "zandhove"))),
    );
    expect(lookups.statements).toBe(1);
  });
});
