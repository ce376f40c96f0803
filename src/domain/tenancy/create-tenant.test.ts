import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, withPlatform } from "../../db/index.ts";
import { createTenant } from "./index.ts";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

describe("createTenant", () => {
  it("refuses a slug the platform uses for its own pages", async () => {
    await expect(
      withPlatform(handle.db, (tx) =>
        createTenant(tx, { slug: "programma", name: "Gemeente X", kind: "municipality" }),
      ),
    ).rejects.toMatchObject({ code: "tenancy.reserved-slug", params: { slug: "programma" } });
  });

  it("refuses a second tenant with the same slug", async () => {
    await withPlatform(handle.db, (tx) => createTenant(tx, { slug: "dijkstad", name: "A", kind: "municipality" }));
    await expect(
      withPlatform(handle.db, (tx) => createTenant(tx, { slug: "dijkstad", name: "B", kind: "municipality" })),
    ).rejects.toMatchObject({ code: "tenancy.slug-taken" });
  });
});
