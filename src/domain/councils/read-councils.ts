import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import {
  type CouncilBasis,
  type CouncilKind,
  type CouncilRole,
  roleOrder,
  type TermState,
  termState,
} from "./kinds.ts";

export type CouncilSummary = {
  id: string;
  slug: string;
  name: string;
  kind: CouncilKind;
  areas: { id: string; code: string; name: string }[];
};

export type CouncilMember = {
  id: string;
  role: CouncilRole;
  seat: number;
  name: string;
  personId: string | null;
  startsOn: string;
  endsOn: string | null;
  state: TermState;
};

export type Council = CouncilSummary & {
  basis: CouncilBasis;
  basisUrl: string | null;
  description: string;
  memberSeats: number;
  /** Every term, past and future included, officers first; `state` says where each stands on `today`. */
  members: CouncilMember[];
};

const c = schema.councils;

async function areasOf(tx: Executor, tenantId: string, councilIds: string[]) {
  if (councilIds.length === 0) return new Map<string, CouncilSummary["areas"]>();
  const rows = await tx
    .select({
      councilId: schema.councilAreas.councilId,
      id: schema.areas.id,
      code: schema.areas.code,
      name: schema.areas.name,
    })
    .from(schema.councilAreas)
    .innerJoin(
      schema.areas,
      and(eq(schema.areas.tenantId, schema.councilAreas.tenantId), eq(schema.areas.id, schema.councilAreas.areaId)),
    )
    .where(and(eq(schema.councilAreas.tenantId, tenantId), inArray(schema.councilAreas.councilId, councilIds)))
    .orderBy(asc(schema.areas.code));
  const byCouncil = new Map<string, CouncilSummary["areas"]>();
  for (const { councilId, ...area } of rows) byCouncil.set(councilId, [...(byCouncil.get(councilId) ?? []), area]);
  return byCouncil;
}

/** Every council of the municipality with its areas; area committees after the councils, by name within a kind. */
export async function listCouncils(tx: Executor, o: { tenantId: string }): Promise<CouncilSummary[]> {
  const rows = await tx
    .select({ id: c.id, slug: c.slug, name: c.name, kind: c.kind })
    .from(c)
    .where(eq(c.tenantId, o.tenantId))
    .orderBy(sql`${c.kind} = 'area-committee'`, asc(c.name));
  const areas = await areasOf(
    tx,
    o.tenantId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, areas: areas.get(row.id) ?? [] }));
}

/** One council by its slug, with its areas and every term; undefined when the municipality has none by that slug. */
export async function getCouncil(
  tx: Executor,
  o: { tenantId: string; slug: string; today: string },
): Promise<Council | undefined> {
  const [council] = await tx
    .select({
      id: c.id,
      slug: c.slug,
      name: c.name,
      kind: c.kind,
      basis: c.basis,
      basisUrl: c.basisUrl,
      description: c.description,
      memberSeats: c.memberSeats,
    })
    .from(c)
    .where(and(eq(c.tenantId, o.tenantId), eq(c.slug, o.slug)));
  if (!council) return undefined;
  const m = schema.councilMembers;
  const members = await tx
    .select({
      id: m.id,
      role: m.role,
      seat: m.seat,
      name: m.name,
      personId: m.personId,
      startsOn: m.startsOn,
      endsOn: m.endsOn,
    })
    .from(m)
    .where(and(eq(m.tenantId, o.tenantId), eq(m.councilId, council.id)))
    .orderBy(asc(m.seat), asc(m.startsOn));
  const areas = await areasOf(tx, o.tenantId, [council.id]);
  return {
    ...council,
    areas: areas.get(council.id) ?? [],
    members: members
      .map((member) => ({ ...member, state: termState(member, o.today) }))
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.seat - b.seat || a.startsOn.localeCompare(b.startsOn)),
  };
}

/** The members who hold a seat on `today`: what the public page and the open data show. */
export const currentMembers = (council: Council): CouncilMember[] =>
  council.members.filter((member) => member.state === "current");

export type CouncilSeat = { councilId: string; slug: string; name: string; role: CouncilRole };

/** A term that runs on this Dutch date (both ends included; an open end runs on). */
export const termRunsOn = (today: string) =>
  sql`${today}::date between ${schema.councilMembers.startsOn} and coalesce(${schema.councilMembers.endsOn}, 'infinity'::date)`;

/**
 * The councils on which a person holds a seat today: what opens a council's workspace to them, and only that
 * council's. Derived from the term dates, so an expired term closes the workspace by itself.
 */
export async function listSeatsOf(
  tx: Executor,
  o: { tenantId: string; personId: string; today: string },
): Promise<CouncilSeat[]> {
  const m = schema.councilMembers;
  return tx
    .select({ councilId: c.id, slug: c.slug, name: c.name, role: m.role })
    .from(m)
    .innerJoin(c, and(eq(c.tenantId, m.tenantId), eq(c.id, m.councilId)))
    .where(and(eq(m.tenantId, o.tenantId), eq(m.personId, o.personId), termRunsOn(o.today)))
    .orderBy(asc(c.name));
}
