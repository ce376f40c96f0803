import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { linkIn, type Mailbox, startMailbox } from "../../../tests/support/mailbox.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../db/index.ts";
import { createMailer, MAIL_JOB, mailJobHandler } from "../../mail/index.ts";
import { createLogger } from "../../platform/logger.ts";
import { type JobHandlers, runDueJobs } from "../../platform/queue/index.ts";
import { confirmFollow, followingJobHandlers, requestFollow, topicOf } from "../following/index.ts";
import { addDays, dutchTime, PHASES_ADVANCE_JOB, phaseJobHandlers } from "../shared/index.ts";
import { createTenant } from "../tenancy/index.ts";
import {
  addMoment,
  addPhase,
  checkOrdinance,
  createProcess,
  evaluationResults,
  getProcess,
  listProcesses,
  positionOf,
  processJobHandlers,
  processPhases,
  publishFeedback,
  publishProcess,
  removePhase,
  setParticipationRule,
  submitEvaluation,
  updateMoment,
  updatePhase,
} from "./index.ts";

const CREATED = new Date("2026-01-05T09:00:00Z");
let handle: DatabaseHandle;
let mailbox: Mailbox;
let tenantId: string;
const staffId: string | null = null;

beforeAll(async () => {
  [handle, mailbox] = await Promise.all([freshDatabase(), startMailbox()]);
  tenantId = await withPlatform(handle.db, async (tx) => {
    const tenant = await createTenant(tx, { slug: "veenhoven", name: "Gemeente Veenhoven", kind: "municipality" });
    return tenant.id;
  });
});
afterAll(() => Promise.all([handle.close(), mailbox.close()]));

const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(handle.db, { tenantId }, work);
const runJobs = async (now: Date) => {
  const mailer = createMailer({
    smtpUrl: mailbox.url,
    from: "Samenspel <noreply@test>",
    logger: createLogger("silent"),
  });
  const handlers: JobHandlers = {
    [MAIL_JOB]: mailJobHandler(mailer),
    ...followingJobHandlers(),
    ...processJobHandlers({ publicUrl: "http://test" }),
    ...phaseJobHandlers({ machines: [processPhases] }),
  };
  const advance = { id: 0, kind: PHASES_ADVANCE_JOB, payload: {}, attempts: 1 };
  await handlers[PHASES_ADVANCE_JOB]!({}, advance, { now, db: handle.db });
  for (let round = 0; round < 3; round++) await runDueJobs(handle.db, handlers, { now });
  mailer.close();
};

