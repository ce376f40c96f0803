import { randomUUID } from "node:crypto";
import type { DatabaseHandle } from "../../src/db/index.ts";
import { withPlatform, withTenant } from "../../src/db/index.ts";
import { createCodeBatch } from "../../src/domain/budgeting/index.ts";
import { createCouncil, createMeeting, requestAdvice, seatMember } from "../../src/domain/councils/index.ts";
import { findOrCreatePerson } from "../../src/domain/identity/index.ts";
import { applyToFund, createFund, submitChallenge, submitInitiative } from "../../src/domain/initiatives/index.ts";
import { createProcess } from "../../src/domain/processes/index.ts";
import { moveApplication, submitApplication } from "../../src/domain/programme/index.ts";
import type { Tenant } from "../../src/domain/tenancy/index.ts";
import { givenRound, MARCH } from "./budgeting-fixtures.ts";
import { givenKern } from "./tenant-fixtures.ts";

export type StaffRecordContext = {
  handle: DatabaseHandle;
  municipality: Tenant;
  programmeTenantId: string;
  trajectoryId: string;
  /** Staff of the municipality, and of the programme for the programme's steps. */
  personId: string;
};

/**
 * One real record of every kind a municipal staff page is about, named by the route parameter that points at it
 * (`:areaId`, `:ronde`, …). The tenancy test opens every staff page with these, in the own municipality (must
 * answer 200) and with another municipality's records (must not). A staff page with a new parameter fails that test
 * until its record is made here.
 */
