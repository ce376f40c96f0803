import { type Database, withPlatform, withTenant } from "../db/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../domain/identity/index.ts";
import {
  addMeetingSlot,
  addSupervisor,
  createTrajectory,
  publishLesson,
  publishWorkshop,
  recordLesson,
  scheduleMeeting,
} from "../domain/programme/index.ts";
import { dutchTime, recordAudit } from "../domain/shared/index.ts";
import { createTenant, findProgrammeTenant } from "../domain/tenancy/index.ts";
import { DEMO_PASSWORD, demoAccounts, PROGRAMME_SLUG } from "./demo-accounts.ts";
import { seedAdvice } from "./demo-advice.ts";
import { seedApplications } from "./demo-applications.ts";
import { seedAreaBudgets } from "./demo-area-budgets.ts";
import { seedAreas } from "./demo-areas.ts";
import { seedBudgeting } from "./demo-budgeting.ts";
import { seedCouncilMeetings } from "./demo-council-meetings.ts";
import { seedCouncils } from "./demo-councils.ts";
import { seedFunds } from "./demo-funds.ts";
import { seedInitiatives } from "./demo-initiatives.ts";
import { demoMunicipalities } from "./demo-municipalities.ts";
import { seedProcesses } from "./demo-processes.ts";
import {
  DESIGN_SESSION_PLACES,
  demoLessons,
  designSessions,
  kickoff,
  START_SESSION_TRACK_CAPACITY,
  startSession,
  trajectorySeeds,
  workshop,
} from "./programme-content.ts";

export type SeedReport =
  | { seeded: false }
  | {
      seeded: true;
      tenants: number;
      trajectories: number;
      meetings: number;
      slots: number;
      workshops: number;
      lessons: number;
      applications: number;
      accounts: number;
      areas: number;
      areaBudgets: number;
      councils: number;
      councilMeetings: number;
      funds: number;
      initiatives: number;
      advice: number;
      processes: number;
    };

/**
 * Fills an empty database with the programme's real content and two demo municipalities with an account for every
 * role, through the domain functions. The same input always gives the same content (slugs, not random keys, are the
 * references); it does nothing when the programme's tenant is already there.
 */