describe("a democratic process", () => {
  it("is flagged before publishing when it falls below the ordinance's minimum level", async () => {
    const flags = checkOrdinance(
      { decisionKind: "omgevingsvergunning", phases: [{ level: "raadplegen", moments: [] }] },
      [
        {
          id: "r",
          decisionKind: "omgevingsvergunning",
          label: "Omgevingsvergunning",
          needsPlan: true,
          minimumLevel: "adviseren",
        },
      ],
    );
    expect(flags).toEqual([
      { kind: "below-minimum", rule: "Omgevingsvergunning", minimum: "adviseren", highest: "raadplegen" },
      { kind: "no-moments", rule: "Omgevingsvergunning" },
    ]);
    expect(checkOrdinance({ decisionKind: "other", phases: [] }, [])).toEqual([]);

    const { id } = await inTenant(async (tx) => {
      await setParticipationRule(tx, {
        tenantId,
        decisionKind: "omgevingsvergunning",
        label: "Omgevingsvergunning buiten het plan",
        needsPlan: true,
        minimumLevel: "adviseren",
        actorPersonId: staffId,
      });
      return createProcess(tx, {
        tenantId,
        template: "omgevingsvergunning",
        title: "Zonnepark De Veenkoloniën",
        startsOn: "2026-02-02",
        responsible: "Team Ruimte",
        actorPersonId: staffId,
        now: CREATED,
      });
    });
    const publish = (acceptFlags: boolean) =>
      inTenant((tx) =>
        publishProcess(tx, {
          tenantId,
          tenantSlug: "veenhoven",
          processId: id,
          acceptFlags,
          actorPersonId: null,
          now: CREATED,
        }),
      );
    // The template's highest level is raadplegen: below the rule.
    await expect(publish(false)).rejects.toMatchObject({ code: "processes.below-ordinance" });
    const draft = await inTenant((tx) => getProcess(tx, { tenantId, id }));
    expect(draft?.status).toBe("draft");
    const ideas = draft!.phases.find((phase) => phase.stage === "ideas")!;
    await inTenant((tx) =>
      updatePhase(tx, {
        tenantId,
        phaseId: ideas.id,
        title: ideas.title,
        startsOn: ideas.startsOn,
        endsOn: ideas.endsOn,
        level: "adviseren",
        participants: ["omwonenden"],
        actorPersonId: null,
      }),
    ).catch((error) => {
      throw error;
    });
    await publish(false);
    expect((await inTenant((tx) => getProcess(tx, { tenantId, id })))?.status).toBe("published");
  });

  it("mails its followers when a moment opens and when feedback is published, and moves through its phases", async () => {
    const { id, slug } = await inTenant((tx) =>
      createProcess(tx, {
        tenantId,
        template: "dorpsvisie",
        title: "Dorpsvisie Veenhoven 2030",
        startsOn: "2026-02-02",
        responsible: "Team Dorpen",
        actorPersonId: staffId,
        now: CREATED,
      }),
    );
    expect(slug).toBe("dorpsvisie-veenhoven-2030");
    const process = (await inTenant((tx) => getProcess(tx, { tenantId, id })))!;
    expect(process.phases.map((p) => [p.stage, p.level])).toEqual([
      ["set-up", "informeren"],
      ["ideas", "raadplegen"],
      ["design", "coproduceren"],
      ["decision", "adviseren"],
      ["realisation", "coproduceren"],
      ["evaluation", "raadplegen"],
    ]);
    const ideas = process.phases[1]!;
    await inTenant((tx) =>
      addMoment(tx, {
        tenantId,
        tenantSlug: "veenhoven",
        phaseId: ideas.id,
        title: "Jongerenavond",
        subject: "Wat jongeren in het dorp willen",
        method: "meeting",
        methodDetail: "In de sporthal",
        opensAt: dutchTime("2026-03-10", "19:00"),
        closesAt: dutchTime("2026-03-20", "22:00"),
        feedbackOn: "2026-04-20",
        feedbackHow: "Op deze pagina",
        idempotencyKey: "jongerenavond-key-0001",
        actorPersonId: null,
        now: CREATED,
      }),
    );
    await inTenant((tx) =>
      publishProcess(tx, {
        tenantId,
        tenantSlug: "veenhoven",
        processId: id,
        acceptFlags: false,
        actorPersonId: null,
        now: CREATED,
      }),
    );
    await inTenant((tx) =>
      requestFollow(tx, {
        tenantId,
        email: "anna@example.org",
        topic: topicOf("process", id),
        title: "Dorpsvisie Veenhoven 2030",
        locale: "nl",
        linkFor: (token) => `http://test/veenhoven/volgen/bevestigen/${token}`,
        now: CREATED,
      }),
    );
    await runJobs(CREATED);
    const confirmation = await mailbox.waitForMail("anna@example.org");
    const token = linkIn(confirmation, "http://test/veenhoven/volgen/bevestigen/").split("/").at(-1)!;
    await inTenant((tx) => confirmFollow(tx, { tenantId, token, now: CREATED }));

    // 10 March: the evening opens; the phase machine has the process in its ideas phase.
    const opens = dutchTime("2026-03-10", "19:00");
    await runJobs(opens);
    // The template's two moments opened on 4 March; their jobs were due as well.
    const opened = [];
    for (let i = 0; i < 3; i++) opened.push(await mailbox.waitForMail("anna@example.org"));
    expect(opened.map((mail) => mail.subject).sort()).toEqual([
      "U kunt nu meedoen: Dorpsavond",
      "U kunt nu meedoen: Enquête",
      "U kunt nu meedoen: Jongerenavond",
    ]);
    expect(opened[0]!.text).toContain("http://test/veenhoven/processen/dorpsvisie-veenhoven-2030");
    const running = (await inTenant((tx) => getProcess(tx, { tenantId, id })))!;
    expect(running.trackPhase).toBe("ideas");
    expect(positionOf(running).current?.title).toBe("Ideeën ophalen");

    // Three days before it closes, a reminder.
    await runJobs(dutchTime("2026-03-17", "22:00"));
    expect((await mailbox.waitForMail("anna@example.org")).subject).toBe("Bijna gesloten: Jongerenavond");

    const moment = running.phases[1]!.moments.find((m) => m.title === "Jongerenavond")!;
    const feedback = (now: Date) =>
      inTenant((tx) =>
        publishFeedback(tx, {
          tenantId,
          momentId: moment.id,
          points: [
            { point: "Een plek voor jongeren", outcome: "taken-over", reason: "Staat in de visie." },
            { point: "Een skatebaan", outcome: "not", reason: "Geen ruimte binnen het budget." },
          ],
          processUrl: "http://test/veenhoven/processen/dorpsvisie-veenhoven-2030",
          unsubscribeBase: "http://test/veenhoven/volgen/afmelden",
          actorPersonId: null,
          now,
        }),
      );
    expect(await feedback(dutchTime("2026-04-15", "10:00"))).toEqual({ mailed: 1 });
    expect(await feedback(dutchTime("2026-04-16", "10:00"))).toEqual({ mailed: 0 });
    await runJobs(dutchTime("2026-04-16", "10:00"));
    expect((await mailbox.waitForMail("anna@example.org")).subject).toBe(
      "Wat er met uw inbreng is gedaan: Jongerenavond",
    );
    const published = (await inTenant((tx) => getProcess(tx, { tenantId, id, publishedOnly: true })))!;
    expect(published.phases[1]!.moments.find((m) => m.id === moment.id)?.feedback.map((f) => f.outcome)).toEqual([
      "taken-over",
      "not",
    ]);

    // Evaluation only once the process has closed.
    const evaluate = (key: string) =>
      inTenant((tx) =>
        submitEvaluation(tx, {
          tenantId,
          processId: id,
          clear: 4,
          heard: 3,
          feedbackGood: 5,
          remark: "Duidelijke kaart.",
          idempotencyKey: key,
          now: CREATED,
        }),
      );
    await expect(evaluate("evaluation-key-000001")).rejects.toMatchObject({ code: "processes.not-closed" });
    await runJobs(dutchTime("2027-10-01", "10:00"));
    const calendar = await inTenant((tx) => listProcesses(tx, { tenantId, publishedOnly: true }));
    expect(calendar.find((p) => p.id === id)?.trackPhase).toBe("closed");
    await evaluate("evaluation-key-000001");
    await evaluate("evaluation-key-000001");
    expect(await inTenant((tx) => evaluationResults(tx, { tenantId, processId: id }))).toMatchObject({
      count: 1,
      clear: 4,
      heard: 3,
      feedbackGood: 5,
      remarks: [{ remark: "Duidelijke kaart.", drafted: false }],
    });
  });
});

