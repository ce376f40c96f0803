import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, schema, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { MAIL_JOB } from "../../mail/index.ts";
import { type JobHandlers, runDueJobs } from "../../platform/queue/index.ts";
import { findOrCreatePerson, grantRole } from "../identity/index.ts";
import { DomainError, dutchTime } from "../shared/index.ts";
import {
  ADVICE_NOTICE_JOB,
  adviceJobHandlers,
  createCouncil,
  getAdvice,
  getAdviceTerms,
  giveAdvice,
  listAdvice,
  requestAdvice,
  respondToAdvice,
  seatMember,
  setAdviceTerms,
} from "./index.ts";

let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
let staffId: string;
let secretaryId: string;
let memberId: string;
let kernId: string;
let councilNumber = 0;

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  [staffId, secretaryId, memberId] = await withPlatform(handle.db, async (tx) => {
    // Staff chose English; the secretary kept Dutch: each notice goes out in its reader's language.
    const staff = await findOrCreatePerson(tx, {
      email: "advies@aldorp.nl",
      displayName: "Adviesmedewerker",
      locale: "en",
    });
    await grantRole(tx, { tenantId, personId: staff.id, role: "municipal-staff" });
    const secretary = await findOrCreatePerson(tx, { email: "secretaris@dorpsraad.nl", displayName: "Secretaris" });
    const member = await findOrCreatePerson(tx, { email: "lid@dorpsraad.nl", displayName: "Lid" });
    return [staff.id, secretary.id, member.id];
  });
  kernId = await givenKern(handle, tenantId, "Aldeveen");
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>, tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);
/** A council of Aldorp, new for each test, with its secretary and a member. */
const givenCouncil = () =>
  inTenant(async (tx) => {
    const now = new Date("2026-01-01T00:00:00Z");
    const { id } = await createCouncil(tx, {
      tenantId,
      slug: `dorpsraad-${++councilNumber}`,
      name: `Dorpsraad ${councilNumber}`,
      kind: "village-council",
      basis: "association",
      basisUrl: null,
      description: "",
      memberSeats: 5,
      areaIds: [kernId],
      actorPersonId: null,
      now,
    });
    const seat = { tenantId, councilId: id, startsOn: "2026-01-01", endsOn: null, actorPersonId: null, now };
    await seatMember(tx, { ...seat, role: "secretary", name: "Secretaris", personId: secretaryId });
    await seatMember(tx, { ...seat, role: "member", name: "Lid", personId: memberId });
    return id;
  });
/** Monday 2 November 2026, 10:00 Dutch time. */
const NOV_2 = dutchTime("2026-11-02", "10:00");
const at = (on: string, time = "10:00") => dutchTime(on, time);

const request = (councilId: string, now = NOV_2, key?: string) =>
  inTenant((tx) =>
    requestAdvice(tx, {
      tenantId,
      councilId,
      subject: "Herinrichting dorpsplein",
      question: "Wat vindt de dorpsraad van het ontwerp?",
      idempotencyKey: key,
      actorPersonId: staffId,
      now,
    }),
  );
const give = (councilId: string, requestId: string, now: Date) =>
  inTenant((tx) =>
    giveAdvice(tx, {
      tenantId,
      councilId,
      answer: { requestId },
      adviceText: "Positief, met een extra bank bij de bushalte.",
      actorPersonId: secretaryId,
      now,
    }),
  );
const respond = (adviceId: string, now: Date) =>
  inTenant((tx) =>
    respondToAdvice(tx, {
      tenantId,
      adviceId,
      outcome: "partly-adopted",
      reasons: "De bank komt er; de bushalte verplaatsen kan niet.",
      actorPersonId: staffId,
      now,
    }),
  );
const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "no refusal";
};

