import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { linkIn, type Mailbox, startMailbox } from "../../../tests/support/mailbox.ts";
import { type DatabaseHandle, withPlatform, withTenant } from "../../db/index.ts";
import { createMailer, MAIL_JOB, mailJobHandler } from "../../mail/index.ts";
import { createLogger } from "../../platform/logger.ts";
import { type JobHandlers, runDueJobs } from "../../platform/queue/index.ts";
import { confirmFollow, followingJobHandlers, requestFollow, topicOf } from "../following/index.ts";
import { dutchTime, PHASES_ADVANCE_JOB, phaseJobHandlers } from "../shared/index.ts";
import { createTenant } from "../tenancy/index.ts";
import {
  addMoment,
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
  setParticipationRule,
  submitEvaluation,
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
