import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, type Tx, withTenant } from "../src/db/index.ts";
import { issueOidcPass, openVotingPass, requestVotingLink } from "../src/domain/budgeting/index.ts";
import { SIGN_IN_CLEAN_UP_JOB } from "../src/domain/identity/index.ts";
import { givenMunicipality, givenRound, MARCH } from "../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../tests/support/database.ts";
import { cleanUpJob } from "./clean-up.ts";

const KEY = "test-voting-code-key-of-at-least-32-chars";
const NOW = MARCH(6, 14);
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await freshDatabase();
});
afterAll(() => handle?.close());

describe("the hourly clean-up", () => {
  it("deletes the voting passes past their expiry in every municipality, and keeps the live ones working", async () => {
    const live: { tenantId: string; roundId: string; pass: string }[] = [];
    for (const town of [await givenMunicipality(handle.db), await givenMunicipality(handle.db)]) {
      const { tenantId } = town;
      const inTown = <T>(work: (tx: Tx) => Promise<T>) => withTenant(handle.db, { tenantId }, work);
      const byMail = await givenRound(handle.db, {
        ...town,
        eligibility: { residentsOnly: true, identification: "email" },
      });
      const byDigid = await givenRound(handle.db, {
        ...town,
        eligibility: { residentsOnly: true, identification: "oidc" },
      });
      // Mailed links last a day: one from the day before yesterday has expired, one from now has not.
      for (const now of [minutesLater(-26 * 60), NOW]) {
        await inTown((tx) =>
          requestVotingLink(tx, {
            tenantId,
            roundSlug: byMail.slug,
            email: "kiezer@example.org",
            key: KEY,
            ballotUrl: (pass) => `https://samenspel.example/stemmen?pas=${pass}`,
            locale: "nl",
            now,
          }),
        );
      }
      // Passes after DigiD last half an hour: at the clean-up the first has expired, the second has not.
      for (const now of [NOW, minutesLater(10)]) {
        const pass = await inTown((tx) =>
          issueOidcPass(tx, {
            tenantId,
            roundSlug: byDigid.slug,
            issuer: "https://broker.example",
            subject: "s",
            key: KEY,
            now,
          }),
        );
        if (now !== NOW) live.push({ tenantId, roundId: byDigid.roundId, pass });
      }
    }
    expect(await handle.db.select().from(schema.pbVotingPasses)).toHaveLength(8);

    const cleanUpAt = minutesLater(31);
    await cleanUpJob({ analyze: false })(
      {},
      { id: 0, kind: SIGN_IN_CLEAN_UP_JOB, payload: {}, attempts: 0 },
      { now: cleanUpAt, db: handle.db },
    );
    const left = await handle.db
      .select({ tenantId: schema.pbVotingPasses.tenantId, expiresAt: schema.pbVotingPasses.expiresAt })
      .from(schema.pbVotingPasses);
    const expected = live.flatMap(({ tenantId }) => [
      { tenantId, expiresAt: minutesLater(24 * 60) },
      { tenantId, expiresAt: minutesLater(40) },
    ]);
    const order = (rows: { tenantId: string; expiresAt: Date }[]) =>
      rows.map((row) => `${row.tenantId} ${row.expiresAt.toISOString()}`).sort();
    expect(order(left)).toEqual(order(expected));
    for (const { tenantId, roundId, pass } of live) {
      await expect(
        withTenant(handle.db, { tenantId }, (tx) => openVotingPass(tx, { tenantId, roundId, pass, now: cleanUpAt })),
      ).resolves.toMatchObject({ voterKey: expect.stringMatching(/^oidc:/) });
    }
  });

  it("gathers the planner's statistics only when asked to, as on the embedded database", async () => {
    await givenMunicipality(handle.db);
    // reltuples is -1 for a table never analyzed (nor vacuumed): the planner then has no statistics of its columns.
    const estimate = async () => {
      const [row] = await handle.db
        .select({ rows: sql<number>`reltuples` })
        .from(sql`pg_class`)
        .where(sql`oid = 'tenants'::regclass`);
      return Number(row!.rows);
    };
    const job = { id: 0, kind: SIGN_IN_CLEAN_UP_JOB, payload: {}, attempts: 0 };
    await cleanUpJob({ analyze: false })({}, job, { now: NOW, db: handle.db });
    expect(await estimate()).toBe(-1);
    await cleanUpJob({ analyze: true })({}, job, { now: NOW, db: handle.db });
    expect(await estimate()).toBeGreaterThan(0);
  });
});
