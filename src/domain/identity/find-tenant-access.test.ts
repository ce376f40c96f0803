import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { type DatabaseHandle, withPlatform } from "../../db/index.ts";
import { hashToken } from "../shared/index.ts";
import { createTenant } from "../tenancy/index.ts";
import {
  createSession,
  findOrCreatePerson,
  findTenantAccess,
  grantRole,
  type NewSession,
  revokeSessions,
  SESSION_DAYS,
} from "./index.ts";

const NOW = new Date("2026-12-03T09:00:00Z");
let handle: DatabaseHandle;
let session: NewSession;
let personId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  await withPlatform(handle.db, async (tx) => {
    const programme = await createTenant(tx, { slug: "programma-x", name: "Programma", kind: "programme" });
    const dijkstad = await createTenant(tx, { slug: "dijkstad", name: "Dijkstad", kind: "municipality" });
    await createTenant(tx, { slug: "veenhoven", name: "Veenhoven", kind: "municipality" });
    personId = (await findOrCreatePerson(tx, { email: "staf@example.org", displayName: "Staf" })).id;
    await grantRole(tx, { tenantId: programme.id, personId, role: "programme-staff" });
    await grantRole(tx, { tenantId: dijkstad.id, personId, role: "municipal-staff" });
    await grantRole(tx, { tenantId: dijkstad.id, personId, role: "municipal-coordinator" });
    session = await createSession(tx, { personId, method: "password", now: NOW });
  });
});
afterAll(() => handle.close());

const access = (tenantSlug: string | undefined, token: string | undefined, now = NOW) =>
  findTenantAccess(handle.db, { tenantSlug, token, now });

describe("a tenant with the roles of a session's person in it, in one read", () => {
  it("gives the roles held in that tenant only, and the programme's without a slug", async () => {
    const dijkstad = await access("dijkstad", session.token);
    expect(dijkstad?.tenant.slug).toBe("dijkstad");
    expect(dijkstad?.roles).toEqual(["municipal-coordinator", "municipal-staff"]);
    expect((await access("veenhoven", session.token))?.roles).toEqual([]);
    const programme = await access(undefined, session.token);
    expect(programme?.tenant.kind).toBe("programme");
    expect(programme?.roles).toEqual(["programme-staff"]);
    expect(await access("nergensdorp", session.token)).toBeUndefined();
  });

  it("gives no roles without a live session: no cookie, another token, expired or revoked", async () => {
    expect((await access("dijkstad", undefined))?.roles).toEqual([]);
    expect((await access("dijkstad", `${session.token}x`))?.roles).toEqual([]);
    const expired = new Date(NOW.getTime() + (SESSION_DAYS + 1) * 86_400_000);
    expect((await access("dijkstad", session.token, expired))?.roles).toEqual([]);
    await withPlatform(handle.db, (tx) => revokeSessions(tx, { personId, idHash: hashToken(session.token), now: NOW }));
    expect((await access("dijkstad", session.token))?.roles).toEqual([]);
  });
});
