import { desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type PgColumn, type PgTable, unionAll } from "drizzle-orm/pg-core";
import { type Executor, schema } from "../../db/index.ts";

export type AuditLogLine = {
  id: number;
  action: string;
  /**
   * What the entry is about, by its human name: the meeting's, lesson's or process's title, the council's or the
   * municipality's name. `gone` when it named an object or a person that no longer exists: never a bare id.
   */
  subject: { name: string } | "gone" | null;
  at: Date;
  /** Who did it: a person by name, `gone` for a deleted account, `system` for a job or the seed. */
  actor: { name: string } | "gone" | "system";
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const idIn = (subject: string | null) => subject?.match(UUID)?.[0].toLowerCase();

/** The tenant's latest audit entries with the actor's and the subject's names, for its staff area. */
export async function listAuditLog(tx: Executor, o: { tenantId: string; limit?: number }): Promise<AuditLogLine[]> {
  // The latest entries first, then their actors' names: joined before the limit, the planner hashed every person
  // (a seq scan of all 5,000 in the bench's data) to name twenty.
  const latest = tx
    .select({
      id: schema.auditLog.id,
      action: schema.auditLog.action,
      subject: schema.auditLog.subject,
      at: schema.auditLog.at,
      actorPersonId: schema.auditLog.actorPersonId,
      bySystem: schema.auditLog.bySystem,
    })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.tenantId, o.tenantId))
    .orderBy(desc(schema.auditLog.at), desc(schema.auditLog.id))
    .limit(o.limit ?? 20)
    .as("latest");
  const rows = await tx
    .select({
      id: latest.id,
      action: latest.action,
      subject: latest.subject,
      at: latest.at,
      actorName: schema.people.displayName,
      bySystem: latest.bySystem,
    })
    .from(latest)
    .leftJoin(schema.people, eq(schema.people.id, latest.actorPersonId))
    .orderBy(desc(latest.at), desc(latest.id));
  // A subject is an object's id (alone, or as `kind:id`), or already a name (a reference, a title, an address).
  const names = await namesOf(tx, [...new Set(rows.flatMap((row) => idIn(row.subject) ?? []))]);
  return rows.map(({ subject, actorName, bySystem, ...entry }) => {
    const row = {
      ...entry,
      actor: actorName !== null ? { name: actorName } : bySystem ? ("system" as const) : ("gone" as const),
    };
    if (subject === null) return { ...row, subject: null };
    const id = idIn(subject);
    if (id === undefined) return { ...row, subject: { name: subject } };
    const name = names.get(id);
    return { ...row, subject: name === undefined ? "gone" : { name } };
  });
}

/**
 * The human names of the objects that audit entries point at, in one statement: ids are random UUIDs, unique across
 * tables, so every table that an entry's subject may name is asked for all of them, on its primary key. A row that
 * was deleted, or that the tenant may not read (row-level security), has no name: its entry's subject is gone.
 */
async function namesOf(tx: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const s = schema;
  const columns = (id: PgColumn, name: SQL | PgColumn) => ({
    id: sql<string>`${id}::text`,
    name: sql<string>`${name}`,
  });
  // A table whose rows are named by a column of their own; the others join what names them.
  const named = (table: PgTable & { id: PgColumn }, name: PgColumn) =>
    tx.select(columns(table.id, name)).from(table).where(inArray(table.id, ids));
  const rows = await unionAll(
    named(s.meetings, s.meetings.title),
    named(s.lessons, s.lessons.title),
    named(s.trajectories, s.trajectories.title),
    named(s.newsletterEditions, s.newsletterEditions.subject),
    tx
      .select(columns(s.applications.id, sql`${s.tenants.name} || ' – ' || ${s.trajectories.title}`))
      .from(s.applications)
      .innerJoin(s.tenants, eq(s.tenants.id, s.applications.municipalityId))
      .innerJoin(s.trajectories, eq(s.trajectories.id, s.applications.trajectoryId))
      .where(inArray(s.applications.id, ids)),
    tx
      .select(
        columns(
          s.costItems.id,
          sql`${s.tenants.name} || ': ' || ${s.costItems.supplier} || ', ' || ${s.costItems.description}`,
        ),
      )
      .from(s.costItems)
      .innerJoin(s.tenants, eq(s.tenants.id, s.costItems.municipalityId))
      .where(inArray(s.costItems.id, ids)),
    tx
      .select(columns(s.learningAgendaItems.id, sql`${s.tenants.name} || ': ' || ${s.learningAgendaItems.text}`))
      .from(s.learningAgendaItems)
      .innerJoin(s.tenants, eq(s.tenants.id, s.learningAgendaItems.municipalityId))
      .where(inArray(s.learningAgendaItems.id, ids)),
    tx
      .select(columns(s.workshopRequests.id, sql`${s.tenants.name} || ': ' || ${s.workshops.title}`))
      .from(s.workshopRequests)
      .innerJoin(s.tenants, eq(s.tenants.id, s.workshopRequests.municipalityId))
      .innerJoin(s.workshops, eq(s.workshops.id, s.workshopRequests.workshopId))
      .where(inArray(s.workshopRequests.id, ids)),
    tx
      .select(columns(s.designerSignups.id, sql`${s.designerSignups.name} || ' – ' || ${s.trajectories.title}`))
      .from(s.designerSignups)
      .innerJoin(s.trajectories, eq(s.trajectories.id, s.designerSignups.trajectoryId))
      .where(inArray(s.designerSignups.id, ids)),
    tx
      .select(columns(s.registrations.id, sql`${s.people.displayName} || ' – ' || ${s.meetings.title}`))
      .from(s.registrations)
      .innerJoin(s.people, eq(s.people.id, s.registrations.personId))
      .innerJoin(s.meetings, eq(s.meetings.id, s.registrations.meetingId))
      .where(inArray(s.registrations.id, ids)),
    named(s.people, s.people.displayName),
    named(s.councils, s.councils.name),
    named(s.councilMeetings, s.councilMeetings.title),
    named(s.advice, s.advice.subject),
    named(s.initiativeFunds, s.initiativeFunds.name),
    tx
      .select(
        columns(s.fundApplications.id, sql`${s.fundApplications.reference} || '. ' || ${s.fundApplications.title}`),
      )
      .from(s.fundApplications)
      .where(inArray(s.fundApplications.id, ids)),
    named(s.processes, s.processes.title),
    named(s.processPhases, s.processPhases.title),
    named(s.processMoments, s.processMoments.title),
    tx
      .select(columns(s.processEvaluations.id, s.processes.title))
      .from(s.processEvaluations)
      .innerJoin(s.processes, eq(s.processes.id, s.processEvaluations.processId))
      .where(inArray(s.processEvaluations.id, ids)),
    named(s.pbRounds, s.pbRounds.title),
    named(s.areas, s.areas.name),
    named(s.ledgerEntries, s.ledgerEntries.description),
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