export async function seedDemo(
  db: Database,
  { now, publicUrl = "http://localhost:3000" }: { now: Date; publicUrl?: string },
): Promise<SeedReport> {
  if (await findProgrammeTenant(db)) return { seeded: false };

  const peopleIds = new Map<string, string>();
  const { tenantIds, lessonAuthorId } = await withPlatform(db, async (tx) => {
    const programme = await createTenant(tx, {
      slug: PROGRAMME_SLUG,
      name: "Democratie in Actie",
      kind: "programme",
      introNl:
        "Democratie in Actie is het uitvoeringsprogramma van VNG, het ministerie van BZK en de beroeps- en belangenverenigingen van raadsleden, burgemeesters, wethouders, gemeentesecretarissen en griffiers.",
      introEn:
        "Democratie in Actie is the programme of the VNG, the Ministry of the Interior and the associations of councillors, mayors, aldermen, town secretaries and clerks.",
    });
    const ids = new Map<string, string>([[programme.slug, programme.id]]);
    for (const municipality of demoMunicipalities) {
      const tenant = await createTenant(tx, municipality);
      ids.set(tenant.slug, tenant.id);
    }
    let lessonAuthorId = "";
    for (const account of demoAccounts) {
      const person = await findOrCreatePerson(tx, { email: account.email, displayName: account.displayName });
      peopleIds.set(account.email, person.id);
      await grantRole(tx, { tenantId: ids.get(account.tenant)!, personId: person.id, role: account.role });
      await setPassword(tx, { personId: person.id, password: DEMO_PASSWORD, now });
      if (account.role === "programme-staff") lessonAuthorId = person.id;
    }
    await recordAudit(tx, {
      tenantId: null,
      actorPersonId: null,
      action: "seed.demo",
      details: { seededAt: now.toISOString() },
    });
    return { tenantIds: ids, lessonAuthorId };
  });

  const tenantId = tenantIds.get(PROGRAMME_SLUG)!;
  const counts = await withTenant(db, { tenantId }, async (tx) => {
    const trajectoryIds = new Map<string, string>();
    let slots = 0;
    for (const { supervisors, ...seed } of trajectorySeeds) {
      const trajectory = await createTrajectory(tx, { ...seed, tenantId });
      trajectoryIds.set(trajectory.slug, trajectory.id);
      for (const supervisor of supervisors)
        await addSupervisor(tx, { tenantId, trajectoryId: trajectory.id, ...supervisor });
    }

    const start = await scheduleMeeting(tx, {
      tenantId,
      slug: startSession.slug,
      kind: "start-session",
      // "Democratie in Actie neemt na aanmelding contact met u op voor definitieve aanmelding."
      placesProvisional: true,
      title: startSession.title,
      description: startSession.description,
      startsAt: dutchTime(startSession.on, startSession.from),
      endsAt: dutchTime(startSession.on, startSession.until),
    });
    for (const part of startSession.programme) {
      const time = {
        title: part.title,
        startsAt: dutchTime(startSession.on, part.from),
        endsAt: dutchTime(startSession.on, part.until),
      };
      await addMeetingSlot(
        tx,
        part.kind === "track"
          ? {
              tenantId,
              meetingId: start.id,
              kind: "track",
              ...time,
              capacity: START_SESSION_TRACK_CAPACITY,
              trajectoryId: trajectoryIds.get(part.trajectory)!,
            }
          : { tenantId, meetingId: start.id, kind: part.kind, ...time },
      );
      slots += 1;
    }

    // Announced by date only ("vrijdag 11 oktober"): the whole day, times to follow.
    await scheduleMeeting(tx, {
      tenantId,
      slug: kickoff.slug,
      kind: "kickoff",
      title: kickoff.title,
      description: kickoff.description,
      trajectoryId: trajectoryIds.get(kickoff.trajectory)!,
      startsAt: dutchTime(kickoff.on),
      endsAt: dutchTime(kickoff.dayAfter),
      allDay: true,
    });

    for (const session of designSessions) {
      const meeting = await scheduleMeeting(tx, {
        tenantId,
        slug: session.slug,
        kind: "design-session",
        title: session.title,
        description: session.description,
        startsAt: dutchTime(session.on, session.from),
        endsAt: dutchTime(session.on, session.until),
        region: session.region,
        city: session.city,
        venue: session.venue,
        address: session.address,
      });
      await addMeetingSlot(tx, {
        tenantId,
        meetingId: meeting.id,
        kind: "track",
        title: session.title,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        capacity: DESIGN_SESSION_PLACES,
      });
      slots += 1;
    }

    await publishWorkshop(tx, { tenantId, ...workshop });

    const actorPersonId = lessonAuthorId;
    for (const { trajectory, ...lesson } of demoLessons) {
      const municipalityId = "municipality" in lesson ? tenantIds.get(lesson.municipality) : undefined;
      const recorded = await recordLesson(tx, {
        programmeTenantId: tenantId,
        trajectoryId: trajectoryIds.get(trajectory)!,
        municipalityId,
        kind: municipalityId ? "municipal" : "common-thread",
        theme: lesson.theme,
        title: lesson.title,
        body: lesson.body,
        actorPersonId,
      });
      await publishLesson(tx, { programmeTenantId: tenantId, lessonId: recorded.id, actorPersonId, now });
    }
    return {
      trajectories: trajectoryIds.size,
      meetings: 2 + designSessions.length,
      slots,
      workshops: 1,
      lessons: demoLessons.length,
    };
  });

  const applications = await seedApplications(db, tenantIds, peopleIds);
  const areas = await seedAreas(db, tenantIds, now);
  await seedBudgeting(db, tenantIds, { now, publicUrl });
  const areaBudgets = await seedAreaBudgets(db, tenantIds.get("veenhoven")!, now);
  const councils = await seedCouncils(db, tenantIds, now);
  const councilMeetings = await seedCouncilMeetings(db, tenantIds, now);
  const funds = await seedFunds(db, tenantIds, peopleIds, now);
  const initiatives = await seedInitiatives(db, tenantIds.get("dijkstad")!, { now, publicUrl });
  const advice = await seedAdvice(db, tenantIds, now);
  const processes = await seedProcesses(db, tenantIds, { now, publicUrl });

  return {
    seeded: true,
    tenants: tenantIds.size,
    accounts: demoAccounts.length,
    ...counts,
    applications,
    areas,
    areaBudgets,
    councils,
    councilMeetings,
    funds,
    initiatives,
    advice,
    processes,
  };
}
