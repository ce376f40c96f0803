import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { createRound, getRound } from "../../../src/domain/budgeting/index.ts";
import { createCouncil, requestAdvice } from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole } from "../../../src/domain/identity/index.ts";
import { createFund } from "../../../src/domain/initiatives/index.ts";
import {
  createProcess,
  getProcess,
  publishProcess,
  setParticipationRule,
  submitEvaluation,
} from "../../../src/domain/processes/index.ts";
import { addDays, dutchDateOf } from "../../../src/domain/shared/index.ts";
import { createTenant } from "../../../src/domain/tenancy/index.ts";
import { loadPdfTheme } from "../../../src/platform/pdf/index.ts";
import { KNAPSACK, NO_DATES } from "../../../tests/support/budgeting-fixtures.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { readPdf } from "../../../tests/support/pdf.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { processCardPdf } from "../../server/process-card.server.ts";
import * as adviceRegister from "../advice/public-register.tsx";
import * as processesApi from "../api/processes.ts";
import * as round from "../budgeting/round.tsx";
import * as publicFunds from "../initiative-funds/public-funds.tsx";
import * as card from "./card.tsx";
import * as staffProcess from "./staff-process.tsx";
import * as staffProcesses from "./staff-processes.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let a: { id: string; slug: string };
let b: { id: string; slug: string };
let staffA: string;
let staffB: string;
let cookieA: string;
let cookieB: string;
const NOW = new Date("2026-03-02T10:00:00Z");
const SLUG = "dorpsvisie-aldorp-2030";

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  [a, b] = await givenTwoMunicipalities(handle);
  [staffA, staffB] = await withPlatform(handle.db, async (tx) => {
    const one = await findOrCreatePerson(tx, { email: "staf@aldorp.nl", displayName: "Staf A" });
    const two = await findOrCreatePerson(tx, { email: "staf@beekstad.nl", displayName: "Staf B" });
    await grantRole(tx, { tenantId: a.id, personId: one.id, role: "municipal-staff" });
    await grantRole(tx, { tenantId: b.id, personId: two.id, role: "municipal-coordinator" });
    return [one.id, two.id];
  });
  cookieA = await harness.signIn(staffA);
  cookieB = await harness.signIn(staffB);
  await withTenant(handle.db, { tenantId: a.id }, (tx) =>
    setParticipationRule(tx, {
      tenantId: a.id,
      decisionKind: "dorpsvisie",
      label: "Dorpsvisie",
      needsPlan: true,
      minimumLevel: "meebeslissen",
      actorPersonId: staffA,
    }),
  );
});
afterAll(() => handle.close());

const staff = `/${"{slug}"}/beheer/processen`;
const staffPath = (slug: string, rest = "") => `${staff.replace("{slug}", slug)}${rest}`;
const act = (
  module: { action: (args: never) => Promise<unknown> },
  path: string,
  cookie: string,
  fields: Record<string, string>,
  params: Record<string, string>,
) =>
  answerOf(() =>
    module.action({ request: harness.post(path, cookie, fields), context: harness.context(), params } as never),
  );
const read = (
  module: { loader: (args: never) => Promise<unknown> },
  path: string,
  cookie: string,
  params: Record<string, string>,
) => answerOf(() => module.loader({ request: harness.get(path, cookie), context: harness.context(), params } as never));
const processOf = () =>
  withTenant(handle.db, { tenantId: a.id }, (tx) => getProcess(tx, { tenantId: a.id, slug: SLUG }));

