import { type Executor, schema } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import { insertWithSlug, requireCalendarDate, requirePositive, requireSlug, requireText } from "./input-rules.ts";
import { requireProgrammeTenant } from "./require-programme-tenant.ts";

export type Trajectory = typeof schema.trajectories.$inferSelect;
export type TargetGroup = (typeof schema.targetGroups)[number];
export const targetGroups = schema.targetGroups;

export type CreateTrajectoryOptions = {
  tenantId: string;
  slug: string;
  title: string;
  theme: string;
  summary: string;
  description?: string;
  weOffer?: readonly string[];
  weAsk?: readonly string[];
  targetGroups?: readonly TargetGroup[];
  startsOn?: string | null;
  endsOn?: string | null;
  durationMonths?: number | null;
  minMunicipalities?: number | null;
  maxMunicipalities?: number | null;
  applicationDeadlineOn?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  sharesLocalSupport?: boolean;
  takesDesignerSignUps?: boolean;
  moreText?: string;
};

/** A new ontwikkeltraject in the programme's offer; its slug is its address and must be unused. */
export async function createTrajectory(tx: Executor, o: CreateTrajectoryOptions): Promise<Trajectory> {
  requireSlug(o.slug);
  for (const field of ["title", "theme", "summary"] as const) requireText(field, o[field]);
  for (const field of ["startsOn", "endsOn", "applicationDeadlineOn"] as const) requireCalendarDate(field, o[field]);
  for (const field of ["durationMonths", "minMunicipalities", "maxMunicipalities"] as const) {
    requirePositive(field, o[field]);
  }
  if (o.startsOn && o.endsOn && o.endsOn < o.startsOn) throw new ProgrammeError("programme.ends-before-start");
  if (o.minMunicipalities && o.maxMunicipalities && o.maxMunicipalities < o.minMunicipalities) {
    throw new ProgrammeError("programme.max-below-min");
  }
  await requireProgrammeTenant(tx, o.tenantId);
  return insertWithSlug(o.slug, () =>
    tx
      .insert(schema.trajectories)
      .values({
        ...o,
        weOffer: [...(o.weOffer ?? [])],
        weAsk: [...(o.weAsk ?? [])],
        targetGroups: [...(o.targetGroups ?? [])],
      })
      .returning(),
  );
}