describe("adding and removing phases", () => {
  let processNumber = 0;
  /** A herindeling (set-up, ideas, decision) starting on 2 February 2026, a draft or published on 5 January. */
  const givenProcess = async (publish: boolean) => {
    processNumber += 1;
    return inTenant(async (tx) => {
      const { id } = await createProcess(tx, {
        tenantId,
        template: "herindeling",
        title: `Herindeling ${processNumber}`,
        startsOn: "2026-02-02",
        responsible: "Griffie",
        actorPersonId: null,
        now: CREATED,
      });
      if (publish) {
        await publishProcess(tx, {
          tenantId,
          tenantSlug: "veenhoven",
          processId: id,
          acceptFlags: true,
          actorPersonId: null,
          now: CREATED,
        });
      }
      return (await getProcess(tx, { tenantId, id }))!;
    });
  };
  const stagesOf = async (id: string) =>
    (await inTenant((tx) => getProcess(tx, { tenantId, id })))!.phases.map((phase) => phase.stage);
  const design = (processId: string, startsOn: string, endsOn: string, now = CREATED) =>
    inTenant((tx) =>
      addPhase(tx, {
        tenantId,
        processId,
        stage: "design",
        title: "Ontwerp",
        startsOn,
        endsOn,
        level: "coproduceren",
        participants: ["inwoners"],
        actorPersonId: null,
        now,
      }),
    );
  const remove = (processId: string, phaseId: string, reason: string | null, now = CREATED) =>
    inTenant((tx) => removePhase(tx, { tenantId, processId, phaseId, reason, actorPersonId: null, now }));

  it("adds a phase for a free stage between its neighbours' dates, once; an overlap or a used stage is refused", async () => {
    const process = await givenProcess(false);
    const [, ideas, decision] = process.phases;
    // The design stage comes between ideas and decision: it may not overlap either.
    await expect(design(process.id, ideas!.endsOn, addDays(ideas!.endsOn, 5))).rejects.toMatchObject({
      code: "processes.phase-dates",
      params: { other: ideas!.title },
    });
    await expect(design(process.id, addDays(ideas!.endsOn, 1), decision!.startsOn)).rejects.toMatchObject({
      code: "processes.phase-dates",
      params: { other: decision!.title },
    });
    expect(await stagesOf(process.id)).toEqual(["set-up", "ideas", "decision"]);
    // Staff make room: the decision moves a month on.
    await inTenant((tx) =>
      updatePhase(tx, {
        tenantId,
        phaseId: decision!.id,
        title: decision!.title,
        startsOn: addDays(decision!.startsOn, 30),
        endsOn: addDays(decision!.endsOn, 30),
        level: decision!.level,
        participants: decision!.participants,
        actorPersonId: null,
      }),
    );
    const between = [addDays(ideas!.endsOn, 1), addDays(ideas!.endsOn, 30)] as const;
    const added = await design(process.id, ...between);
    // The same phase sent again (a double click) is the same phase; another one for the stage is refused.
    expect(await design(process.id, ...between)).toEqual(added);
    await expect(design(process.id, between[0], between[0])).rejects.toMatchObject({
      code: "processes.stage-taken",
    });
    expect(await stagesOf(process.id)).toEqual(["set-up", "ideas", "design", "decision"]);
  });

  it("removes any phase of a draft with its moments, and a phase already gone is a repeat", async () => {
    const process = await givenProcess(false);
    const ideas = process.phases[1]!;
    expect(ideas.moments.length).toBeGreaterThan(0);
    await remove(process.id, ideas.id, null);
    await remove(process.id, ideas.id, null);
    expect(await stagesOf(process.id)).toEqual(["set-up", "decision"]);
    const left = await inTenant((tx) =>
      tx.select().from(schema.processMoments).where(eq(schema.processMoments.phaseId, ideas.id)),
    );
    expect(left).toEqual([]);
    const audit = await inTenant((tx) =>
      tx
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "processes.phase-removed"), eq(schema.auditLog.subject, ideas.id))),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ status: "draft", stage: "ideas", title: ideas.title, reason: null });
  });

  it("once published, removes only a phase that has not started, with a reason, and the machine follows", async () => {
    const process = await givenProcess(true);
    const [setUp, ideas, decision] = process.phases;
    const running = dutchTime(addDays(ideas!.startsOn, 2), "10:00");
    await expect(remove(process.id, ideas!.id, "Geen tijd meer", running)).rejects.toMatchObject({
      code: "processes.phase-started",
    });
    await expect(remove(process.id, decision!.id, null, running)).rejects.toMatchObject({
      code: "processes.reason-required",
    });
    await remove(process.id, decision!.id, "De raad besluit zonder aparte fase.", running);
    expect(await stagesOf(process.id)).toEqual(["set-up", "ideas"]);
    // The machine closes the process the day after its last phase (now ideas) ends.
    const [track] = await inTenant((tx) =>
      tx.select().from(schema.phaseTracks).where(eq(schema.phaseTracks.subjectId, process.id)),
    );
    const closed = (track!.schedule as { phase: string; startsAt: string }[]).find((d) => d.phase === "closed")!;
    expect(new Date(closed.startsAt)).toEqual(dutchTime(addDays(ideas!.endsOn, 1), "00:00"));

    // A phase added now must start after today; one that does is taken up by the machine.
    await expect(
      design(process.id, addDays(ideas!.endsOn, 1), addDays(ideas!.endsOn, 30), running),
    ).resolves.toBeTruthy();
    await expect(
      inTenant((tx) =>
        addPhase(tx, {
          tenantId,
          processId: process.id,
          stage: "evaluation",
          title: "Terugblik",
          startsOn: addDays(ideas!.endsOn, 40),
          endsOn: addDays(ideas!.endsOn, 50),
          level: "raadplegen",
          participants: [],
          actorPersonId: null,
          now: dutchTime(addDays(ideas!.endsOn, 40), "08:00"),
        }),
      ),
    ).rejects.toMatchObject({ code: "processes.phase-starts-past" });
    expect(setUp).toBeTruthy();
  });
});