describe("the staff pages of processes", () => {
  it("start a process from a template; bad input is refused with a message and changes nothing", async () => {
    const path = staffPath(a.slug);
    const bad = await act(
      staffProcesses,
      path,
      cookieA,
      { intent: "create", template: "dorpsvisie", title: "", startsOn: "2026-02-30", responsible: "Team Ruimte" },
      { gemeente: a.slug },
    );
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({ title: ["form.required"], startsOn: ["form.date"] });
    const created = await act(
      staffProcesses,
      path,
      cookieA,
      {
        intent: "create",
        template: "dorpsvisie",
        title: "Dorpsvisie Aldorp 2030",
        startsOn: "2026-04-01",
        responsible: "Team Ruimte",
      },
      { gemeente: a.slug },
    );
    expect(created.location).toBe(`${path}/${SLUG}?melding=created`);
    const again = await act(
      staffProcesses,
      path,
      cookieA,
      {
        intent: "create",
        template: "dorpsvisie",
        title: "Dorpsvisie Aldorp 2030",
        startsOn: "2026-04-01",
        responsible: "Team Ruimte",
      },
      { gemeente: a.slug },
    );
    expect(again).toMatchObject({ status: 409, errors: { title: ["processes.error.slugTaken"] } });
    const process = await processOf();
    expect(process?.status).toBe("draft");
    expect(process?.phases.length).toBeGreaterThan(2);
  });

  it("refuses another municipality's staff, to read and to write", async () => {
    const params = { gemeente: a.slug, proces: SLUG };
    expect((await read(staffProcess, staffPath(a.slug, `/${SLUG}`), cookieB, params)).status).toBe(403);
    expect((await read(staffProcesses, staffPath(a.slug), cookieB, { gemeente: a.slug })).status).toBe(403);
    const write = await act(
      staffProcess,
      staffPath(a.slug, `/${SLUG}`),
      cookieB,
      { intent: "publish", acceptFlags: "on" },
      params,
    );
    expect(write.status).toBe(403);
    // Under its own municipality B does not find A's process.
    expect(
      (await read(staffProcess, staffPath(b.slug, `/${SLUG}`), cookieB, { gemeente: b.slug, proces: SLUG })).status,
    ).toBe(404);
    expect((await processOf())?.status).toBe("draft");
  });

  it("flags a process below its ordinance rule before publishing, and publishes only when staff accept", async () => {
    const params = { gemeente: a.slug, proces: SLUG };
    const page = await read(staffProcess, staffPath(a.slug, `/${SLUG}`), cookieA, params);
    const loaded = page.body as unknown as Awaited<ReturnType<typeof staffProcess.loader>>;
    expect(loaded.flags).toEqual([
      expect.objectContaining({ kind: "below-minimum", rule: "Dorpsvisie", minimum: "meebeslissen" }),
    ]);
    const refused = await act(staffProcess, staffPath(a.slug, `/${SLUG}`), cookieA, { intent: "publish" }, params);
    expect(refused).toMatchObject({ status: 409, errors: { acceptFlags: ["processes.error.belowOrdinance"] } });
    expect((await processOf())?.status).toBe("draft");

    // A phase raised to the rule's level clears the flag; a bad date on the way changes nothing.
    const phase = (await processOf())!.phases.at(-2)!;
    const fields = {
      intent: "phase",
      phase: phase.id,
      title: phase.title,
      startsOn: phase.startsOn,
      endsOn: phase.endsOn,
      level: "meebeslissen",
      participants: "inwoners, dorpsraad",
    };
    const badDates = await act(
      staffProcess,
      staffPath(a.slug, `/${SLUG}`),
      cookieA,
      { ...fields, endsOn: "2020-01-01" },
      params,
    );
    expect(badDates).toMatchObject({ status: 400, errors: { endsOn: ["processes.error.phaseDates"] } });
    expect((await processOf())!.phases.at(-2)!.level).toBe(phase.level);
    const saved = await act(staffProcess, staffPath(a.slug, `/${SLUG}`), cookieA, fields, params);
    expect(saved.status).toBe(302);
    const after = await read(staffProcess, staffPath(a.slug, `/${SLUG}`), cookieA, params);
    expect((after.body as unknown as Awaited<ReturnType<typeof staffProcess.loader>>).flags).toEqual([]);
    const published = await act(staffProcess, staffPath(a.slug, `/${SLUG}`), cookieA, { intent: "publish" }, params);
    expect(published.location).toBe(`${staffPath(a.slug)}/${SLUG}?melding=publish`);
    expect((await processOf())?.status).toBe("published");
  });

  it("publishes feedback point by point; a point without a reason changes nothing", async () => {
    const params = { gemeente: a.slug, proces: SLUG };
    const moment = (await processOf())!.phases.flatMap((p) => p.moments)[0]!;
    const incomplete = await act(
      staffProcess,
      staffPath(a.slug, `/${SLUG}`),
      cookieA,
      {
        intent: "feedback",
        moment: moment.id,
        "points[0].point": "Meer groen",
        "points[0].outcome": "taken-over",
        "points[0].reason": "",
      },
      params,
    );
    expect(incomplete).toMatchObject({ status: 400, errors: { "points[0].reason": ["processes.reason.required"] } });
    const none = await withTenant(handle.db, { tenantId: a.id }, (tx) => tx.select().from(schema.processFeedback));
    expect(none).toEqual([]);
    const done = await act(
      staffProcess,
      staffPath(a.slug, `/${SLUG}`),
      cookieA,
      {
        intent: "feedback",
        moment: moment.id,
        "points[0].point": "Meer groen op het plein",
        "points[0].outcome": "taken-over",
        "points[0].reason": "Past in het budget.",
        "points[1].point": "",
        "points[2].point": "Een parkeergarage",
        "points[2].outcome": "not",
        "points[2].reason": "Te duur voor een dorp.",
      },
      params,
    );
    expect(done.status).toBe(302);
    const feedback = (await processOf())!.phases.flatMap((p) => p.moments).find((m) => m.id === moment.id)!.feedback;
    expect(feedback.map((f) => [f.position, f.outcome])).toEqual([
      [1, "taken-over"],
      [2, "not"],
    ]);
  });

  it("lets a resident follow with double opt-in: a confirmation mail, no follower until confirmed", async () => {
    const params = { gemeente: a.slug, proces: SLUG };
    const bad = await act(card, `/${a.slug}/processen/${SLUG}`, "", { intent: "follow", email: "geen-adres" }, params);
    expect(bad).toMatchObject({ status: 400, errors: { email: ["form.email"] } });
    const ok = await act(
      card,
      `/${a.slug}/processen/${SLUG}`,
      "",
      { intent: "follow", email: "Inwoner@Example.org" },
      params,
    );
    expect(ok.location).toBe(`/${a.slug}/processen/${SLUG}?melding=follow#volgen`);
    const follows = await withTenant(handle.db, { tenantId: a.id }, (tx) => tx.select().from(schema.follows));
    expect(follows).toHaveLength(1);
    expect(follows[0]).toMatchObject({ email: "inwoner@example.org", confirmedAt: null });
    const mails = await handle.db.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"));
    expect(mails.map((job) => (job.payload as { template: string }).template)).toContain("follow-confirm");
  });

  it("serves the card to the public and the open data, and hides drafts", async () => {
    const page = await read(card, `/${a.slug}/processen/${SLUG}`, "", { gemeente: a.slug, proces: SLUG });
    expect(page.status).toBe(200);
    const api = await answerOf(() =>
      processesApi.loader({
        request: new Request(`http://samenspel.test/api/v1/municipalities/${a.slug}/processes`),
        context: harness.context(),
        params: { slug: a.slug },
      } as never),
    );
    const body = (await (api.response as Response).json()) as {
      items: { slug: string; cardPdf: string; phases: { level: string; moments: { feedback: unknown[] }[] }[] }[];
    };
    expect(body.items.map((p) => p.slug)).toEqual([SLUG]);
    expect(body.items[0]!.cardPdf).toBe(`http://samenspel.test/${a.slug}/processen/${SLUG}/kaart.pdf`);
    expect(body.items[0]!.phases.map((p) => p.level)).toContain("meebeslissen");
    expect(body.items[0]!.phases.flatMap((p) => p.moments).flatMap((m) => m.feedback)).toHaveLength(2);
    await withTenant(handle.db, { tenantId: b.id }, (tx) =>
      createProcess(tx, {
        tenantId: b.id,
        template: "herindeling",
        title: "Concept",
        startsOn: "2026-04-01",
        responsible: "Griffie",
        actorPersonId: null,
        now: NOW,
      }),
    );
    expect((await read(card, `/${b.slug}/processen/concept`, "", { gemeente: b.slug, proces: "concept" })).status).toBe(
      404,
    );
    expect((await read(card, `/${b.slug}/processen/${SLUG}`, "", { gemeente: b.slug, proces: SLUG })).status).toBe(404);
  });

  it("links a moment to a burgerbegroting round of the same municipality only, and the round links back", async () => {
    const params = { gemeente: a.slug, proces: SLUG };
    const [ownRound, otherRound] = await Promise.all([
      withTenant(handle.db, { tenantId: a.id }, (tx) =>
        createRound(tx, {
          tenantId: a.id,
          slug: "bb-aldorp",
          title: "Burgerbegroting Aldorp",
          body: "",
          rules: KNAPSACK,
          areas: [{ name: "Aldorp", budgetEuros: 50_000 }],
          schedule: NO_DATES,
          idempotencyKey: null,
          actorPersonId: staffA,
          now: NOW,
        }),
      ),
      withTenant(handle.db, { tenantId: b.id }, (tx) =>
        createRound(tx, {
          tenantId: b.id,
          slug: "bb-beekstad",
          title: "Burgerbegroting Beekstad",
          body: "",
          rules: KNAPSACK,
          areas: [{ name: "Beekstad", budgetEuros: 50_000 }],
          schedule: NO_DATES,
          idempotencyKey: null,
          actorPersonId: staffB,
          now: NOW,
        }),
      ),
    ]);
    const moment = (await processOf())!.phases.flatMap((p) => p.moments)[0]!;
    const opens = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(moment.opensAt);
    const fields = {
      intent: "moment",
      moment: moment.id,
      version: String(moment.version),
      title: moment.title,
      subject: moment.subject,
      method: "pb-round",
      methodDetail: "",
      opensOn: opens,
      opensTime: "09:00",
      closesOn: opens,
      closesTime: "17:00",
      feedbackOn: moment.feedbackOn,
      feedbackHow: moment.feedbackHow,
    };
    const foreign = await act(
      staffProcess,
      staffPath(a.slug, `/${SLUG}`),
      cookieA,
      { ...fields, round: otherRound.id },
      params,
    );
    expect(foreign).toMatchObject({ status: 422, errors: { round: ["processes.error.roundNotFound"] } });
    expect((await processOf())!.phases.flatMap((p) => p.moments)[0]!.method).toBe(moment.method);
    const linked = await act(
      staffProcess,
      staffPath(a.slug, `/${SLUG}`),
      cookieA,
      { ...fields, round: ownRound.id },
      params,
    );
    expect(linked.status).toBe(302);
    const after = (await processOf())!.phases.flatMap((p) => p.moments).find((m) => m.id === moment.id)!;
    expect(after.round).toMatchObject({ slug: "bb-aldorp", phase: "preparation" });
    // A form filled in before that change is refused: it would undo the link unseen.
    const stale = await act(
      staffProcess,
      staffPath(a.slug, `/${SLUG}`),
      cookieA,
      { ...fields, method: "meeting", round: "" },
      params,
    );
    expect(stale).toMatchObject({ status: 409, errors: { "": ["processes.error.momentChanged"] } });
    expect((await processOf())!.phases.flatMap((p) => p.moments).find((m) => m.id === moment.id)).toMatchObject({
      method: "pb-round",
      version: after.version,
    });
    const roundPage = await read(round, `/${a.slug}/burgerbegroting/bb-aldorp`, "", {
      gemeente: a.slug,
      ronde: "bb-aldorp",
    });
    expect((roundPage.body as unknown as { processes: { slug: string }[] }).processes).toEqual([
      expect.objectContaining({ slug: SLUG }),
    ]);
    expect(
      await withTenant(handle.db, { tenantId: a.id }, (tx) => getRound(tx, { tenantId: a.id, id: ownRound.id })),
    ).toBeTruthy();
  });
});

