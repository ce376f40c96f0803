import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { type DatabaseHandle, schema, withTenant } from "../../db/index.ts";
import {
  addAgendaItem,
  editLesson,
  getLearningAgenda,
  publishLesson,
  recordLesson,
  searchLessons,
  setActionStatus,
  unpublishLesson,
} from "./index.ts";

const NOW = new Date("2019-05-01T10:00:00Z");
let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 2, now: NOW });
});
afterAll(() => handle.close());

const asProgramme = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(handle.db, { tenantId: programme.programmeId, personId: programme.staffId }, work);

describe("learning agenda", () => {
  it("keeps questions and local actions, and is completed when every action is done", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    const application = await programme.admitted(trajectory, programme.municipalities[0]!);
    // The municipality keeps its own agenda: its coordinator adds to it in the municipality's transaction.
    const add = (kind: "question" | "action", text: string) =>
      withTenant(handle.db, { tenantId: programme.municipalities[0]!, personId: programme.coordinatorId }, (tx) =>
        addAgendaItem(tx, {
          programmeTenantId: programme.programmeId,
          applicationId: application.id,
          kind,
          text,
          actorPersonId: programme.coordinatorId,
          now: NOW,
        }),
      );
    await add("question", "Hoe verdelen we het dorpsbudget eerlijk?");
    expect((await asProgramme((tx) => getLearningAgenda(tx, application.id))).progress).toBe("no-action-yet");
    const action = await add("action", "Eerste dorpsavond in Oosterend");
    const setStatus = (status: "in-progress" | "done", itemId = action.id) =>
      asProgramme((tx) =>
        setActionStatus(tx, {
          programmeTenantId: programme.programmeId,
          itemId,
          status,
          actorPersonId: programme.staffId,
          now: NOW,
        }),
      );
    // An agreed action nobody has started is not "in uitvoering".
    expect((await asProgramme((tx) => getLearningAgenda(tx, application.id))).progress).toBe("planned");
    await setStatus("in-progress");
    expect((await asProgramme((tx) => getLearningAgenda(tx, application.id))).progress).toBe("in-progress");
    const done = await setStatus("done");
    expect(done.completedAt).toEqual(NOW);
    const agenda = await asProgramme((tx) => getLearningAgenda(tx, application.id));
    expect(agenda).toMatchObject({
      progress: "completed",
      questions: [{ text: "Hoe verdelen we het dorpsbudget eerlijk?" }],
    });
    const question = agenda.questions[0]!;
    await expect(setStatus("done", question.id)).rejects.toMatchObject({ code: "programme.agenda-action-not-found" });
  });

  it("belongs to admitted municipalities only", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15 });
    const pending = await programme.apply(trajectory, programme.municipalities[1]!);
    await expect(
      asProgramme((tx) =>
        addAgendaItem(tx, {
          programmeTenantId: programme.programmeId,
          applicationId: pending.id,
          kind: "question",
          text: "?",
          actorPersonId: programme.coordinatorId,
          now: NOW,
        }),
      ),
    ).rejects.toMatchObject({ code: "programme.agenda-needs-admission" });
  });
});

describe("knowledge bundle", () => {
  it("finds published lessons by Dutch word forms, never drafts, with marked and escaped snippets", async () => {
    const trajectory = await programme.givenTrajectory({ max: 15, theme: "kernendemocratie" });
    await programme.givenTrajectory({ theme: "burgerbegroting" });
    const record = (title: string, body: string, theme = "kernendemocratie") =>
      asProgramme((tx) =>
        recordLesson(tx, {
          programmeTenantId: programme.programmeId,
          trajectoryId: trajectory,
          kind: "common-thread",
          theme,
          title,
          body,
          actorPersonId: programme.staffId,
        }),
      );
    const published = await record(
      "Dorpsraden hebben een eigen budget nodig",
      "Zonder budget <b>geen</b> zeggenschap voor de dorpsraad.",
    );
    await record("Concept: gebiedscommissies", "Nog niet klaar: over dorpsraden");
    const other = await record("Burgerbegroting", "Inwoners kiezen projecten met een vast budget.", "burgerbegroting");
    for (const lesson of [published, other]) {
      await asProgramme((tx) =>
        publishLesson(tx, {
          programmeTenantId: programme.programmeId,
          lessonId: lesson.id,
          actorPersonId: programme.staffId,
          now: NOW,
        }),
      );
    }
    // Anyone may search: a municipality's context sees the published bundle too.
    const hits = await withTenant(handle.db, { tenantId: programme.municipalities[1]! }, (tx) =>
      searchLessons(tx, { query: "dorpsraad" }),
    );
    expect(hits.map((h) => h.title)).toEqual(["Dorpsraden hebben een eigen budget nodig"]);
    expect(hits[0]!.snippet).toContain("&lt;b&gt;geen&lt;/b&gt;");
    expect(hits[0]!.snippet).toMatch(/<mark>dorpsraad<\/mark>/);

    const byTheme = await asProgramme((tx) => searchLessons(tx, { query: "budget", theme: "burgerbegroting" }));
    expect(byTheme.map((h) => h.title)).toEqual(["Burgerbegroting"]);

    // One list of themes: a spelling of its own is refused, so the public filter never shows a theme twice.
    await expect(record("Dubbel thema", "Tekst", "Kernendemocratie ")).rejects.toMatchObject({
      code: "programme.unknown-theme",
    });
  });

  it("lets staff correct a published lesson and take it out of the bundle, keeping the old text in the audit", async () => {
    const trajectory = await programme.givenTrajectory({ theme: "spelregels" });
    const base = { programmeTenantId: programme.programmeId, actorPersonId: programme.staffId };
    const lesson = await asProgramme((tx) =>
      recordLesson(tx, {
        ...base,
        trajectoryId: trajectory,
        kind: "common-thread",
        theme: "spelregels",
        title: "Spelregels vooraf",
        body: "Eerst de spelregels, dan het gesprek. Tipfout: gesprk.",
      }),
    );
    await asProgramme((tx) => publishLesson(tx, { ...base, lessonId: lesson.id, now: NOW }));
    const edited = await asProgramme((tx) =>
      editLesson(tx, {
        ...base,
        lessonId: lesson.id,
        theme: "spelregels",
        title: "Spelregels vooraf",
        body: "Eerst de spelregels, dan het gesprek.",
      }),
    );
    expect(edited.publishedAt).toEqual(NOW);
    const found = () => asProgramme((tx) => searchLessons(tx, { query: "spelregels" }));
    expect((await found()).map((h) => h.snippet).join()).not.toContain("gesprk");
    await expect(
      asProgramme((tx) => editLesson(tx, { ...base, lessonId: lesson.id, theme: "verzonnen", title: "x", body: "y" })),
    ).rejects.toMatchObject({ code: "programme.unknown-theme" });

    await asProgramme((tx) => unpublishLesson(tx, { ...base, lessonId: lesson.id }));
    expect(await found()).toEqual([]);
    await expect(asProgramme((tx) => unpublishLesson(tx, { ...base, lessonId: lesson.id }))).rejects.toMatchObject({
      code: "programme.lesson-not-published",
    });
    const audit = await handle.db
      .select({ action: schema.auditLog.action, details: schema.auditLog.details })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.subject, lesson.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["programme.lesson.edit", "programme.lesson.unpublish"]),
    );
    expect(audit.find((a) => a.action === "programme.lesson.edit")?.details).toMatchObject({
      before: { body: "Eerst de spelregels, dan het gesprek. Tipfout: gesprk." },
    });
  });
});
