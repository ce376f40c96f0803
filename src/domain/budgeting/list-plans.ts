import { and, asc, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { BallotPlan } from "./check-ballot.ts";

export type Plan = {
  id: string;
  roundAreaId: string;
  areaName: string;
  reference: string;
  title: string;
  description: string;
  location: string;
  estimatedCostEuros: number;
  officialCostEuros: number | null;
  status: "submitted" | "published" | "rejected";
  feasibility: "feasible" | "infeasible" | null;
  feasibilityReason: string | null;
  /** The plan's photo and its text alternative, when it has one. */
  photo: { id: string; altText: string } | null;
};

const plans = schema.pbPlans;

/** On the ballot: published, and found feasible in the review. */
const onBallot = () => and(eq(plans.status, "published"), eq(plans.feasibility, "feasible"));

/**
 * The plans on an area's ballot with what the check needs (`checkBallot`), as a subquery for a statement that reads
 * them together with what decides the area (a ballot's round, its code): `[{ id, costEuros }]`, in no order.
 */
export const ballotPlansOf = (area: {
  tenantId: SQLWrapper | string;
  roundId: SQLWrapper | string;
  roundAreaId: SQLWrapper | string;
}) =>
  sql<BallotPlan[]>`coalesce((
    select json_agg(json_build_object('id', ${plans.id},
      'costEuros', coalesce(${plans.officialCostEuros}, ${plans.estimatedCostEuros})))
    from ${plans} where ${plans.tenantId} = ${area.tenantId} and ${plans.roundId} = ${area.roundId}
      and ${plans.roundAreaId} = ${area.roundAreaId} and ${onBallot()}), '[]'::json)`;

/**
 * A round's plans by number. `public` lists what residents may see (published plans); `ballot` only what is on the
 * ballot (published and feasible); `all` is for staff.
 */
export async function listPlans(
  tx: Executor,
  o: { tenantId: string; roundId: string; show: "all" | "public" | "ballot"; roundAreaId?: string },
): Promise<Plan[]> {
  const filters: (SQL | undefined)[] = [
    eq(plans.tenantId, o.tenantId),
    eq(plans.roundId, o.roundId),
    o.roundAreaId ? eq(plans.roundAreaId, o.roundAreaId) : undefined,
    o.show === "public" ? eq(plans.status, "published") : undefined,
    o.show === "ballot" ? onBallot() : undefined,
  ];
  const rows = await tx
    .select({
      id: plans.id,
      roundAreaId: plans.roundAreaId,
      areaName: schema.pbRoundAreas.name,
      reference: plans.reference,
      title: plans.title,
      description: plans.description,
      location: plans.location,
      estimatedCostEuros: plans.estimatedCostEuros,
      officialCostEuros: plans.officialCostEuros,
      status: plans.status,
      feasibility: plans.feasibility,
      feasibilityReason: plans.feasibilityReason,
      photoId: plans.photoId,
      photoAlt: schema.uploads.altText,
    })
    .from(plans)
    .innerJoin(schema.pbRoundAreas, eq(schema.pbRoundAreas.id, plans.roundAreaId))
    .leftJoin(schema.uploads, eq(schema.uploads.id, plans.photoId))
    .where(and(...filters))
    .orderBy(asc(schema.pbRoundAreas.position), sql`length(${plans.reference})`, asc(plans.reference));
  return rows.map(({ photoId, photoAlt, ...plan }) => ({
    ...plan,
    photo: photoId ? { id: photoId, altText: photoAlt ?? "" } : null,
  }));
}
