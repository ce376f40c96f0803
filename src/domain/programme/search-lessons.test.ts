import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, withTenant } from "../../db/index.ts";
import { publishLesson, recordLesson, searchLessons } from "./index.ts";

const NOW = new Date("2019-05-01T10:00:00Z");
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let trajectory: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 1, now: NOW });
  trajectory = await programme.givenTrajectory({ theme: "kernendemocratie" });
  const lessons: [string, string][] = [
    ["Eén adres voor bewoners", "Het initiatievenloket van de gemeente beantwoordt elke vraag binnen een week."],
    ["Steun van onderop", "Initiatieven van bewoners krijgen ruimte als de gemeente loslaat."],
    ["Raden in het gebied", "De dorps- en wijkraden adviseren de gemeente gevraagd en ongevraagd."],
    ["Het dorpsfeest", "Een feest voor het hele dorp, georganiseerd door vrijwilligers."],
    ["Dorpsraad met eigen budget", "Een dorpsraad die zelf beslist, houdt bewoners betrokken."],
    ["Samen in de kern", "Een dorps- of wijkraad kent de buurt."],
  ];
  for (const [title, body] of lessons) {
    await withTenant(handle.db, { tenantId: programme.programmeId, personId: programme.staffId }, async (tx) => {
      const base = { programmeTenantId: programme.programmeId, actorPersonId: programme.staffId };
      const lesson = await recordLesson(tx, {
        ...base,
        trajectoryId: trajectory,
        kind: "common-thread",
        theme: "kernendemocratie",
        title,
        body,
      });
      await publishLesson(tx, { ...base, lessonId: lesson.id, now: NOW });
    });
  }
});
afterAll(() => handle.close());

/** The titles found, best first, as a visitor of a municipality's site searches. */
const search = (query: string) =>
  withTenant(handle.db, { tenantId: programme.municipalities[0]! }, async (tx) =>
    (await searchLessons(tx, { query })).map((hit) => hit.title),
  );

describe("searching the knowledge bank in Dutch", () => {
  it("finds a compound by its part and a part by its compound", async () => {
    expect(await search("initiatieven")).toEqual(["Steun van onderop", "Eén adres voor bewoners"]);
    expect(await search("initiatievenloket")).toEqual(["Eén adres voor bewoners", "Steun van onderop"]);
    expect(await search("loket")).toContain("Eén adres voor bewoners");
  });

  it("finds a compound whose first part is written once for two words", async () => {
    const found = await search("dorpsraad");
    expect(found[0]).toBe("Dorpsraad met eigen budget");
    expect(found.slice(1).sort()).toEqual(["Raden in het gebied", "Samen in de kern"]);
    expect((await search("wijkraad")).sort()).toEqual(["Raden in het gebied", "Samen in de kern"]);
  });

  it("ranks the word itself above its compounds and marks both in the snippet", async () => {
    const hits = await withTenant(handle.db, { tenantId: programme.municipalities[0]! }, (tx) =>
      searchLessons(tx, { query: "initiatieven" }),
    );
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    expect(hits[0]!.snippet).toContain("<mark>Initiatieven</mark>");
    expect(hits[1]!.snippet).toContain("<mark>initiatievenloket</mark>");
  });

  it("finds nothing for nonsense, and a shared first part alone is not enough", async () => {
    expect(await search("xqzvwpl")).toEqual([]);
    expect(await search("dorpsraad")).not.toContain("Het dorpsfeest");
  });

  it("finds no draft, and the index lookup it uses names none to the application role", async () => {
    const staff = { tenantId: programme.programmeId, personId: programme.staffId };
    const base = { programmeTenantId: programme.programmeId, actorPersonId: programme.staffId };
    const draft = await withTenant(handle.db, staff, (tx) =>
      recordLesson(tx, {
        ...base,
        trajectoryId: trajectory,
        kind: "common-thread",
        theme: "kernendemocratie",
        title: "Zwaluwnesten onder de dakgoot",
        body: "Een zwaluwnest vraagt om een rustige dakgoot.",
      }),
    );
    const named = (tenantId: string) =>
      withTenant(handle.db, { tenantId }, async (tx) => {
        const result = (await tx.execute(
          sql`select published_lessons_matching(to_tsquery('dutch', 'zwaluwnest')) as id`,
        )) as unknown as { rows: { id: string }[] };
        return result.rows.map((row) => row.id);
      });
    expect(await search("zwaluwnest")).toEqual([]);
    expect(await named(programme.municipalities[0]!)).toEqual([]);
    expect(await named(programme.programmeId)).toEqual([]);

    await withTenant(handle.db, staff, (tx) => publishLesson(tx, { ...base, lessonId: draft.id, now: NOW }));
    expect(await search("zwaluwnest")).toEqual(["Zwaluwnesten onder de dakgoot"]);
    expect(await named(programme.municipalities[0]!)).toEqual([draft.id]);
  });
});
