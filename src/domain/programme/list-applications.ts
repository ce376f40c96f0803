import { and, asc, count, eq } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { ApplicationStatus } from "./application-states.ts";

export type QueuedApplication = {
  id: string;
  municipalityId: string;
  municipalityName: string;
  province: string | null;
  status: ApplicationStatus;
  submittedAt: Date;
  intakeAt: Date | null;
  learningQuestion: string;
  /** Everything else the municipality submitted, for staff, supervisors and the exports. */
  project: string;
  commitmentCollege: string;
  commitmentCouncil: string;
  commitmentCivilService: string;
  contacts: { name: string; email: string; role: string }[];
};

/** The queue staff and supervisors work through, oldest first. */
export function listApplications(
  tx: Executor,
  o: { programmeTenantId: string; trajectoryId: string; status?: ApplicationStatus },
): Promise<QueuedApplication[]> {
  return tx
    .select({
      id: schema.applications.id,
      municipalityId: schema.applications.municipalityId,
      municipalityName: schema.tenants.name,
      province: schema.tenants.province,
      status: schema.applications.status,
      submittedAt: schema.applications.submittedAt,
      intakeAt: schema.applications.intakeAt,
      learningQuestion: schema.applications.learningQuestion,
      project: schema.applications.project,
      commitmentCollege: schema.applications.commitmentCollege,
      commitmentCouncil: schema.applications.commitmentCouncil,
      commitmentCivilService: schema.applications.commitmentCivilService,
      contacts: schema.applications.contacts,
    })
    .from(schema.applications)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.applications.municipalityId))
    .where(
      and(
        eq(schema.applications.tenantId, o.programmeTenantId),
        eq(schema.applications.trajectoryId, o.trajectoryId),
        o.status ? eq(schema.applications.status, o.status) : undefined,
      ),
    )
    .orderBy(asc(schema.applications.submittedAt));
}

export type ApplicationTally = {
  byStatus: Record<ApplicationStatus, number>;
  /** Taking part (admitted) per province, for the map of where the learning group comes from. */
  admittedByProvince: { province: string; count: number }[];
};

export async function tallyApplications(
  tx: Executor,
  o: { programmeTenantId: string; trajectoryId: string },
): Promise<ApplicationTally> {
  const rows = await tx
    .select({ status: schema.applications.status, province: schema.tenants.province, n: count() })
    .from(schema.applications)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.applications.municipalityId))
    .where(
      and(eq(schema.applications.tenantId, o.programmeTenantId), eq(schema.applications.trajectoryId, o.trajectoryId)),
    )
    .groupBy(schema.applications.status, schema.tenants.province);
  const byStatus = Object.fromEntries(schema.applicationStatuses.map((s) => [s, 0])) as Record<
    ApplicationStatus,
    number
  >;
  const provinces = new Map<string, number>();
  for (const row of rows) {
    byStatus[row.status] += row.n;
    if (row.status === "admitted") {
      const province = row.province ?? "";
      provinces.set(province, (provinces.get(province) ?? 0) + row.n);
    }
  }
  return {
    byStatus,
    admittedByProvince: [...provinces]
      .map(([province, n]) => ({ province, count: n }))
      .sort((a, b) => b.count - a.count || a.province.localeCompare(b.province, "nl")),
  };
}