describe("moments that are another instrument", () => {
  it("link to an advice request or a fund of the same municipality only, one at a time, and those pages link back", async () => {
    const params = { gemeente: a.slug, proces: SLUG };
    const kern = await givenKern(handle, a.id, "Aldorp");
    const { adviceId, ownFund } = await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
      const council = await createCouncil(tx, {
        tenantId: a.id,
        slug: "dorpsraad-aldorp",
        name: "Dorpsraad Aldorp",
        kind: "village-council",
        basis: "association",
        basisUrl: null,
        description: "",
        memberSeats: 5,
        areaIds: [kern],
        actorPersonId: staffA,
        now: NOW,
      });
      const advice = await requestAdvice(tx, {
        tenantId: a.id,
        councilId: council.id,
        subject: "Het nieuwe dorpsplein",
        question: "Wat vindt de raad van het ontwerp?",
        actorPersonId: staffA,
        now: NOW,
      });
      return { adviceId: advice.id, ownFund: await givenFund(tx, a.id, "dorpsfonds") };
    });
    const otherFund = await withTenant(handle.db, { tenantId: b.id }, (tx) => givenFund(tx, b.id, "buurtfonds"));
    const moment = (await processOf())!.phases.flatMap((p) => p.moments)[0]!;
    const opens = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(moment.opensAt);
    const fields = {
      intent: "moment",
      moment: moment.id,
      title: moment.title,
      subject: moment.subject,
      methodDetail: "",
      opensOn: opens,
      opensTime: "09:00",
      closesOn: opens,
      closesTime: "17:00",
      feedbackOn: moment.feedbackOn,
      feedbackHow: moment.feedbackHow,
    };
    // Each save is filled in on the moment as it is now.
    const save = async (more: Record<string, string>) => {
      const version = String((await linkedMoment()).version);
      return act(staffProcess, staffPath(a.slug, `/${SLUG}`), cookieA, { ...fields, version, ...more }, params);
    };
    const linkedMoment = async () =>
      (await processOf())!.phases.flatMap((p) => p.moments).find((m) => m.id === moment.id)!;

    const foreign = await save({ method: "fund-round", fund: otherFund.id });
    expect(foreign).toMatchObject({ status: 422, errors: { fund: ["processes.error.fundNotFound"] } });

    // The advice request; a round chosen beside it is not kept, since the method names the advice.
    const round = (await linkedMoment()).budgetRoundId!;
    expect((await save({ method: "council-advice", advice: adviceId, round })).status).toBe(302);
    const asAdvice = await linkedMoment();
    expect(asAdvice).toMatchObject({ budgetRoundId: null, fundId: null, adviceId });
    expect(asAdvice.advice).toMatchObject({ council: "Dorpsraad Aldorp", status: "requested" });
    const register = await read(adviceRegister, `/${a.slug}/advies`, "", { gemeente: a.slug });
    expect((register.body as unknown as { processes: unknown[] }).processes).toEqual([
      expect.objectContaining({ linkedId: adviceId, slug: SLUG, moment: moment.title }),
    ]);

    expect((await save({ method: "fund-round", fund: ownFund.id })).status).toBe(302);
    expect(await linkedMoment()).toMatchObject({ adviceId: null, fundId: ownFund.id, fund: { slug: "dorpsfonds" } });
    const funds = await read(publicFunds, `/${a.slug}/fondsen`, "", { gemeente: a.slug });
    expect((funds.body as unknown as { funds: { slug: string; processes: unknown[] }[] }).funds).toEqual([
      expect.objectContaining({ slug: "dorpsfonds", processes: [expect.objectContaining({ slug: SLUG })] }),
    ]);
    const api = await read(processesApi, `/api/v1/municipalities/${a.slug}/processes`, "", { slug: a.slug });
    expect(JSON.stringify(await (api.response as Response).json())).toContain('"fund":{"slug":"dorpsfonds"');

    // The database holds the rule too: a link the method does not name is refused.
    await expect(
      withTenant(handle.db, { tenantId: a.id }, (tx) =>
        tx.update(schema.processMoments).set({ adviceId }).where(eq(schema.processMoments.id, moment.id)),
      ),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ constraint: "process_moments_instrument" }) });
  });
});