describe("requesting, giving and responding to advice", () => {
  it("fixes the council's deadline at the request and the municipality's when the advice comes in", async () => {
    const councilId = await givenCouncil();
    // Default terms: six weeks for the council, four for the response; 2 Nov + 6 weeks = Monday 14 December.
    const { id, adviceDueOn } = await request(councilId);
    expect(adviceDueOn).toBe("2026-12-14");
    // Given on Friday 11 December: four weeks end on Friday 8 January 2027.
    expect(await give(councilId, id, at("2026-12-11"))).toEqual({ id, responseDueOn: "2027-01-08" });
    expect(await respond(id, at("2027-01-08", "16:00"))).toEqual({ late: false, respondedOn: "2027-01-08" });
    expect(await inTenant((tx) => getAdvice(tx, { tenantId, adviceId: id }))).toMatchObject({
      status: "responded",
      requestedOn: "2026-11-02",
      adviceDueOn: "2026-12-14",
      advisedOn: "2026-12-11",
      responseDueOn: "2027-01-08",
      outcome: "partly-adopted",
      respondedOn: "2027-01-08",
    });
  });

  it("says a response after the deadline is late", async () => {
    const councilId = await givenCouncil();
    const { id } = await request(councilId);
    await give(councilId, id, at("2026-11-20"));
    // Four weeks from 20 November: Friday 18 December. Answered on 21 December.
    expect(await respond(id, at("2026-12-21"))).toEqual({ late: true, respondedOn: "2026-12-21" });
  });

  it("keeps a fixed deadline when the terms change afterwards", async () => {
    const councilId = await givenCouncil();
    const { id, adviceDueOn } = await request(councilId);
    await inTenant((tx) =>
      setAdviceTerms(tx, {
        tenantId,
        terms: {
          councilTerm: { length: 10, unit: "working-days" },
          responseTerm: { length: 20, unit: "working-days" },
          reminderDays: 3,
        },
        actorPersonId: staffId,
        now: NOV_2,
      }),
    );
    try {
      expect((await inTenant((tx) => getAdvice(tx, { tenantId, adviceId: id })))?.adviceDueOn).toBe(adviceDueOn);
      // A new request counts ten working days: 3–6, 9–13, 16 November.
      expect((await request(councilId)).adviceDueOn).toBe("2026-11-16");
      expect(await inTenant((tx) => getAdviceTerms(tx, { tenantId }))).toMatchObject({ reminderDays: 3 });
    } finally {
      await inTenant((tx) =>
        setAdviceTerms(tx, {
          tenantId,
          terms: {
            councilTerm: { length: 6, unit: "weeks" },
            responseTerm: { length: 4, unit: "weeks" },
            reminderDays: 5,
          },
          actorPersonId: staffId,
          now: NOV_2,
        }),
      );
    }
  });

  it("refuses terms out of range with a code, and changes nothing", async () => {
    const bad = {
      councilTerm: { length: 0, unit: "weeks" as const },
      responseTerm: { length: 4, unit: "weeks" as const },
      reminderDays: 5,
    };
    expect(
      await codeOf(inTenant((tx) => setAdviceTerms(tx, { tenantId, terms: bad, actorPersonId: staffId, now: NOV_2 }))),
    ).toBe("councils.advice-term-invalid");
    expect((await inTenant((tx) => getAdviceTerms(tx, { tenantId }))).councilTerm).toEqual({
      length: 6,
      unit: "weeks",
    });
  });

  it("takes unsolicited advice, which starts the response term at once", async () => {
    const councilId = await givenCouncil();
    const given = await inTenant((tx) =>
      giveAdvice(tx, {
        tenantId,
        councilId,
        answer: { subject: "Verlichting fietspad" },
        adviceText: "Zet lantaarns langs het fietspad naar school.",
        actorPersonId: secretaryId,
        now: at("2026-12-01"),
      }),
    );
    expect(given.responseDueOn).toBe("2026-12-29");
    expect(await inTenant((tx) => getAdvice(tx, { tenantId, adviceId: given.id }))).toMatchObject({
      kind: "unsolicited",
      status: "advised",
      requestedOn: null,
      adviceDueOn: null,
    });
  });

  it("lets only the council's secretary or chair send its advice", async () => {
    const councilId = await givenCouncil();
    const { id } = await request(councilId);
    const by = (actorPersonId: string) =>
      inTenant((tx) =>
        giveAdvice(tx, {
          tenantId,
          councilId,
          answer: { requestId: id },
          adviceText: "Ja.",
          actorPersonId,
          now: at("2026-11-05"),
        }),
      );
    expect(await codeOf(by(memberId))).toBe("councils.advice-secretary-only");
    expect(await codeOf(by(staffId))).toBe("councils.not-on-council");
    expect(await codeOf(request("00000000-0000-4000-8000-000000000001"))).toBe("councils.not-found");
    expect((await inTenant((tx) => getAdvice(tx, { tenantId, adviceId: id })))?.status).toBe("requested");
  });

  it("makes one request of a form sent twice", async () => {
    const councilId = await givenCouncil();
    const first = await request(councilId, NOV_2, "formulier-sleutel-0001");
    expect(await request(councilId, NOV_2, "formulier-sleutel-0001")).toEqual(first);
    expect(await inTenant((tx) => listAdvice(tx, { tenantId, councilId }))).toHaveLength(1);
  });

  it("refuses steps out of order with clear codes, and changes nothing", async () => {
    const councilId = await givenCouncil();
    const { id } = await request(councilId);
    expect(await codeOf(respond(id, at("2026-11-03")))).toBe("councils.advice-not-given-yet");
    await give(councilId, id, at("2026-11-10"));
    expect(await codeOf(give(councilId, id, at("2026-11-11")))).toBe("councils.advice-already-given");
    await respond(id, at("2026-11-12"));
    expect(await codeOf(respond(id, at("2026-11-13")))).toBe("councils.advice-already-answered");
    expect(await codeOf(give(await givenCouncil(), id, at("2026-11-11")))).toBe("councils.advice-not-found");
    expect(await codeOf(respond("00000000-0000-4000-8000-999999999999", at("2026-11-13")))).toBe(
      "councils.advice-not-found",
    );
    expect(await inTenant((tx) => getAdvice(tx, { tenantId, adviceId: id }))).toMatchObject({
      advisedOn: "2026-11-10",
      respondedOn: "2026-11-12",
    });
  });

  it("keeps each municipality's advice to itself", async () => {
    const councilId = await givenCouncil();
    const { id } = await request(councilId);
    expect(
      await inTenant((tx) => getAdvice(tx, { tenantId: otherTenantId, adviceId: id }), otherTenantId),
    ).toBeUndefined();
    expect(await inTenant((tx) => listAdvice(tx, { tenantId: otherTenantId }), otherTenantId)).toEqual([]);
    const answer = inTenant(
      (tx) =>
        respondToAdvice(tx, {
          tenantId: otherTenantId,
          adviceId: id,
          outcome: "adopted",
          reasons: "Overgenomen.",
          actorPersonId: null,
          now: at("2026-11-05"),
        }),
      otherTenantId,
    );
    expect(await codeOf(answer)).toBe("councils.advice-not-found");
  });

  it("records exactly one of two responses sent at once", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    for (let round = 0; round < 5; round++) {
      const councilId = await givenCouncil();
      const { id } = await request(councilId);
      await give(councilId, id, at("2026-11-10"));
      const results = await Promise.allSettled([respond(id, at("2026-11-11")), respond(id, at("2026-11-12"))]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect((refused.reason as DomainError).code).toBe("councils.advice-already-answered");
    }
  });

  it("records exactly one of two answers to a request sent at once", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const councilId = await givenCouncil();
    const { id } = await request(councilId);
    const results = await Promise.allSettled([
      give(councilId, id, at("2026-11-10")),
      give(councilId, id, at("2026-11-10")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });
});

describe("reminders and escalations", () => {
  const noticeJobs = (adviceId: string) =>
    handle.db
      .select()
      .from(schema.jobs)
      .where(and(eq(schema.jobs.kind, ADVICE_NOTICE_JOB), eq(schema.jobs.payload, schema.jobs.payload)))
      .then((jobs) => jobs.filter((job) => (job.payload as { adviceId?: string }).adviceId === adviceId));
  type SentMail = { to: string; locale: string; params: { event: string; url: string } };
  let sent: SentMail[] = [];
  const handlers: JobHandlers = {
    ...adviceJobHandlers({ publicUrl: "http://samenspel.test" }),
    [MAIL_JOB]: async (payload) => void sent.push(payload as SentMail),
  };
  /** The mails sent by the jobs due at `now`. */
  const mailsAt = async (now: Date) => {
    sent = [];
    await runDueJobs(handle.db, handlers, { now });
    return sent.map((mail) => [mail.to, mail.params.event]);
  };

  it("queues the notice now, the reminder days before and the escalation the morning after", async () => {
    const councilId = await givenCouncil();
    const { id } = await request(councilId);
    const jobs = await noticeJobs(id);
    expect(jobs.map((job) => [(job.payload as { event: string }).event, job.runAt]).sort()).toEqual([
      ["escalation", dutchTime("2026-12-15", "09:00")],
      ["reminder", dutchTime("2026-12-09", "09:00")],
      ["requested", NOV_2],
    ]);
  });

  it("mails staff when advice is requested, escalates when the council misses its deadline, and is silent once answered", async () => {
    const councilId = await givenCouncil();
    await handle.db.delete(schema.jobs);
    const { id } = await request(councilId);
    expect(await mailsAt(NOV_2)).toEqual([
      ["secretaris@dorpsraad.nl", "requested"],
      ["advies@aldorp.nl", "requested"],
    ]);
    expect(sent.map((mail) => mail.locale)).toEqual(["nl", "en"]);
    expect(sent.map((mail) => mail.params.url)).toEqual([
      expect.stringMatching(/^http:\/\/samenspel\.test\/aldorp\/raad\/dorpsraad-\d+\/advies$/),
      `http://samenspel.test/aldorp/beheer/advies/${id}`,
    ]);
    // The reminder, five days before the last day, is for the secretary.
    expect(await mailsAt(dutchTime("2026-12-09", "09:00"))).toEqual([["secretaris@dorpsraad.nl", "reminder"]]);
    // The council is late: the escalation the morning after reaches both.
    expect(await mailsAt(dutchTime("2026-12-15", "09:00"))).toEqual([
      ["secretaris@dorpsraad.nl", "escalation"],
      ["advies@aldorp.nl", "escalation"],
    ]);
    // Advice given on the 16th: staff hear of it; its own reminder and escalation wait for the response.
    await give(councilId, id, at("2026-12-16"));
    expect(await mailsAt(at("2026-12-16"))).toEqual([["advies@aldorp.nl", "given"]]);
    // Responded in time: the secretary hears of it, and nothing more goes out, not at the old deadlines either.
    await respond(id, at("2026-12-17"));
    expect(await mailsAt(at("2026-12-17"))).toEqual([["secretaris@dorpsraad.nl", "responded"]]);
    expect(await mailsAt(dutchTime("2027-03-01", "09:00"))).toEqual([]);
  });
});
