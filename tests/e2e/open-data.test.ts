import { compileErrors, validate } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/seed/index.ts";
import { type AppInstance, startApp } from "../support/app-instance.ts";

let app: AppInstance;
let document: { paths: Record<string, unknown>; components: { schemas: Record<string, object> } };
let ajv: Ajv2020;

beforeAll(async () => {
  app = await startApp();
  await seedDemo(app.database.db, { now: new Date("2026-11-22T12:00:00Z") });
  document = await (await fetch(`${app.url}/api/openapi.json`)).json();
  ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: "openapi", components: document.components });
});
afterAll(() => app?.stop());

/** Fetches an endpoint and checks its body against the component schema the OpenAPI document names for it. */
async function getValid(path: string, component: string | { list: string }) {
  const response = await fetch(`${app.url}/api/v1${path}`);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  const body = await response.json();
  const schema =
    typeof component === "string"
      ? { $ref: `openapi#/components/schemas/${component}` }
      : {
          type: "object",
          required: ["items", "count"],
          properties: { items: { type: "array", items: { $ref: `openapi#/components/schemas/${component.list}` } } },
        };
  const check = ajv.compile(schema);
  expect(check(body) ? [] : check.errors, path).toEqual([]);
  return body;
}

describe("open data API", () => {
  it("is described by a valid OpenAPI 3.1 document", async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? "valid" : compileErrors(result)).toBe("valid");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/trajectories", "/meetings", "/design-sessions", "/workshops", "/catalogue"]),
    );
  });

  it("lists all six trajectories of the seeds and the six regional design sessions", async () => {
    const trajectories = await getValid("/trajectories", { list: "TrajectorySummary" });
    expect(trajectories.count).toBe(6);
    expect(trajectories.items.map((t: { title: string }) => t.title)).toEqual(
      expect.arrayContaining(["Kernendemocratie", "Spelregels voor democratische processen"]),
    );
    const sessions = await getValid("/design-sessions", { list: "MeetingSummary" });
    expect(sessions.items.map((s: { city: string }) => s.city)).toEqual([
      "Utrecht",
      "Haarlem",
      "Arnhem",
      "Assen",
      "Venlo",
      "Breda",
    ]);
    expect(sessions.items[0]).toMatchObject({
      venue: "Stadskantoor Utrecht",
      address: "Stadsplateau 1",
      startsAt: "2018-06-14T07:00:00.000Z",
    });
  });

  it("gives each item with its details, linked from the lists", async () => {
    const { items } = await getValid("/trajectories", { list: "TrajectorySummary" });
    const kernen = items.find((t: { title: string }) => t.title === "Kernendemocratie");
    const trajectory = await getValid(new URL(kernen.api).pathname.replace("/api/v1", ""), "Trajectory");
    expect(trajectory.minMunicipalities).toBe(10);
    expect(trajectory.supervisors).toEqual(
      expect.arrayContaining([{ name: "Freek van Berkel", organisation: "Common Eye" }]),
    );
    const startSession = (await getValid("/meetings?kind=start-session", { list: "MeetingSummary" })).items[0];
    const meeting = await getValid(`/meetings/${startSession.slug}`, "Meeting");
    expect(meeting.slots.filter((s: { kind: string }) => s.kind === "track")).toHaveLength(5);
    const [workshop] = (await getValid("/workshops", { list: "Workshop" })).items;
    expect(workshop).toMatchObject({ maxParticipants: 20, investment: "on-request" });
    const catalogue = await getValid("/catalogue", "Catalogue");
    expect(catalogue.trajectories).toHaveLength(6);
  });

  it("answers unknown items and bad filters with problem details", async () => {
    const missing = await fetch(`${app.url}/api/v1/trajectories/bestaat-niet`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(await missing.json()).toMatchObject({ status: 404, title: "Trajectory not found" });
    const bad = await fetch(`${app.url}/api/v1/meetings?kind=feest`);
    expect(bad.status).toBe(400);
  });
});
