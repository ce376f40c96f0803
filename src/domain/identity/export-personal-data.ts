import { asc, desc, eq, sql } from "drizzle-orm";
import { type Executor, schema } from "../../db/index.ts";
import { findPerson } from "./find-person.ts";
import { listMemberships } from "./list-memberships.ts";

/** Everything the platform keeps about a person, as they may ask for it (GDPR art. 15 and 20). */
export async function exportPersonalData(tx: Executor, personId: string) {
  const person = await findPerson(tx, personId);
  // In turn: one transaction is one connection.
  const memberships = await listMemberships(tx, personId);
  const sessions = await tx
    .select({
      method: schema.sessions.method,
      acr: schema.sessions.acr,
      createdAt: schema.sessions.createdAt,
      expiresAt: schema.sessions.expiresAt,
      revokedAt: schema.sessions.revokedAt,
      userAgent: schema.sessions.userAgent,
    })
    .from(schema.sessions)
    .where(eq(schema.sessions.personId, personId));
  const identities = await tx
    .select({
      issuer: schema.oidcIdentities.issuer,
      subject: schema.oidcIdentities.subject,
      lastAcr: schema.oidcIdentities.lastAcr,
      lastSignInAt: schema.oidcIdentities.lastSignInAt,
    })
    .from(schema.oidcIdentities)
    .where(eq(schema.oidcIdentities.personId, personId));
  const credential = await tx
    .select({ totpSecret: schema.passwordCredentials.totpSecret, updatedAt: schema.passwordCredentials.updatedAt })
    .from(schema.passwordCredentials)
    .where(eq(schema.passwordCredentials.personId, personId));
  const audit = await tx
    .select({ action: schema.auditLog.action, subject: schema.auditLog.subject, at: schema.auditLog.at })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.actorPersonId, personId))
    .orderBy(desc(schema.auditLog.at));
  const email = sql`lower(${person?.email ?? ""})`;
  const registrations = await tx
    .select({
      tenant: schema.tenants.name,
      meeting: schema.meetings.title,
      track: schema.meetingSlots.title,
      startsAt: schema.meetingSlots.startsAt,
      endsAt: schema.meetingSlots.endsAt,
      status: schema.registrations.status,
      answers: schema.registrations.answers,
      createdAt: schema.registrations.createdAt,
      promotedAt: schema.registrations.promotedAt,
      confirmedAt: schema.registrations.confirmedAt,
      cancelledAt: schema.registrations.cancelledAt,
      attended: schema.registrations.attended,
    })
    .from(schema.registrations)
    .innerJoin(schema.meetingSlots, eq(schema.meetingSlots.id, schema.registrations.slotId))
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.registrations.meetingId))
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.registrations.tenantId))
    .where(eq(schema.registrations.personId, personId))
    .orderBy(asc(schema.meetingSlots.startsAt), asc(schema.registrations.createdAt));
  // Subscriptions are kept by address, not by account; their secrets (confirm and unsubscribe tokens) stay out.
  const newsletters = await tx
    .select({
      tenant: schema.tenants.name,
      theme: schema.newsletterSubscriptions.theme,
      locale: schema.newsletterSubscriptions.locale,
      createdAt: schema.newsletterSubscriptions.createdAt,
      confirmedAt: schema.newsletterSubscriptions.confirmedAt,
      unsubscribedAt: schema.newsletterSubscriptions.unsubscribedAt,
    })
    .from(schema.newsletterSubscriptions)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.newsletterSubscriptions.tenantId))
    .where(eq(schema.newsletterSubscriptions.email, email))
    .orderBy(asc(schema.newsletterSubscriptions.createdAt));
  const follows = await tx
    .select({
      tenant: schema.tenants.name,
      topic: schema.follows.topic,
      locale: schema.follows.locale,
      createdAt: schema.follows.createdAt,
      confirmedAt: schema.follows.confirmedAt,
      unsubscribedAt: schema.follows.unsubscribedAt,
    })
    .from(schema.follows)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.follows.tenantId))
    .where(eq(schema.follows.email, email))
    .orderBy(asc(schema.follows.createdAt));
  // The personal calendar address is a secret: only that there is one, and since when.
  const [calendarFeed] = await tx
    .select({ createdAt: schema.calendarFeeds.createdAt })
    .from(schema.calendarFeeds)
    .where(eq(schema.calendarFeeds.personId, personId));
  return {
    person,
    memberships,
    sessions,
    linkedIdentities: identities,
    password: credential[0]
      ? { set: true, totp: Boolean(credential[0].totpSecret), updatedAt: credential[0].updatedAt }
      : null,
    actions: audit,
    registrations,
    subscriptions: { newsletters, follows },
    // What the personal calendar feed shows: the places held (not a wait-list spot, not a cancelled one).
    agenda: {
      feedSince: calendarFeed?.createdAt ?? null,
      items: registrations
        .filter((registration) => registration.status === "registered")
        .map(({ meeting, track, startsAt, endsAt, status }) => ({ meeting, track, startsAt, endsAt, status })),
    },
  };
}