describe("changes at the same moment", () => {
  it("of two processes created at once under one title, one is made and the other hears the name is taken", async ({
    skip,
  }) => {
    skip(!serverRun, SERVER_ONLY);
    for (let round = 0; round < 5; round++) {
      const create = () =>
        inTenant((tx) =>
          createProcess(tx, {
            tenantId,
            template: "dorpsvisie",
            title: `Dorpsvisie tegelijk ${round}`,
            startsOn: "2026-02-02",
            responsible: "Team Dorpen",
            actorPersonId: null,
            now: CREATED,
          }),
        );
      const results = await Promise.allSettled([create(), create()]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: "processes.slug-taken" });
    }
  });

  it("of two staff saving one moment at once, one is kept whole and the other is told it changed", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const { id } = await inTenant((tx) =>
      createProcess(tx, {
        tenantId,
        template: "dorpsvisie",
        title: "Dorpsvisie gelijktijdig",
        startsOn: "2026-02-02",
        responsible: "Team Dorpen",
        actorPersonId: null,
        now: CREATED,
      }),
    );
    const moment = (await inTenant((tx) => getProcess(tx, { tenantId, id })))!.phases[1]!.moments[0]!;
    const momentNow = async () =>
      (await inTenant((tx) => getProcess(tx, { tenantId, id })))!.phases[1]!.moments.find((m) => m.id === moment.id)!;
    const save = (title: string, opensAt: Date) =>
      inTenant((tx) =>
        updateMoment(tx, {
          tenantId,
          tenantSlug: "veenhoven",
          momentId: moment.id,
          expectedVersion: moment.version,
          title,
          subject: `${title}: onderwerp`,
          method: "meeting",
          methodDetail: `${title}: plek`,
          opensAt,
          closesAt: moment.closesAt,
          feedbackOn: moment.feedbackOn,
          feedbackHow: `${title}: terugkoppeling`,
          actorPersonId: null,
          now: CREATED,
        }),
      );
    for (let round = 0; round < 5; round++) {
      const current = await momentNow();
      moment.version = current.version;
      const results = await Promise.allSettled([
        save(`Avond A${round}`, dutchTime("2026-03-05", "19:00")),
        save(`Avond B${round}`, dutchTime("2026-03-06", "19:00")),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: "processes.moment-changed" });
      const winner = results[0]!.status === "fulfilled" ? "A" : "B";
      const after = await momentNow();
      // Every field is the winner's: nothing of the loser's form is mixed in.
      expect(after).toMatchObject({
        title: `Avond ${winner}${round}`,
        subject: `Avond ${winner}${round}: onderwerp`,
        methodDetail: `Avond ${winner}${round}: plek`,
        feedbackHow: `Avond ${winner}${round}: terugkoppeling`,
        opensAt: dutchTime(winner === "A" ? "2026-03-05" : "2026-03-06", "19:00"),
        version: current.version + 1,
      });
    }
  });

  it("of two phases added at once where they would overlap, one is added and the other refused", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    for (let round = 0; round < 5; round++) {
      const { id } = await inTenant((tx) =>
        createProcess(tx, {
          tenantId,
          template: "omgevingsvergunning",
          title: `Zonnepark gelijktijdig ${round}`,
          startsOn: "2026-02-02",
          responsible: "Team Ruimte",
          actorPersonId: null,
          now: CREATED,
        }),
      );
      const last = (await inTenant((tx) => getProcess(tx, { tenantId, id })))!.phases.at(-1)!;
      // Realisation and evaluation come after the decision; on the same dates they cannot both fit.
      const add = (stage: "realisation" | "evaluation") =>
        inTenant((tx) =>
          addPhase(tx, {
            tenantId,
            processId: id,
            stage,
            title: stage,
            startsOn: addDays(last.endsOn, 1),
            endsOn: addDays(last.endsOn, 20),
            level: "informeren",
            participants: [],
            actorPersonId: null,
            now: CREATED,
          }),
        );
      const results = await Promise.allSettled([add("realisation"), add("evaluation")]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
        code: "processes.phase-dates",
      });
      expect((await inTenant((tx) => getProcess(tx, { tenantId, id })))!.phases).toHaveLength(4);
    }
  });
});
