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

/** Applications on one page of a trajectory's queue: each comes with all it submitted and its step forms. */
export const APPLICATIONS_PER_PAGE = 20;

type QueueOptions = { programmeTenantId: string; trajectoryId: string; status?: ApplicationStatus };

/** The queue staff and supervisors work through, oldest first, in the order of `applications_queue_idx`. */
function queue(tx: Executor, o: QueueOptions) {
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
    .orderBy(asc(schema.applications.submittedAt), asc(schema.applications.id))
    .$dynamic();
}

/** The whole queue: the exports. */
export function listApplications(tx: Executor, o: QueueOptions): Promise<QueuedApplication[]> {
  return queue(tx, o);
}

/**
 * One page (from 1) of the queue, for the staff page: a page reads its own rows and the one after, however many
 * municipalities applied; `hasMore` when a next page has applications.
 */
export async function pageApplications(
  tx: Executor,
  o: QueueOptions & { page: number },
): Promise<{ applications: QueuedApplication[]; hasMore: boolean }> {
  const rows = await queue(tx, o)
    .limit(APPLICATIONS_PER_PAGE + 1)
    .offset((o.page - 1) * APPLICATIONS_PER_PAGE);
  return { applications: rows.slice(0, APPLICATIONS_PER_PAGE), hasMore: rows.length > APPLICATIONS_PER_PAGE };
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