/** A fund with simple rules, as staff would set one up. */
function givenFund(tx: Parameters<Parameters<typeof withTenant>[2]>[0], tenantId: string, slug: string) {
  return createFund(tx, {
    tenantId,
    slug,
    name: `Fonds ${slug}`,
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
    actorPersonId: null,
    now: NOW,
  });
}

describe("the printable card", () => {
  it("is one A4 page holding the title, the phases and their levels, as text", async () => {
    const process = (await processOf())!;
    const bytes = await processCardPdf({
      process,
      theme: await loadPdfTheme({ slug: a.slug, name: "Gemeente Aldorp" }),
      locale: "nl",
      url: `http://samenspel.test/${a.slug}/processen/${SLUG}`,
      createdAt: NOW,
    });
    const pdf = await readPdf(bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.title).toBe(process.title);
    const text = pdf.text[0]!.replace(/\s+/g, " ");
    expect(text).toContain("Dorpsvisie Aldorp 2030");
    for (const phase of process.phases) expect(text).toContain(phase.title);
    expect(text).toContain("Niveau: Meebeslissen.");
    expect(text).toContain("Niveau: Informeren.");
  });
});

describe("evaluations and lessons", () => {
  it("turns a remark into one draft lesson in the programme's knowledge bundle, once", async () => {
    const { programmeId, trajectoryId } = await withPlatform(handle.db, async (tx) => {
      const programme = await createTenant(tx, {
        slug: "democratie-in-actie",
        name: "Democratie in Actie",
        kind: "programme",
      });
      const [trajectory] = await tx
        .insert(schema.trajectories)
        .values({
          tenantId: programme.id,
          slug: "spelregels-voor-democratische-processen",
          title: "Spelregels",
          theme: "spelregels",
          summary: "s",
        })
        .returning();
      return { programmeId: programme.id, trajectoryId: trajectory!.id };
    });
    // A process that has run its course: the evaluation opens once the machine has it closed.
    const closed = await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
      const { id } = await createProcess(tx, {
        tenantId: a.id,
        template: "herindeling",
        title: "Herindeling Aldorp",
        startsOn: "2025-01-06",
        responsible: "Griffie",
        actorPersonId: null,
        now: NOW,
      });
      await publishProcess(tx, {
        tenantId: a.id,
        tenantSlug: a.slug,
        processId: id,
        acceptFlags: true,
        actorPersonId: null,
        now: NOW,
      });
      await tx
        .update(schema.phaseTracks)
        .set({ phase: "closed" })
        .where(and(eq(schema.phaseTracks.subjectId, id), eq(schema.phaseTracks.tenantId, a.id)));
      await submitEvaluation(tx, {
        tenantId: a.id,
        processId: id,
        clear: 4,
        heard: 2,
        feedbackGood: 3,
        remark: "Zeg eerder wat vastligt.",
        idempotencyKey: "evaluatie-0000000001",
        now: NOW,
      });
      return id;
    });
    const params = { gemeente: a.slug, proces: "herindeling-aldorp" };
    const page = await read(staffProcess, staffPath(a.slug, "/herindeling-aldorp"), cookieA, params);
    const { evaluations } = page.body as unknown as Awaited<ReturnType<typeof staffProcess.loader>>;
    expect(evaluations).toMatchObject({ count: 1, clear: 4, heard: 2, feedbackGood: 3 });
    const remark = evaluations.remarks[0]!;
    for (let i = 0; i < 2; i++) {
      const done = await act(
        staffProcess,
        staffPath(a.slug, "/herindeling-aldorp"),
        cookieA,
        { intent: "lesson", evaluation: remark.id },
        params,
      );
      expect(done.status).toBe(302);
    }
    const lessons = await withTenant(handle.db, { tenantId: programmeId }, (tx) => tx.select().from(schema.lessons));
    expect(lessons).toEqual([
      expect.objectContaining({
        trajectoryId,
        municipalityId: a.id,
        body: "Zeg eerder wat vastligt.",
        publishedAt: null,
      }),
    ]);
    expect(closed).toBeTruthy();
  });
});

