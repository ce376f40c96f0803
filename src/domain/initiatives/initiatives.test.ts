import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, schema, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { findOrCreatePerson, grantRole } from "../identity/index.ts";
import { DomainError } from "../shared/index.ts";
import {
  assignContactPerson,
  assignmentLate,
  extendChallengeTerm,
  getInitiative,
  initiativeIdOfLink,
  listChallengeRegister,
  listInitiatives,
  listShowcase,
  moveInitiative,
  postInitiativeMessage,
  setDeskSettings,
  submitChallenge,
  submitInitiative,
  takeChallengeStep,
} from "./index.ts";

/** Wednesday 13 May 2026, the day before Ascension Day (14 May) and the decree's bridge day (15 May). */
const NOW = new Date("2026-05-13T08:00:00Z");
let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
let kernId: string;
let otherKernId: string;
let staff: [string, string];
let resident: string;
let key = 0;
const nextKey = () => `sleutel-${String(++key).padStart(12, "0")}`;
const tokens: string[] = [];
const urls = {
  initiator: (token: string) => {
    tokens.push(token);
    return `https://samenspel.test/aldorp/initiatieven/mijn/${token}`;
  },
  lostLink: "https://samenspel.test/aldorp/initiatieven/link-kwijt",
  staff: (id: string) => `https://samenspel.test/aldorp/beheer/initiatieven/${id}`,
};

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  kernId = await givenKern(handle, tenantId, "Aldeveen");
  otherKernId = await givenKern(handle, otherTenantId, "Beekhuizen");
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, role: "municipal-staff" | "municipal-coordinator" | "resident") => {
      const p = await findOrCreatePerson(tx, { email, displayName: email.split("@")[0]! });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return [
      await person("sanne@aldorp.nl", "municipal-staff"),
      await person("kees@aldorp.nl", "municipal-coordinator"),
      await person("inwoner@aldorp.nl", "resident"),
    ];
  });
  staff = [people[0]!, people[1]!];
  resident = people[2]!;
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>, tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
};

const submit = (overrides: Partial<Parameters<typeof submitInitiative>[1]> = {}, now = NOW) =>
  inTenant((tx) =>
    submitInitiative(tx, {
      tenantId,
      title: "Moestuin achter het dorpshuis",
      description: "Een moestuin voor en door de buurt.",
      areaId: kernId,
      location: "Achter het dorpshuis, Kerkstraat 4",
      involved: "Jan de Vries en de buurtvereniging",
      support: ["money", "space"],
      supportNote: "Zaden en een hek",
      initiatorName: "Jan de Vries",
      initiatorEmail: "jan.devries@example.nl",
      locale: "nl",
      showcase: true,
      submittedById: null,
      idempotencyKey: nextKey(),
      urls,
      now,
      ...overrides,
    }),
  );
const assign = (initiativeId: string, contact: string, expected: string | null = null) =>
  inTenant((tx) =>
    assignContactPerson(tx, {
      tenantId,
      initiativeId,
      contactPersonId: contact,
      expectedContactPersonId: expected,
      actorPersonId: staff[0],
      urls,
      now: NOW,
    }),
  );
const move = (initiativeId: string, to: Parameters<typeof moveInitiative>[1]["to"], reason = "Besproken") =>
  inTenant((tx) => moveInitiative(tx, { tenantId, initiativeId, to, reason, actorPersonId: staff[0], urls, now: NOW }));
const mails = async () =>
  (await handle.db.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"))).map(
    (job) => job.payload as { to: string; template: string; params: Record<string, unknown> },
  );