export async function givenStaffRecords(o: StaffRecordContext): Promise<Record<string, string>> {
  const { handle, municipality, personId } = o;
  const tenantId = municipality.id;
  const areaId = await givenKern(handle, tenantId, `Kern van ${municipality.name}`);
  const round = await givenRound(handle.db, { tenantId, personId, until: "voting" });
  const { batchId } = await withTenant(handle.db, { tenantId }, (tx) =>
    createCodeBatch(tx, {
      tenantId,
      roundId: round.roundId,
      roundAreaId: round.areas[0]!.id,
      size: 2,
      key: "tenancy-test",
      actorPersonId: personId,
      now: MARCH(4),
    }),
  );
  const application = await withTenant(handle.db, { tenantId, personId }, (tx) =>
    submitApplication(tx, {
      programmeTenantId: o.programmeTenantId,
      trajectoryId: o.trajectoryId,
      municipalityId: tenantId,
      personId,
      project: "Kernen aan zet",
      learningQuestion: "Hoe geven we kernen zeggenschap?",
      commitment: { college: "wethouder", council: "raadsbreed", civilService: "team participatie" },
      contacts: [{ name: "A. de Vries", email: `contact@${municipality.slug}.example`, role: "coördinator" }],
      now: MARCH(5),
    }),
  );
  for (const to of ["intake-scheduled", "intake-held", "admitted"] as const) {
    await withTenant(handle.db, { tenantId: o.programmeTenantId, personId }, (tx) =>
      moveApplication(tx, {
        programmeTenantId: o.programmeTenantId,
        applicationId: application.id,
        to,
        actorPersonId: personId,
        now: MARCH(6),
        ...(to === "intake-scheduled" ? { intakeAt: MARCH(10) } : {}),
      }),
    );
  }
  const council = await withTenant(handle.db, { tenantId }, (tx) =>
    createCouncil(tx, {
      tenantId,
      // Its own slug per municipality, so B's council cannot be found under A's address by the same name.
      slug: `dorpsraad-${municipality.slug}`,
      name: `Dorpsraad ${municipality.name}`,
      kind: "village-council",
      basis: "association",
      basisUrl: null,
      description: "",
      memberSeats: 5,
      areaIds: [areaId],
      actorPersonId: personId,
      now: MARCH(7),
    }),
  );
  // The council's own secretary prepares its meeting, so the record exists whatever rights the staff person has here.
  const secretary = await withPlatform(handle.db, (tx) =>
    findOrCreatePerson(tx, { email: `secretaris@${municipality.slug}.example`, displayName: "Secretaris" }),
  );
  const meeting = await withTenant(handle.db, { tenantId }, async (tx) => {
    const seat = { tenantId, councilId: council.id, actorPersonId: null, now: MARCH(7) };
    await seatMember(tx, {
      ...seat,
      role: "secretary",
      name: "Secretaris",
      personId: secretary.id,
      startsOn: "2026-01-01",
      endsOn: null,
    });
    return createMeeting(tx, {
      tenantId,
      councilId: council.id,
      title: "Dorpsraadvergadering",
      startsAt: MARCH(20),
      endsAt: new Date(MARCH(20).getTime() + 2 * 3600_000),
      place: "Dorpshuis",
      onlineUrl: null,
      idempotencyKey: "tenancy-test-meeting",
      actorPersonId: secretary.id,
      now: MARCH(7),
    });
  });
  const process = await withTenant(handle.db, { tenantId }, (tx) =>
    createProcess(tx, {
      tenantId,
      template: "dorpsvisie",
      title: `Dorpsvisie ${municipality.name}`,
      startsOn: "2026-04-01",
      responsible: "Team Ruimte",
      actorPersonId: personId,
      now: MARCH(8),
    }),
  );
  const advice = await withTenant(handle.db, { tenantId }, (tx) =>
    requestAdvice(tx, {
      tenantId,
      councilId: council.id,
      subject: "Dorpsplein",
      question: "Wat vindt de raad van het ontwerp?",
      actorPersonId: personId,
      now: MARCH(8),
    }),
  );
  const { fund, fundApplication } = await withTenant(handle.db, { tenantId }, async (tx) => {
    const fund = await createFund(tx, {
      tenantId,
      // Each municipality's own slug, so that B's fund cannot be found under A's address by its name.
      slug: `initiatievenfonds-${municipality.slug}`,
      name: `Initiatievenfonds ${municipality.name}`,
      description: "",
      maxPerApplicationCents: 500_000,
      yearlyBudgetCents: 1_000_000,
      coFinancingPercent: null,
      hourValueCents: null,
      leadTimeDays: 0,
      decisionTermLength: 8,
      decisionTermUnit: "weeks",
      extensionLength: 4,
      intake: "continuous",
      decisionDates: [],
      criteria: ["Voor en door bewoners"],
      requiredDocuments: [],
      advancePercent: 80,
      reportTermWeeks: 8,
      actorPersonId: personId,
      now: MARCH(8),
    });
    const fundApplication = await applyToFund(tx, {
      tenantId,
      fundId: fund.id,
      applicantId: personId,
      title: "Buurtfeest",
      description: "Een feest in de straat",
      areaId,
      activityOn: "2026-06-01",
      totalCostCents: 100_000,
      requestedCents: 100_000,
      ownMoneyCents: 0,
      ownHours: 0,
      documents: [],
      idempotencyKey: "tenancy-test",
      url: (id) => `http://samenspel.test/${municipality.slug}/fondsen/aanvraag/${id}`,
      now: MARCH(8),
    });
    return { fund, fundApplication };
  });
  const initiative = await withTenant(handle.db, { tenantId }, (tx) =>
    submitInitiative(tx, {
      tenantId,
      title: "Buurtmoestuin",
      description: "Een moestuin op het grasveld.",
      areaId,
      location: "Grasveld",
      involved: "Buren",
      support: ["money"],
      supportNote: "",
      initiatorName: "Initiatiefnemer",
      initiatorEmail: `initiatief@${municipality.slug}.example`,
      locale: "nl",
      showcase: false,
      submittedById: null,
      idempotencyKey: randomUUID(),
      urls: {
        initiator: (token) => `https://example.org/${token}`,
        lostLink: "https://example.org/link-kwijt",
        staff: (id) => `https://example.org/${id}`,
      },
      now: MARCH(9),
    }),
  );
  const challenge = await withTenant(handle.db, { tenantId }, (tx) =>
    submitChallenge(tx, {
      tenantId,
      task: "Onderhoud van het park",
      plan: "Wij maaien en snoeien zelf.",
      budgetCents: 500_000,
      neighbourhoodSupport: "120 handtekeningen",
      areaId,
      requester: "residents",
      organisation: null,
      contactName: "Bewoner",
      contactEmail: `uitdaging@${municipality.slug}.example`,
      locale: "nl",
      idempotencyKey: randomUUID(),
      registerUrl: "https://example.org/uitdaagrecht",
      now: MARCH(9),
    }),
  );
  return {
    initiativeId: initiative.id,
    challengeId: challenge.id,
    areaId,
    aanvraag: fundApplication.id,
    fonds: fund.slug,
    ronde: round.slug,
    batch: batchId,
    applicationId: application.id,
    raad: council.slug,
    vergadering: meeting.id,
    proces: process.slug,
    adviceId: advice.id,
  };
}
