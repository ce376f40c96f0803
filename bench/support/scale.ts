import { type Database, withPlatform, withTenant } from "../../src/db/index.ts";
import { findOrCreatePerson } from "../../src/domain/identity/index.ts";
import {
  addMeetingSlot,
  createTrajectory,
  publishLesson,
  recordLesson,
  registerForSlot,
  scheduleMeeting,
  submitApplication,
} from "../../src/domain/programme/index.ts";
import { createTenant, findProgrammeTenant } from "../../src/domain/tenancy/index.ts";

export type Scale = { municipalities: number; applications: number; registrations: number; lessons: number };

/** The figures for a programme some years in (issue 15). */
export const FULL_SCALE: Scale = { municipalities: 300, applications: 2_000, registrations: 50_000, lessons: 5_000 };

/** Each person signs up for this many meetings, so the registrations spread over people and meetings alike. */
const MEETINGS_PER_PERSON = 10;
const BATCH = 250;

async function inBatches<T>(items: readonly T[], work: (batch: readonly T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) await work(items.slice(i, i + BATCH));
}

/**
 * Grows the demo programme to `scale`, through the same use cases the site uses, in batches of a few hundred per
 * transaction: municipalities, applications to new trajectories, meetings with registrations, published lessons.
 */
export async function seedScale(db: Database, scale: Scale, now: Date) {
  const programme = await withPlatform(db, (tx) => findProgrammeTenant(tx));
  if (!programme) throw new Error("seed the demo first: there is no programme tenant");
  const tenantId = programme.id;

  const municipalityIds: string[] = [];
  const coordinatorId = await withPlatform(db, async (tx) => {
    for (let i = 0; i < scale.municipalities; i++) {
      const tenant = await createTenant(tx, { slug: `bench-${i}`, name: `Benchgemeente ${i}`, kind: "municipality" });
      municipalityIds.push(tenant.id);
    }
    return (await findOrCreatePerson(tx, { email: "bench@example.org", displayName: "Bench" })).id;
  });

  const perMunicipality = Math.ceil(scale.applications / Math.max(1, scale.municipalities));
  const trajectoryIds = await withTenant(db, { tenantId }, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < perMunicipality; i++) {
      const trajectory = await createTrajectory(tx, {
        tenantId,
        slug: `bench-traject-${i}`,
        title: `Benchtraject ${i}`,
        theme: "bench",
        summary: "Een traject om mee te meten.",
      });
      ids.push(trajectory.id);
    }
    return ids;
  });

  let applications = 0;
  for (const municipalityId of municipalityIds) {
    if (applications >= scale.applications) break;
    const count = Math.min(perMunicipality, scale.applications - applications);
    await withTenant(db, { tenantId: municipalityId, personId: coordinatorId }, async (tx) => {
      for (const trajectoryId of trajectoryIds.slice(0, count)) {
        await submitApplication(tx, {
          programmeTenantId: tenantId,
          trajectoryId,
          municipalityId,
          personId: coordinatorId,
          project: "Meten is weten",
          learningQuestion: "Hoe snel blijft het?",
          commitment: { college: "wethouder", council: "raadsbreed", civilService: "team participatie" },
          contacts: [{ name: "A. de Vries", email: "a.devries@example.org", role: "coördinator" }],
          now,
        });
      }
    });
    applications += count;
  }

  const people = Math.ceil(scale.registrations / MEETINGS_PER_PERSON);
  const meetings = Math.ceil(scale.registrations / Math.max(1, people));
  const personIds: string[] = [];
  await inBatches(
    Array.from({ length: people }, (_, i) => i),
    (batch) =>
      withPlatform(db, async (tx) => {
        for (const i of batch) {
          personIds.push(
            (await findOrCreatePerson(tx, { email: `deelnemer-${i}@example.org`, displayName: `D ${i}` })).id,
          );
        }
      }),
  );
  const slotIds = await withTenant(db, { tenantId }, async (tx) => {
    const ids: string[] = [];
    for (let m = 0; m < meetings; m++) {
      const startsAt = new Date(now.getTime() + (200 + m) * 86_400_000);
      const endsAt = new Date(startsAt.getTime() + 3 * 3_600_000);
      const meeting = await scheduleMeeting(tx, {
        tenantId,
        slug: `bench-bijeenkomst-${m}`,
        kind: "design-session",
        title: `Benchbijeenkomst ${m}`,
        startsAt,
        endsAt,
      });
      const slot = await addMeetingSlot(tx, {
        tenantId,
        meetingId: meeting.id,
        kind: "track",
        title: "Sessie",
        startsAt,
        endsAt,
        capacity: people,
      });
      ids.push(slot.id);
    }
    return ids;
  });
  const signUps = Array.from({ length: scale.registrations }, (_, i) => ({
    slotId: slotIds[i % meetings]!,
    personId: personIds[Math.floor(i / meetings)]!,
  }));
  await inBatches(signUps, (batch) =>
    withTenant(db, { tenantId }, async (tx) => {
      for (const signUp of batch) await registerForSlot(tx, { tenantId, ...signUp, now });
    }),
  );

  await inBatches(
    Array.from({ length: scale.lessons }, (_, i) => i),
    (batch) =>
      withTenant(db, { tenantId, personId: coordinatorId }, async (tx) => {
        for (const i of batch) {
          const lesson = await recordLesson(tx, {
            programmeTenantId: tenantId,
            trajectoryId: trajectoryIds[i % trajectoryIds.length]!,
            municipalityId: municipalityIds[i % municipalityIds.length],
            kind: "municipal",
            theme: "bench",
            title: `Les ${i} over participatie en bewonersbudgetten`,
            body: `Wat gemeente ${i % scale.municipalities} leerde over participatie: ${"bewoners praten mee, de raad besluit. ".repeat(30)}`,
            actorPersonId: coordinatorId,
          });
          await publishLesson(tx, {
            programmeTenantId: tenantId,
            lessonId: lesson.id,
            actorPersonId: coordinatorId,
            now,
          });
        }
      }),
  );
  return {
    municipalities: municipalityIds.length,
    applications,
    registrations: signUps.length,
    lessons: scale.lessons,
  };
}
