import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../tests/support/database.ts";
import { type DatabaseHandle, withTenant } from "../db/index.ts";
import { listChallengeRegister, listInitiatives, listShowcase } from "../domain/initiatives/index.ts";
import { findTenantBySlug } from "../domain/tenancy/index.ts";
import { seedDemo } from "./seed-demo.ts";

const NOW = new Date("2026-11-23T09:00:00Z");
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await freshDatabase();
  await seedDemo(handle.db, { now: NOW });
});
afterAll(() => handle.close());

describe("Dijkstad's initiatives desk", () => {
  it("has initiatives in every state, one late, a showcase without the private one, and one uitdaagrecht request", async () => {
    const tenantId = (await findTenantBySlug(handle.db, "dijkstad"))!.id;
    await withTenant(handle.db, { tenantId }, async (tx) => {
      const list = await listInitiatives(tx, { tenantId, now: NOW });
      expect(list.map((i) => [i.title, i.status, i.late]).sort()).toEqual(
        [
          ["Buurtbieb in de Vogelbuurt", "in-progress", false],
          ["Moestuin bij de Molenwijk", "supported", false],
          ["Skatebaan bij het sportpark", "referred", false],
          ["Straatfeest aan de Kade", "received", true],
        ].sort(),
      );
      expect((await listShowcase(tx, { tenantId })).map((i) => i.title).sort()).toEqual([
        "Buurtbieb in de Vogelbuurt",
        "Moestuin bij de Molenwijk",
        "Skatebaan bij het sportpark",
      ]);
      expect(await listChallengeRegister(tx, { tenantId })).toMatchObject([
        { status: "assessing", organisation: "Stichting Groen Havenkwartier" },
      ]);
    });
  });
});
