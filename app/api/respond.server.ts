import type { RouterContextProvider } from "react-router";
import type { z } from "zod";
import { type Tx, withTenant } from "../../src/db/index.ts";
import { cachedTenantBySlug } from "../../src/domain/tenancy/index.ts";
import { services } from "../server/context.ts";
import { readProgramme } from "../server/programme.server.ts";
import { presenter } from "./present.ts";
import { listOf } from "./schemas.ts";

const headers = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, max-age=300",
  "X-Content-Type-Options": "nosniff",
};

export function problem(status: 404 | 400, title: string): Response {
  return Response.json(
    { type: "about:blank", title, status },
    { status, headers: { ...headers, "Content-Type": "application/problem+json" } },
  );
}

/** Sends a body only after the contract schema accepted it: a field we forgot to publish is a 500, never a leak. */
export function send<T extends z.ZodType>(schema: T, body: z.input<T>): Response {
  return Response.json(schema.parse(body), { headers });
}

type Read<T> = (tx: Tx, tenantId: string, present: ReturnType<typeof presenter>) => Promise<T>;

/** Reads the programme's public content and presents it for `request`'s origin. */
export async function readForApi<T>(request: Request, context: Readonly<RouterContextProvider>, read: Read<T>) {
  const present = presenter(new URL(request.url).origin);
  return readProgramme(context, (tx, tenantId) => read(tx, tenantId, present));
}

/** A list endpoint: `{ items, count }`, empty when the platform has no programme yet. */
export function sendList<T extends z.ZodType>(item: T, items: z.input<T>[] | undefined): Response {
  const all = items ?? [];
  return send(listOf(item), { items: all, count: all.length });
}

/** Reads a municipality's public data inside its tenant; undefined when no municipality has this slug. */
export async function readMunicipalityForApi<T>(
  context: Readonly<RouterContextProvider>,
  slug: string,
  read: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T | undefined> {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, slug);
  if (tenant?.kind !== "municipality") return undefined;
  return withTenant(db, { tenantId: tenant.id }, (tx) => read(tx, tenant.id));
}
