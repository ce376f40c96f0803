import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import type { ApplicationStatus } from "./application-states.ts";
import type { Application } from "./submit-application.ts";

export type ApplicationEvent = {
  applicationId: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  note: string | null;
  at: Date;
};

export type ApplicationDetails = Application & {
  trajectorySlug: string;
  trajectoryTitle: string;
  municipalityName: string;
  municipalitySlug: string;
  events: ApplicationEvent[];
};

const details = (tx: Executor) =>
  tx
    .select({
      application: schema.applications,
      trajectorySlug: schema.trajectories.slug,
      trajectoryTitle: schema.trajectories.title,
      municipalityName: schema.tenants.name,
      municipalitySlug: schema.tenants.slug,
    })
    .from(schema.applications)
    .innerJoin(schema.trajectories, eq(schema.trajectories.id, schema.applications.trajectoryId))
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.applications.municipalityId));

type Row = {
  application: Application;
  trajectorySlug: string;
  trajectoryTitle: string;
  municipalityName: string;
  municipalitySlug: string;
};

async function withEvents(tx: Executor, rows: Row[]): Promise<ApplicationDetails[]> {
  const ids = rows.map((row) => row.application.id);
  const events =
    ids.length === 0
      ? []
      : await tx
          .select({
            applicationId: schema.applicationEvents.applicationId,
            fromStatus: schema.applicationEvents.fromStatus,
            toStatus: schema.applicationEvents.toStatus,
            note: schema.applicationEvents.note,
            at: schema.applicationEvents.at,
          })
          .from(schema.applicationEvents)
          .where(inArray(schema.applicationEvents.applicationId, ids))
          .orderBy(asc(schema.applicationEvents.id));
  return rows.map(({ application, ...names }) => ({
    ...application,
    ...names,
    events: events.filter((event) => event.applicationId === application.id),
  }));
}

/** One application of the programme with its trail, for staff pages and the municipality's own view. */
export async function getApplication(
  tx: Executor,
  o: { programmeTenantId: string; applicationId: string },
): Promise<ApplicationDetails | undefined> {
  const rows = await details(tx).where(
    and(eq(schema.applications.tenantId, o.programmeTenantId), eq(schema.applications.id, o.applicationId)),
  );
  return (await withEvents(tx, rows))[0];
}

/** A municipality's own applications, newest first, each with the history of its states. */
export async function listMunicipalApplications(
  tx: Executor,
  o: { municipalityId: string },
): Promise<ApplicationDetails[]> {
  const rows = await details(tx)
    .where(eq(schema.applications.municipalityId, o.municipalityId))
    .orderBy(desc(schema.applications.submittedAt));
  return withEvents(tx, rows);
}