describe("the initiatives desk", () => {
  it("numbers initiatives, counts the assignment term in working days and mails the reference", async () => {
    const { reference, id } = await submit();
    expect(reference).toBe("INI-2026-0001");
    const detail = await inTenant((tx) => getInitiative(tx, { tenantId, initiativeId: id, now: NOW }));
    // Thursday 14 May is Ascension Day and Friday 15 May a bridge day: five working days end on Friday 22 May.
    expect(detail.submittedOn).toBe("2026-05-13");
    expect(detail.assignDueOn).toBe("2026-05-22");
    const confirmation = (await mails()).find((m) => m.template === "initiative-received");
    expect(confirmation).toMatchObject({
      to: "jan.devries@example.nl",
      params: { reference: "INI-2026-0001", assignDueOn: "2026-05-22" },
    });
    expect((await submit()).reference).toBe("INI-2026-0002");
  });

  it("takes the municipality's own term, and flags an assignment that is late", async () => {
    await inTenant((tx) =>
      setDeskSettings(tx, {
        tenantId,
        assignWorkingDays: 2,
        challengeDecisionWeeks: 6,
        actorPersonId: staff[1],
        now: NOW,
      }),
    );
    const { id } = await submit();
    const detail = await inTenant((tx) => getInitiative(tx, { tenantId, initiativeId: id, now: NOW }));
    expect(detail.assignDueOn).toBe("2026-05-19");
    const late = (now: string, assignedAt: string | null = null) =>
      assignmentLate({
        assignDueOn: "2026-05-19",
        assignedAt: assignedAt ? new Date(assignedAt) : null,
        now: new Date(now),
      });
    expect(late("2026-05-19T21:59:00Z")).toBe(false); // 23:59 on the last day, Dutch time
    expect(late("2026-05-19T22:01:00Z")).toBe(true);
    expect(late("2026-06-30T10:00:00Z", "2026-05-19T21:00:00Z")).toBe(false);
    expect(late("2026-06-30T10:00:00Z", "2026-05-20T07:00:00Z")).toBe(true);
    const list = await inTenant((tx) => listInitiatives(tx, { tenantId, now: new Date("2026-05-20T08:00:00Z") }));
    expect(list.find((row) => row.id === id)).toMatchObject({ late: true, assigned: false });
    await inTenant((tx) =>
      setDeskSettings(tx, {
        tenantId,
        assignWorkingDays: 5,
        challengeDecisionWeeks: 8,
        actorPersonId: staff[1],
        now: NOW,
      }),
    );
  });

  it("refuses steps the state table does not allow, with a clear code, and changes nothing", async () => {
    const { id } = await submit();
    expect(await refusal(move(id, "supported"))).toBe("initiatives.step-not-allowed");
    expect(await refusal(move(id, "in-progress"))).toBe("initiatives.no-contact-person");
    expect(await refusal(move(id, "in-progress", "  "))).toBe("initiatives.reason-required");
    expect((await inTenant((tx) => getInitiative(tx, { tenantId, initiativeId: id, now: NOW }))).status).toBe(
      "received",
    );
    await assign(id, staff[0]);
    await move(id, "in-progress", "Sanne neemt contact op");
    await move(id, "supported", "Wij betalen het hek en de zaden");
    expect(await refusal(move(id, "declined"))).toBe("initiatives.step-not-allowed");
    expect(await refusal(move(id, "in-progress"))).toBe("initiatives.step-not-allowed");
    const detail = await inTenant((tx) => getInitiative(tx, { tenantId, initiativeId: id, now: NOW }));
    expect(detail).toMatchObject({ status: "supported", statusReason: "Wij betalen het hek en de zaden" });
    expect(detail.messages.map((m) => [m.status, m.body])).toEqual([
      ["in-progress", "Sanne neemt contact op"],
      ["supported", "Wij betalen het hek en de zaden"],
    ]);
    // The thread closes with the final status.
    expect(
      await refusal(
        inTenant((tx) =>
          postInitiativeMessage(tx, {
            tenantId,
            initiativeId: id,
            author: "initiator",
            actorPersonId: null,
            body: "Nog een vraag",
            idempotencyKey: nextKey(),
            urls,
            now: NOW,
          }),
        ),
      ),
    ).toBe("initiatives.closed");
    expect(await refusal(assign(id, staff[1], staff[0]))).toBe("initiatives.closed");
  });

  it("lets one of two staff assigning at once win, and tells the other", async () => {
    const { id } = await submit();
    const results = await Promise.allSettled([assign(id, staff[0]), assign(id, staff[1])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as DomainError).code).toBe("initiatives.assigned-meanwhile");
    const detail = await inTenant((tx) => getInitiative(tx, { tenantId, initiativeId: id, now: NOW }));
    expect(staff).toContain(detail.contactPersonId);
    // A change of contact person names the one the page showed.
    const other = staff.find((p) => p !== detail.contactPersonId)!;
    await assign(id, other, detail.contactPersonId);
    expect(await refusal(assign(id, other, detail.contactPersonId))).toBe("initiatives.assigned-meanwhile");
  });

  it("gives two submissions at once two references", async () => {
    const [a, b] = await Promise.all([submit(), submit()]);
    expect(a.reference).not.toBe(b.reference);
  });

  it("assigns only the municipality's staff", async () => {
    const { id } = await submit();
    expect(await refusal(assign(id, resident))).toBe("initiatives.not-staff");
  });

  it("exchanges messages through the secret link, with a mail to the other side each time", async () => {
    tokens.length = 0;
    const { id } = await submit();
    const token = tokens.at(-1)!;
    expect(await inTenant((tx) => initiativeIdOfLink(tx, { tenantId, token, now: NOW }))).toBe(id);
    expect(await refusal(inTenant((tx) => initiativeIdOfLink(tx, { tenantId, token: "fout", now: NOW })))).toBe(
      "initiatives.link-invalid",
    );
    expect(
      await refusal(
        inTenant((tx) => initiativeIdOfLink(tx, { tenantId: otherTenantId, token, now: NOW }), otherTenantId),
      ),
    ).toBe("initiatives.link-invalid");
    expect(
      await refusal(
        inTenant((tx) => initiativeIdOfLink(tx, { tenantId, token, now: new Date("2027-06-01T00:00:00Z") })),
      ),
    ).toBe("initiatives.link-invalid");
    let minute = 0;
    const post = (author: "initiator" | "municipality", body: string, idempotencyKey = nextKey()) =>
      inTenant((tx) =>
        postInitiativeMessage(tx, {
          tenantId,
          initiativeId: id,
          author,
          actorPersonId: author === "municipality" ? staff[0] : null,
          body,
          idempotencyKey,
          urls,
          now: new Date(NOW.getTime() + ++minute * 60_000),
        }),
      );
    const before = (await mails()).length;
    const twice = nextKey();
    await post("initiator", "Mag de moestuin ook op zondag open?", twice);
    await post("initiator", "Mag de moestuin ook op zondag open?", twice);
    await post("municipality", "Ja, dat mag.");
    const sent = (await mails()).slice(before);
    // No contact person yet: the initiator's message goes to the municipality's staff (two), the answer to the initiator.
    expect(sent.map((m) => [m.template, m.to]).sort()).toEqual(
      [
        ["initiative-message-staff", "kees@aldorp.nl"],
        ["initiative-message-staff", "sanne@aldorp.nl"],
        ["initiative-update", "jan.devries@example.nl"],
      ].sort(),
    );
    const detail = await inTenant((tx) => getInitiative(tx, { tenantId, initiativeId: id, now: NOW }));
    expect(detail.messages.map((m) => [m.author, m.body, m.authorName])).toEqual([
      ["initiator", "Mag de moestuin ook op zondag open?", null],
      ["municipality", "Ja, dat mag.", "sanne"],
    ]);
    expect(await refusal(post("initiator", "   "))).toBe("initiatives.message-required");
  });

  it("refuses an area of another municipality and stores nothing", async () => {
    const before = await inTenant((tx) => listInitiatives(tx, { tenantId, now: NOW }));
    expect(await refusal(submit({ areaId: otherKernId }))).toBe("initiatives.area-not-found");
    expect(await inTenant((tx) => listInitiatives(tx, { tenantId, now: NOW }))).toEqual(before);
  });

  it("shows only opted-in initiatives in the showcase, without anything personal", async () => {
    await submit({ title: "Stil initiatief", showcase: false });
    const showcase = await inTenant((tx) => listShowcase(tx, { tenantId }));
    expect(showcase.length).toBeGreaterThan(0);
    expect(showcase.map((item) => item.title)).not.toContain("Stil initiatief");
    const text = JSON.stringify(showcase);
    for (const personal of ["Jan de Vries", "jan.devries@example.nl", "Kerkstraat", "buurtvereniging", "sanne"]) {
      expect(text).not.toContain(personal);
    }
    expect(Object.keys(showcase[0]!).sort()).toEqual(
      ["area", "description", "reference", "status", "submittedOn", "support", "title"].sort(),
    );
    expect(await inTenant((tx) => listShowcase(tx, { tenantId: otherTenantId }), otherTenantId)).toEqual([]);
  });
});

