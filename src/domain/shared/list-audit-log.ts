import { desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type PgColumn, unionAll } from "drizzle-orm/pg-core";
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
  actorName: string | null;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const idIn = (subject: string | null) => subject?.match(UUID)?.[0].toLowerCase();

/** The tenant's latest audit entries with the actor's and the subject's names, for its staff area. */
export async function listAuditLog(tx: Executor, o: { tenantId: string; limit?: number }): Promise<AuditLogLine[]> {
  const rows = await tx
    .select({
      id: schema.auditLog.id,
      action: schema.auditLog.action,
      subject: schema.auditLog.subject,
      at: schema.auditLog.at,
      actorName: schema.people.displayName,
    })
    .from(schema.auditLog)
    .leftJoin(schema.people, eq(schema.people.id, schema.auditLog.actorPersonId))
    .where(eq(schema.auditLog.tenantId, o.tenantId))
    .orderBy(desc(schema.auditLog.at), desc(schema.auditLog.id))
    .limit(o.limit ?? 20);
  // A subject is an object's id (alone, or as `kind:id`), or already a name (a reference, a title, an address).
  const names = await namesOf(tx, [...new Set(rows.flatMap((row) => idIn(row.subject) ?? []))]);
  return rows.map(({ subject, ...row }) => {
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
  const named = (id: PgColumn, name: SQL | PgColumn) => ({ id: sql<string>`${id}::text`, name: sql<string>`${name}` });
  const rows = await unionAll(
    tx.select(named(s.meetings.id, s.meetings.title)).from(s.meetings).where(inArray(s.meetings.id, ids)),
    tx.select(named(s.lessons.id, s.lessons.title)).from(s.lessons).where(inArray(s.lessons.id, ids)),
    tx
      .select(named(s.trajectories.id, s.trajectories.title))
      .from(s.trajectories)
      .where(inArray(s.trajectories.id, ids)),
    tx
      .select(named(s.newsletterEditions.id, s.newsletterEditions.subject))
      .from(s.newsletterEditions)
      .where(inArray(s.newsletterEditions.id, ids)),
    tx
      .select(named(s.applications.id, sql`${s.tenants.name} || ' – ' || ${s.trajectories.title}`))
      .from(s.applications)
      .innerJoin(s.tenants, eq(s.tenants.id, s.applications.municipalityId))
      .innerJoin(s.trajectories, eq(s.trajectories.id, s.applications.trajectoryId))
      .where(inArray(s.applications.id, ids)),
    tx
      .select(
        named(
          s.costItems.id,
          sql`${s.tenants.name} || ': ' || ${s.costItems.supplier} || ', ' || ${s.costItems.description}`,
        ),
      )
      .from(s.costItems)
      .innerJoin(s.tenants, eq(s.tenants.id, s.costItems.municipalityId))
      .where(inArray(s.costItems.id, ids)),
    tx
      .select(named(s.learningAgendaItems.id, sql`${s.tenants.name} || ': ' || ${s.learningAgendaItems.text}`))
      .from(s.learningAgendaItems)
      .innerJoin(s.tenants, eq(s.tenants.id, s.learningAgendaItems.municipalityId))
      .where(inArray(s.learningAgendaItems.id, ids)),
    tx
      .select(named(s.workshopRequests.id, sql`${s.tenants.name} || ': ' || ${s.workshops.title}`))
      .from(s.workshopRequests)
      .innerJoin(s.tenants, eq(s.tenants.id, s.workshopRequests.municipalityId))
      .innerJoin(s.workshops, eq(s.workshops.id, s.workshopRequests.workshopId))
      .where(inArray(s.workshopRequests.id, ids)),
    tx
      .select(named(s.registrations.id, sql`${s.people.displayName} || ' – ' || ${s.meetings.title}`))
      .from(s.registrations)
      .innerJoin(s.people, eq(s.people.id, s.registrations.personId))
      .innerJoin(s.meetings, eq(s.meetings.id, s.registrations.meetingId))
      .where(inArray(s.registrations.id, ids)),
    tx.select(named(s.people.id, s.people.displayName)).from(s.people).where(inArray(s.people.id, ids)),
    tx.select(named(s.councils.id, s.councils.name)).from(s.councils).where(inArray(s.councils.id, ids)),
    tx
      .select(named(s.councilMeetings.id, s.councilMeetings.title))
      .from(s.councilMeetings)
      .where(inArray(s.councilMeetings.id, ids)),
    tx.select(named(s.advice.id, s.advice.subject)).from(s.advice).where(inArray(s.advice.id, ids)),
    tx
      .select(named(s.initiativeFunds.id, s.initiativeFunds.name))
      .from(s.initiativeFunds)
      .where(inArray(s.initiativeFunds.id, ids)),
    tx
      .select(named(s.fundApplications.id, sql`${s.fundApplications.reference} || '. ' || ${s.fundApplications.title}`))
      .from(s.fundApplications)
      .where(inArray(s.fundApplications.id, ids)),
    tx.select(named(s.processes.id, s.processes.title)).from(s.processes).where(inArray(s.processes.id, ids)),
    tx
      .select(named(s.processPhases.id, s.processPhases.title))
      .from(s.processPhases)
      .where(inArray(s.processPhases.id, ids)),
    tx
      .select(named(s.processMoments.id, s.processMoments.title))
      .from(s.processMoments)
      .where(inArray(s.processMoments.id, ids)),
    tx
      .select(named(s.processEvaluations.id, s.processes.title))
      .from(s.processEvaluations)
      .innerJoin(s.processes, eq(s.processes.id, s.processEvaluations.processId))
      .where(inArray(s.processEvaluations.id, ids)),
    tx.select(named(s.pbRounds.id, s.pbRounds.title)).from(s.pbRounds).where(inArray(s.pbRounds.id, ids)),
    tx.select(named(s.areas.id, s.areas.name)).from(s.areas).where(inArray(s.areas.id, ids)),
    tx
      .select(named(s.ledgerEntries.id, s.ledgerEntries.description))
      .from(s.ledgerEntries)
      .where(inArray(s.ledgerEntries.id, ids)),
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}