describe("adding and removing phases", () => {
  const slug = "zonnepark-aldorp";
  const path = () => staffPath(a.slug, `/${slug}`);
  const params = () => ({ gemeente: a.slug, proces: slug });
  const post = (fields: Record<string, string>) => act(staffProcess, path(), cookieA, fields, params());
  const zonnepark = async () =>
    (await withTenant(handle.db, { tenantId: a.id }, (tx) => getProcess(tx, { tenantId: a.id, slug })))!;
  const phaseFields = (stage: string, startsOn: string, endsOn: string) => ({
    intent: "add-phase",
    stage,
    title: "Uitvoering met de buurt",
    startsOn,
    endsOn,
    level: "coproduceren",
    participants: "omwonenden, dorpsraad",
  });

  it("adds a phase; bad input, a used stage or an overlap is refused with a message and changes nothing", async () => {
    // Its first phase began five days ago: the clock is the app's, and the next-year run moves it.
    await withTenant(handle.db, { tenantId: a.id }, (tx) =>
      createProcess(tx, {
        tenantId: a.id,
        template: "omgevingsvergunning",
        title: "Zonnepark Aldorp",
        startsOn: addDays(dutchDateOf(new Date()), -5),
        responsible: "Team Ruimte",
        actorPersonId: staffA,
        now: new Date(),
      }),
    );
    const before = await zonnepark();
    expect(before.phases.map((p) => p.stage)).toEqual(["set-up", "ideas", "decision"]);
    const last = before.phases.at(-1)!;
    const after = [addDays(last.endsOn, 1), addDays(last.endsOn, 60)] as const;

    const bad = await post({ ...phaseFields("realisation", ...after), title: "", stage: "later" });
    expect(bad).toMatchObject({
      status: 400,
      errors: {
        stage: ["processes.stage.required"],
        title: ["form.required"],
      },
    });
    const used = await post(phaseFields("decision", ...after));
    expect(used).toMatchObject({ status: 409, errors: { stage: ["processes.error.stageTaken"] } });
    const overlap = await post(phaseFields("realisation", last.endsOn, after[1]));
    expect(overlap).toMatchObject({ status: 422, errors: { startsOn: ["processes.error.phaseOverlap"] } });
    expect((await zonnepark()).phases).toEqual(before.phases);

    const added = await post(phaseFields("realisation", ...after));
    expect(added.location).toBe(`${staffPath(a.slug)}/${slug}?melding=add-phase`);
    expect((await zonnepark()).phases.map((p) => [p.stage, p.level, p.participants])).toEqual([
      ["set-up", "informeren", expect.any(Array)],
      ["ideas", expect.any(String), expect.any(Array)],
      ["decision", expect.any(String), expect.any(Array)],
      ["realisation", "coproduceren", ["omwonenden", "dorpsraad"]],
    ]);
  });

  it("removes a draft's phase at once; another municipality's staff cannot", async () => {
    const realisation = (await zonnepark()).phases.at(-1)!;
    const remove = { intent: "remove-phase", phase: realisation.id };
    expect((await act(staffProcess, path(), cookieB, remove, params())).status).toBe(403);
    expect((await zonnepark()).phases).toHaveLength(4);
    const removed = await post(remove);
    expect(removed.location).toBe(`${staffPath(a.slug)}/${slug}?melding=remove-phase`);
    expect((await zonnepark()).phases.map((p) => p.stage)).toEqual(["set-up", "ideas", "decision"]);
  });

  it("once published, removes only a phase that has not started, and only with a reason", async () => {
    const published = await post({ intent: "publish", acceptFlags: "on" });
    expect(published.status).toBe(302);
    const [setUp, ideas, decision] = (await zonnepark()).phases;
    const started = await post({ intent: "remove-phase", phase: setUp!.id, reason: "Niet meer nodig" });
    expect(started).toMatchObject({ status: 409, errors: { "": ["processes.error.phaseStarted"] } });
    const noReason = await post({ intent: "remove-phase", phase: decision!.id, reason: " " });
    expect(noReason).toMatchObject({ status: 422, errors: { reason: ["processes.error.removeReason"] } });
    expect((await zonnepark()).phases).toHaveLength(3);
    // A phase added now must start after today.
    const past = await post(phaseFields("realisation", dutchDateOf(new Date()), addDays(dutchDateOf(new Date()), 5)));
    expect(past.status).toBe(422);

    const removed = await post({
      intent: "remove-phase",
      phase: ideas!.id,
      reason: "De buurt is al gehoord bij het omgevingsplan.",
    });
    expect(removed.status).toBe(302);
    expect((await zonnepark()).phases.map((p) => p.stage)).toEqual(["set-up", "decision"]);
    const [audit] = await withTenant(handle.db, { tenantId: a.id }, (tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "processes.phase-removed"), eq(schema.auditLog.subject, ideas!.id))),
    );
    expect(audit?.details).toMatchObject({
      status: "published",
      stage: "ideas",
      reason: "De buurt is al gehoord bij het omgevingsplan.",
    });
    // The staff page shows the started phase as fixed and offers the others' forms.
    const page = await read(staffProcess, path(), cookieA, params());
    expect((page.body as unknown as { today: string }).today).toBe(dutchDateOf(new Date()));
  });
});