describe("the uitdaagrecht", () => {
  const request = (overrides: Partial<Parameters<typeof submitChallenge>[1]> = {}) =>
    inTenant((tx) =>
      submitChallenge(tx, {
        tenantId,
        task: "Het maaien van de dorpsweide",
        plan: "Wij maaien de weide zes keer per jaar met vrijwilligers.",
        budgetCents: 450_000,
        neighbourhoodSupport: "42 handtekeningen van omwonenden",
        areaId: kernId,
        requester: "organisation",
        organisation: "Stichting Groen Aldeveen",
        contactName: "Fatima el Amrani",
        contactEmail: "fatima@example.nl",
        locale: "nl",
        idempotencyKey: nextKey(),
        registerUrl: "https://samenspel.test/aldorp/uitdaagrecht",
        now: NOW,
        ...overrides,
      }),
    );
  const step = (challengeId: string, name: "assess" | "honour" | "refuse", reason = "") =>
    inTenant((tx) =>
      takeChallengeStep(tx, {
        tenantId,
        challengeId,
        step: name,
        reason,
        actorPersonId: staff[1],
        registerUrl: "https://samenspel.test/aldorp/uitdaagrecht",
        now: NOW,
      }),
    );

  it("numbers the request, sets its decision date in weeks and decides it with reasons", async () => {
    const { id, reference } = await request();
    expect(reference).toBe("UDR-2026-0001");
    const [item] = await inTenant((tx) => listChallengeRegister(tx, { tenantId }));
    // Eight weeks from 13 May 2026 is Wednesday 8 July.
    expect(item).toMatchObject({ decisionDueOn: "2026-07-08", status: "received", decisionReason: null });
    expect(await refusal(step(id, "honour", "Goed plan"))).toBe("initiatives.challenge-step-not-allowed");
    await step(id, "assess");
    expect(await refusal(step(id, "honour", " "))).toBe("initiatives.reason-required");
    await step(id, "honour", "Het plan is goed onderbouwd en de buurt steunt het.");
    expect(await refusal(step(id, "refuse", "Toch niet"))).toBe("initiatives.challenge-step-not-allowed");
    const [decided] = await inTenant((tx) => listChallengeRegister(tx, { tenantId }));
    expect(decided).toMatchObject({
      status: "honoured",
      decidedOn: "2026-05-13",
      decisionReason: "Het plan is goed onderbouwd en de buurt steunt het.",
      organisation: "Stichting Groen Aldeveen",
    });
    const sent = (await mails()).filter((m) => m.template === "challenge-status").map((m) => m.params.status);
    expect(sent).toEqual(["received", "assessing", "honoured"]);
  });

  const extend = (challengeId: string, reason = "Wij wachten op advies van de wijkraad.", actor = staff[0]) =>
    inTenant((tx) =>
      extendChallengeTerm(tx, {
        tenantId,
        challengeId,
        reason,
        actorPersonId: actor,
        registerUrl: "https://samenspel.test/aldorp/uitdaagrecht",
        now: NOW,
      }),
    );
  const registerItem = async (reference: string) =>
    (await inTenant((tx) => listChallengeRegister(tx, { tenantId }))).find((item) => item.reference === reference);

  it("extends the decision term once, with a reason, mails the requester and shows it in the register", async () => {
    const { id, reference } = await request();
    expect(await refusal(extend(id, "  "))).toBe("initiatives.reason-required");
    expect(await registerItem(reference)).toMatchObject({ decisionDueOn: "2026-07-08", extended: false });
    // Eight more weeks from Wednesday 8 July.
    expect(await extend(id)).toEqual({ decisionDueOn: "2026-09-02" });
    expect(await registerItem(reference)).toMatchObject({ decisionDueOn: "2026-09-02", extended: true });
    expect(await refusal(extend(id, "Nog meer tijd"))).toBe("initiatives.term-already-extended");
    expect(await registerItem(reference)).toMatchObject({ decisionDueOn: "2026-09-02" });
    const extendedMails = (await mails()).filter((m) => m.template === "challenge-extended");
    expect(extendedMails.at(-1)).toMatchObject({
      to: "fatima@example.nl",
      params: { reference, decisionDueOn: "2026-09-02", reason: "Wij wachten op advies van de wijkraad." },
    });
    const audit = await inTenant((tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, "initiatives.challenge.extend")),
    );
    expect(audit.filter((line) => line.subject === reference).map((line) => line.details)).toEqual([
      { challengeId: id, from: "2026-07-08", to: "2026-09-02", reason: "Wij wachten op advies van de wijkraad." },
    ]);
    // A decided request has no term left to extend; another municipality's request is not found.
    const decided = await request();
    await step(decided.id, "refuse", "De gemeente houdt het beheer zelf.");
    expect(await refusal(extend(decided.id))).toBe("initiatives.challenge-decided");
    expect(
      await refusal(
        inTenant(
          (tx) =>
            extendChallengeTerm(tx, {
              tenantId: otherTenantId,
              challengeId: id,
              reason: "x",
              actorPersonId: staff[0],
              registerUrl: "x",
              now: NOW,
            }),
          otherTenantId,
        ),
      ),
    ).toBe("initiatives.challenge-not-found");
  });

  it("lets one of two extensions at once win and refuses the other", async () => {
    const { id, reference } = await request();
    const before = (await mails()).filter((m) => m.template === "challenge-extended").length;
    // The first holds its transaction open after extending while the second starts: without the row lock the second
    // would read the term as not yet extended and extend it as well.
    const first = inTenant(async (tx) => {
      const extended = await extendChallengeTerm(tx, {
        tenantId,
        challengeId: id,
        reason: "Eerste reden",
        actorPersonId: staff[0],
        registerUrl: "https://samenspel.test/aldorp/uitdaagrecht",
        now: NOW,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      return extended;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const results = await Promise.allSettled([first, extend(id, "Tweede", staff[1])]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((lost.reason as DomainError).code).toBe("initiatives.term-already-extended");
    expect(await registerItem(reference)).toMatchObject({ decisionDueOn: "2026-09-02", extended: true });
    expect((await mails()).filter((m) => m.template === "challenge-extended")).toHaveLength(before + 1);
  });

  it("keeps the requester's name and address out of the register", async () => {
    await request({ requester: "residents", organisation: "Genegeerd", contactName: "Piet Bakker" });
    const text = JSON.stringify(await inTenant((tx) => listChallengeRegister(tx, { tenantId })));
    for (const personal of ["Fatima", "fatima@example.nl", "Piet Bakker", "Genegeerd"]) {
      expect(text).not.toContain(personal);
    }
  });
});
