import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { publishLesson, recordLesson, STAFF_LESSONS_PER_PAGE } from "../../../src/domain/programme/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import * as lessonRoute from "./lesson.tsx";
import * as lessonsRoute from "./lessons.tsx";

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let harness: ReturnType<typeof routeHarness>;
let trajectoryId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 1, now: new Date() });
  await withPlatform(handle.db, (tx) =>
    grantRole(tx, { tenantId: programme.programmeId, personId: programme.staffId, role: "programme-staff" }),
  );
  trajectoryId = await programme.givenTrajectory();
  harness = routeHarness(handle);
});
afterAll(() => handle.close());

const lessons = () =>
  withTenant(handle.db, { tenantId: programme.programmeId }, (tx) => tx.select().from(schema.lessons));
const submit = async (personId: string, fields: Record<string, string>) => {
  const cookie = await harness.signIn(personId);
  return answerOf(() =>
    lessonsRoute.action({
      request: harness.post("/beheer/kennisbank", cookie, fields),
      context: harness.context(),
      params: {},
    } as never),
  );
};

describe("the knowledge bundle's staff page", () => {
  const good = {
    intent: "record",
    key: "lesson-form-key-0001",
    trajectoryId: "",
    theme: "kernen",
    title: "Dorpsraden hebben een eigen budget nodig",
    body: "Zonder budget geen zeggenschap.",
  };

  it("refuses bad input next to the fields and saves nothing", async () => {
    const bad = await submit(programme.staffId, { ...good, trajectoryId, title: " ", body: "" });
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({ title: ["form.required"], body: ["form.required"] });
    const noTrajectory = await submit(programme.staffId, { ...good, trajectoryId: "geen-uuid" });
    expect(noTrajectory.status).toBe(400);
    expect(noTrajectory.errors).toHaveProperty("trajectoryId");
    const ownTheme = await submit(programme.staffId, { ...good, trajectoryId, theme: "Kernen" });
    expect(ownTheme.errors).toMatchObject({ theme: ["knowledge.error.unknownTheme"] });
    expect(await lessons()).toEqual([]);
  });

  it("saves a draft once however often the form is sent, then publishes it", async () => {
    const form = { ...good, trajectoryId };
    expect((await submit(programme.staffId, form)).location).toBe("/beheer/kennisbank?melding=opgeslagen");
    expect((await submit(programme.staffId, form)).location).toBe("/beheer/kennisbank?melding=opgeslagen");
    const [draft, ...more] = await lessons();
    expect(more).toEqual([]);
    expect(draft!.publishedAt).toBeNull();
    await submit(programme.staffId, { intent: "publish", lessonId: draft!.id });
    expect((await lessons())[0]!.publishedAt).toBeInstanceOf(Date);
  });

  it("edits a lesson on its own page, takes it out of the bundle, and refuses bad input there", async () => {
    const [lesson] = await lessons();
    const cookie = await harness.signIn(programme.staffId);
    const onPage = (fields: Record<string, string>, les = lesson!.id) =>
      answerOf(() =>
        lessonRoute.action({
          request: harness.post(`/beheer/kennisbank/${les}`, cookie, fields),
          context: harness.context(),
          params: { les },
        } as never),
      );
    const edit = { intent: "edit", theme: "kernen", title: "Dorpsraden hebben een eigen budget nodig", body: "" };
    expect((await onPage(edit)).errors).toMatchObject({ body: ["form.required"] });
    expect((await onPage({ ...edit, body: "Tekst", theme: "verzonnen" })).errors).toMatchObject({
      theme: ["knowledge.error.unknownTheme"],
    });
    expect((await lessons())[0]!.body).toBe("Zonder budget geen zeggenschap.");
    expect((await onPage({ ...edit, body: "Zonder eigen budget geen zeggenschap." })).location).toBe(
      `/beheer/kennisbank/${lesson!.id}?melding=bijgewerkt`,
    );
    expect((await lessons())[0]!.body).toBe("Zonder eigen budget geen zeggenschap.");
    expect((await onPage({ intent: "unpublish" })).location).toBe(
      `/beheer/kennisbank/${lesson!.id}?melding=ingetrokken`,
    );
    expect((await lessons())[0]!.publishedAt).toBeNull();
    expect((await onPage({ intent: "unpublish" })).status).toBe(409);
    expect((await onPage({ intent: "publish" })).status).toBe(302);
    expect((await onPage({ intent: "publish" }, "geen-les")).status).toBe(404);
  });

  it("answers 403 to someone without the right, and changes nothing", async () => {
    const answer = await submit(programme.coordinatorId, { ...good, trajectoryId, key: "lesson-form-key-0002" });
    expect(answer.status).toBe(403);
    expect(await lessons()).toHaveLength(1);
  });

  it("lists the lessons a page at a time, drafts first, then the newest published, without their texts", async () => {
    const base = { programmeTenantId: programme.programmeId, actorPersonId: programme.staffId };
    await withTenant(handle.db, { tenantId: programme.programmeId, personId: programme.staffId }, async (tx) => {
      for (let i = 0; i < STAFF_LESSONS_PER_PAGE; i++) {
        const lesson = await recordLesson(tx, {
          ...base,
          trajectoryId,
          kind: "common-thread",
          theme: "kernen",
          title: `Les ${String(i).padStart(2, "0")}`,
          body: "Tekst",
        });
        await publishLesson(tx, { ...base, lessonId: lesson.id, now: new Date(Date.UTC(2020, 0, 1 + i)) });
      }
      await recordLesson(tx, {
        ...base,
        trajectoryId,
        kind: "common-thread",
        theme: "kernen",
        title: "Concept",
        body: "T",
      });
    });
    const cookie = await harness.signIn(programme.staffId);
    const page = (query: string) =>
      lessonsRoute.loader({
        request: harness.get(`/beheer/kennisbank${query}`, cookie),
        context: harness.context(),
        params: {},
      } as never);
    const first = await page("");
    expect(first.lessons).toHaveLength(STAFF_LESSONS_PER_PAGE);
    expect(first.lessons[0]!.title).toBe("Concept");
    // The lesson of the earlier tests, published today, then the newest of these.
    expect(first.lessons[1]!.title).toBe("Dorpsraden hebben een eigen budget nodig");
    expect(first.lessons[2]!.title).toBe(`Les ${STAFF_LESSONS_PER_PAGE - 1}`);
    expect(first.lessons[0]).not.toHaveProperty("body");
    expect(first).toMatchObject({ page: 1, hasMore: true });
    const second = await page("?pagina=2");
    expect(second.lessons.map((lesson) => lesson.title)).toEqual(["Les 01", "Les 00"]);
    expect(second).toMatchObject({ page: 2, hasMore: false });
    expect((await page("?pagina=nul")).page).toBe(1);
  });
});
