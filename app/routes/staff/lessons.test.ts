import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
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
    theme: "Kernendemocratie",
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

  it("answers 403 to someone without the right, and changes nothing", async () => {
    const answer = await submit(programme.coordinatorId, { ...good, trajectoryId, key: "lesson-form-key-0002" });
    expect(answer.status).toBe(403);
    expect(await lessons()).toHaveLength(1);
  });
});
