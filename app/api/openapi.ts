import { z } from "zod";
import { MeetingSummary, registry } from "./schemas.ts";

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object) => ({ "application/json": { schema } });
const list = (id: string) => ({
  type: "object",
  required: ["items", "count"],
  properties: { items: { type: "array", items: ref(id) }, count: { type: "integer" } },
});
const notFound = { description: "Not found", content: { "application/problem+json": { schema: ref("Problem") } } };
const slug = { name: "slug", in: "path", required: true, schema: { type: "string" } };

function operation(summary: string, body: object, options: { parameters?: object[]; notFound?: boolean } = {}) {
  return {
    get: {
      summary,
      ...(options.parameters ? { parameters: options.parameters } : {}),
      responses: {
        "200": { description: "OK", content: json(body) },
        ...(options.notFound ? { "404": notFound } : {}),
      },
    },
  };
}

/** The OpenAPI 3.1 description of /api/v1, its schemas generated from the zod contract the routes enforce. */
export function openApiDocument(serverUrl: string) {
  const { schemas } = z.toJSONSchema(registry, { target: "draft-2020-12", uri: (id) => `#/components/schemas/${id}` });
  return {
    openapi: "3.1.0",
    info: {
      title: "Samenspel open data",
      version: "1.0.0",
      description:
        "The public offer of the programme Democratie in Actie: development trajectories, meetings with their programme, the regional design sessions and in-company workshops. Read-only, no key needed, CORS open.",
      license: { name: "CC0-1.0", identifier: "CC0-1.0" },
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths: {
      "/catalogue": operation("The whole offer", ref("Catalogue")),
      "/trajectories": operation("All trajectories", list("TrajectorySummary"), {
        parameters: [{ name: "theme", in: "query", required: false, schema: { type: "string" } }],
      }),
      "/trajectories/{slug}": operation("One trajectory", ref("Trajectory"), { parameters: [slug], notFound: true }),
      "/meetings": operation("All meetings, in date order", list("MeetingSummary"), {
        parameters: [
          {
            name: "kind",
            in: "query",
            required: false,
            schema: { type: "string", enum: MeetingSummary.shape.kind.options },
          },
        ],
      }),
      "/meetings/{slug}": operation("One meeting with its programme", ref("Meeting"), {
        parameters: [slug],
        notFound: true,
      }),
      "/design-sessions": operation("The regional design sessions", list("MeetingSummary")),
      "/workshops": operation("In-company workshops", list("Workshop")),
      "/workshops/{slug}": operation("One workshop", ref("Workshop"), { parameters: [slug], notFound: true }),
      "/municipalities/{slug}/budgets/{round}/result": operation(
        "The published result of a participatory budgeting round",
        ref("BudgetResult"),
        {
          parameters: [slug, { name: "round", in: "path", required: true, schema: { type: "string" } }],
          notFound: true,
        },
      ),
      "/municipalities/{slug}/funds": operation(
        "A municipality's initiatives funds, their rules and this year's money",
        list("Fund"),
        { parameters: [slug], notFound: true },
      ),
      "/municipalities/{slug}/processes": operation(
        "A municipality's democratic processes: phases with their ladder level, moments of influence, published feedback and the printable card",
        list("Process"),
        { parameters: [slug], notFound: true },
      ),
      "/municipalities/{slug}/councils": operation(
        "A municipality's councils: kind, areas, today's members by name and role, and their published meetings",
        list("Council"),
        { parameters: [slug], notFound: true },
      ),
      "/municipalities/{slug}/advice": operation("The advice register of a municipality's councils", list("Advice"), {
        parameters: [
          slug,
          {
            name: "year",
            in: "query",
            required: false,
            description: "Only advice requested (or given unasked) in this year",
            schema: { type: "integer", minimum: 2000, maximum: 2100 },
          },
        ],
        notFound: true,
      }),
      "/municipalities/{slug}/ledgers": operation(
        "Every area's budget of a municipality for a year",
        list("AreaLedger"),
        {
          parameters: [
            slug,
            {
              name: "year",
              in: "query",
              required: false,
              description: "The budget year; this year when left out",
              schema: { type: "integer", minimum: 2000, maximum: 2100 },
            },
          ],
          notFound: true,
        },
      ),
      "/municipalities/{slug}/initiatives": operation(
        "The municipality's public showcase of residents' initiatives",
        list("Initiative"),
        { parameters: [slug], notFound: true },
      ),
      "/municipalities/{slug}/challenges": operation(
        "The municipality's public register of uitdaagrecht requests and their outcomes",
        list("Challenge"),
        { parameters: [slug], notFound: true },
      ),
    },
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, stripId(s)])) },
  };
}

/** z.toJSONSchema puts `id` and `$schema` in each; OpenAPI's components are keyed by name already. */
function stripId(schema: object) {
  const { id: _id, $schema: _schema, ...rest } = schema as Record<string, unknown>;
  return rest;
}
