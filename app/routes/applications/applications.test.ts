import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { grantRole } from "../../../src/domain/identity/index.ts";
import { getAudience, publishWorkshop, signUpForTrack } from "../../../src/domain/programme/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { daysFromToday, dutchClock } from "../../../tests/support/dates.ts";
import { givenProgramme } from "../../../tests/support/programme-fixtures.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { SERVER_ONLY, serverRun } from "../../../tests/support/server-only.ts";
import { euroAmount } from "../../forms/applications.ts";
import { MORE_TEXT_LIMIT } from "../../forms/applications-limits.ts";
import { toCsv, toXlsx } from "../../server/spreadsheet.server.ts";
import * as trajectoryPage from "../programme/trajectory.tsx";
import * as apply from "./apply.tsx";
import * as costStatement from "./cost-statement.tsx";
import * as exportApplications from "./export-applications.ts";
import * as municipal from "./municipal-applications.tsx";
import * as requestWorkshop from "./request-workshop.tsx";
import * as staffTrajectory from "./staff-trajectory.tsx";
import * as workshopRequests from "./workshop-requests.tsx";

let handle: DatabaseHandle;
let programme: Awaited<ReturnType<typeof givenProgramme>>;
let harness: ReturnType<typeof routeHarness>;
let staff: string;
let coordinator: string;

const rows = () => withPlatform(handle.db, (tx) => tx.select().from(schema.applications));
const mails = () =>
  withPlatform(handle.db, (tx) => tx.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send")));
const slugOf = async (trajectoryId: string) =>
  (
    await withPlatform(handle.db, (tx) =>
      tx
        .select({ slug: schema.trajectories.slug })
        .from(schema.trajectories)
        .where(eq(schema.trajectories.id, trajectoryId)),
    )
  )[0]!.slug;

const goodApplication = {
  municipality: "gemeente-0",
  project: "Dorpsraden na de herindeling",
  learningQuestion: "Hoe geven we kernen zeggenschap?",
  commitmentCollege: "wethouder Jansen",
  commitmentCouncil: "raadsbreed",
  commitmentCivilService: "team participatie",
  "contacts[0].name": "A. de Vries",
  "contacts[0].email": "A.deVries@example.org",
  "contacts[0].role": "coördinator",
};

beforeAll(async () => {
  handle = await freshDatabase();
  programme = await givenProgramme(handle, { municipalities: 3, now: new Date() });
  staff = programme.staffId;
  coordinator = programme.coordinatorId;
  await withPlatform(handle.db, async (tx) => {
    await grantRole(tx, { tenantId: programme.programmeId, personId: staff, role: "programme-staff" });
    for (const municipality of programme.municipalities) {
      await grantRole(tx, { tenantId: municipality, personId: coordinator, role: "municipal-coordinator" });
    }
  });
  harness = routeHarness(handle);
});
afterAll(() => handle.close());

describe("applying for a trajectory", () => {
  it("refuses bad input with a message per field and saves and mails nothing", async () => {
    const slug = await slugOf(await programme.givenTrajectory({ max: 2 }));
    const cookie = await harness.signIn(coordinator);
    const answer = await answerOf(() =>
      apply.action({
        request: harness.post(`/programma/trajecten/${slug}/aanmelden`, cookie, {
          ...goodApplication,
          project: "  ",
          "contacts[0].name": "",
          "contacts[0].email": "",
          "contacts[0].role": "",
          "contacts[1].name": "B. Bakker",
          "contacts[1].email": "geen-adres",
        }),
        context: harness.context(),
        params: { slug },
      } as never),
    );
    expect(answer.status).toBe(400);
    expect(answer.errors).toMatchObject({
      project: ["form.required"],
      "contacts[1].email": ["form.email"],
      "contacts[1].role": ["form.required"],
    });
    const none = await answerOf(() =>
      apply.action({
        request: harness.post(`/programma/trajecten/${slug}/aanmelden`, cookie, {
          ...goodApplication,
          "contacts[0].name": "",
          "contacts[0].email": "",
          "contacts[0].role": "",
        }),
        context: harness.context(),
        params: { slug },
      } as never),
    );
    expect(none.errors).toMatchObject({ "contacts[0].name": ["applications.contacts.required"] });
    expect(await rows()).toEqual([]);
    expect(await mails()).toEqual([]);
  });

  it("saves a good application, mails the contacts and the coordinator, and refuses a second open one", async () => {
    const slug = await slugOf(await programme.givenTrajectory({ max: 2 }));
    const cookie = await harness.signIn(coordinator);
    const send = () =>
      answerOf(() =>
        apply.action({
          request: harness.post(`/programma/trajecten/${slug}/aanmelden`, cookie, goodApplication),
          context: harness.context(),
          params: { slug },
        } as never),
      );
    const sent = await send();
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/programma/trajecten/${slug}/aanmelden/verstuurd?gemeente=gemeente-0`);
    const [application] = (await rows()).filter((row) => row.status === "submitted");
    expect(application?.contacts).toEqual([
      { name: "A. de Vries", email: "a.devries@example.org", role: "coördinator" },
    ]);
    expect((await mails()).map((job) => job.payload.to).sort()).toEqual([
      "a.devries@example.org",
      "coordinator@example.org",
    ]);

    const again = await send();
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ result: { error: { "": ["applications.error.alreadyOpen"] } } });

    // Opening the form again says so at once, and offers no form for that municipality.
    const form = (await apply.loader({
      request: harness.get(`/programma/trajecten/${slug}/aanmelden`, cookie),
      context: harness.context(),
      params: { slug },
    } as never)) as { municipalities: { slug: string }[]; refused: { slug: string; message: string }[] };
    expect(form.municipalities.map((m) => m.slug)).not.toContain("gemeente-0");
    expect(form.refused).toEqual([
      expect.objectContaining({ slug: "gemeente-0", message: "applications.error.alreadyOpen" }),
    ]);
  });

  it("answers 403 to someone who coordinates no municipality", async () => {
    const slug = await slugOf(await programme.givenTrajectory());
    const cookie = await harness.signIn(staff);
    const answer = await answerOf(() =>
      apply.loader({
        request: harness.get(`/programma/trajecten/${slug}/aanmelden`, cookie),
        context: harness.context(),
        params: { slug },
      } as never),
    );
    expect(answer.status).toBe(403);
  });
});

describe("intake and admission", () => {
  const step = async (slug: string, fields: Record<string, string>) =>
    answerOf(async () =>
      staffTrajectory.action({
        request: harness.post(`/beheer/trajecten/${slug}`, await harness.signIn(staff), fields),
        context: harness.context(),
        params: { slug },
      } as never),
    );

  it("refuses a bad intake date next to the field, then plans it and mails; refuses admission over the maximum", async () => {
    const trajectory = await programme.givenTrajectory({ max: 1 });
    const slug = await slugOf(trajectory);
    const first = await programme.throughIntake(trajectory, programme.municipalities[1]!);
    const second = await programme.apply(trajectory, programme.municipalities[2]!);
    const before = (await mails()).length;

    const bad = await step(slug, {
      intent: "intake-scheduled",
      application: second.id,
      intakeOn: "14-03-2027",
      intakeTime: "25:00",
    });
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({ intakeOn: ["form.date"], intakeTime: ["form.time"] });
    const farOff = await step(slug, {
      intent: "intake-scheduled",
      application: second.id,
      intakeOn: "2001-03-14",
      intakeTime: "10:30",
    });
    expect(farOff.errors).toMatchObject({ intakeOn: ["form.date.near"] });
    expect((await rows()).find((row) => row.id === second.id)?.status).toBe("submitted");
    expect((await mails()).length).toBe(before);

    const planned = await step(slug, {
      intent: "intake-scheduled",
      application: second.id,
      intakeOn: daysFromToday(30),
      intakeTime: "10:30",
    });
    expect(planned.location).toBe(`/beheer/trajecten/${slug}?melding=intake-scheduled`);
    const moved = (await rows()).find((row) => row.id === second.id)!;
    expect(dutchClock(moved.intakeAt!)).toBe(`${daysFromToday(30)} 10:30`);
    expect((await mails()).length).toBe(before + 2);

    expect((await step(slug, { intent: "admitted", application: first.id, note: "Sterk plan" })).status).toBe(302);
    await step(slug, { intent: "intake-held", application: second.id });
    const full = await step(slug, { intent: "admitted", application: second.id });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({
      formId: `admitted-${second.id}`,
      result: { error: { "": ["applications.error.full"] } },
    });

    const outOfOrder = await step(slug, { intent: "intake-held", application: first.id });
    expect(outOfOrder.body).toMatchObject({ result: { error: { "": ["applications.error.transition"] } } });
  });

  it("exports the queue as CSV for Dutch Excel and as XLSX, as downloads", async () => {
    const trajectory = await programme.givenTrajectory();
    const slug = await slugOf(trajectory);
    await programme.apply(trajectory, programme.municipalities[0]!);
    const cookie = await harness.signIn(staff);
    const csv = (await exportApplications.loader({
      request: harness.get(`/beheer/trajecten/${slug}/export.csv`, cookie),
      context: harness.context(),
      params: { slug },
    } as never)) as Response;
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="aanmeldingen-${slug}.csv"`);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFFGemeente;Provincie;Status;")).toBe(true);
    expect(text).toContain("Gemeente 0;;aangemeld;");
    // Everything the municipality submitted is in it: project, the three commitments, the contacts.
    expect(text).toContain("Betrokkenheid van de gemeenteraad");
    expect(text).toContain("Dorpsraden na de herindeling");
    expect(text).toContain("raadsbreed");
    expect(text).toContain("A. de Vries (coördinator) <a.devries@example.org>");
    const xlsx = (await exportApplications.loader({
      request: harness.get(`/beheer/trajecten/${slug}/export.xlsx`, cookie),
      context: harness.context(),
      params: { slug },
    } as never)) as Response;
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip, as every .xlsx is
  });
});

describe("the municipality's own applications", () => {
  it("withdraws only after the confirming tick, and keeps the learning agenda of an admitted application", async () => {
    const trajectory = await programme.givenTrajectory();
    const open = await programme.apply(trajectory, programme.municipalities[0]!);
    const cookie = await harness.signIn(coordinator);
    const post = (fields: Record<string, string>) =>
      answerOf(() =>
        municipal.action({
          request: harness.post("/gemeente-0/beheer/aanmeldingen", cookie, fields),
          context: harness.context(),
          params: { gemeente: "gemeente-0" },
        } as never),
      );
    const unconfirmed = await post({ intent: "withdraw", application: open.id });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.errors).toMatchObject({ confirm: ["applications.withdraw.confirmRequired"] });
    expect((await rows()).find((row) => row.id === open.id)?.status).toBe("submitted");
    expect((await post({ intent: "withdraw", application: open.id, confirm: "on" })).status).toBe(302);
    expect((await rows()).find((row) => row.id === open.id)?.status).toBe("withdrawn");

    const admitted = await programme.admitted(await programme.givenTrajectory(), programme.municipalities[0]!);
    const key = "agenda-form-key-0001";
    const empty = await post({ intent: "agenda-item", key, application: admitted.id, kind: "action", text: " " });
    expect(empty.errors).toMatchObject({ text: ["form.required"] });
    const added = { intent: "agenda-item", key, application: admitted.id, kind: "action", text: "Dorpsraad opzetten" };
    expect((await post(added)).status).toBe(302);
    // The same form sent again (a double click, a retry) adds nothing.
    expect((await post(added)).status).toBe(302);
    const items = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      tx.select().from(schema.learningAgendaItems),
    );
    expect(items).toHaveLength(1);
    const [item] = items;
    expect((await post({ intent: "action-status", item: item!.id, status: "done" })).status).toBe(302);
    const refused = await post({
      intent: "agenda-item",
      key: "agenda-form-key-0002",
      application: open.id,
      kind: "question",
      text: "Hoe?",
    });
    expect(refused.body).toMatchObject({ result: { error: { "": ["applications.error.agendaNeedsAdmission"] } } });
  });
});

describe("cost sharing", () => {
  it("refuses a badly written amount next to the field, and records Dutch euros as cents", async () => {
    const trajectory = await programme.givenTrajectory();
    const slug = await slugOf(trajectory);
    const admitted = await programme.admitted(trajectory, programme.municipalities[1]!);
    const cookie = await harness.signIn(staff);
    const record = (fields: Record<string, string>) =>
      answerOf(() =>
        costStatement.action({
          request: harness.post(`/beheer/trajecten/${slug}/kosten/${admitted.id}`, cookie, fields),
          context: harness.context(),
          params: { slug, applicationId: admitted.id },
        } as never),
      );
    const good = {
      intent: "record",
      key: "cost-form-key-00001",
      kind: "invoice",
      supplier: "Bureau Dorp",
      description: "Begeleiding",
      amount: "1.234,56",
      eligible: "yes",
      documentOn: daysFromToday(-3),
    };
    const bad = await record({ ...good, amount: "12.50", supplier: "", documentOn: "gisteren" });
    expect(bad.status).toBe(400);
    expect(bad.errors).toMatchObject({ amount: ["form.euro"], supplier: ["form.required"], documentOn: ["form.date"] });
    for (const year of ["1900", "2099"])
      expect((await record({ ...good, documentOn: `${year}-01-15` })).errors).toMatchObject({
        documentOn: ["form.date.near"],
      });
    const costs = () => withPlatform(handle.db, (tx) => tx.select().from(schema.costItems));
    expect(await costs()).toEqual([]);
    expect((await record(good)).status).toBe(302);
    expect((await record(good)).status).toBe(302);
    expect((await costs()).map((item) => item.amountCents)).toEqual([123456]);

    const [recorded] = await costs();
    const reverse = { intent: "reverse", key: "cost-reversal-key-01", item: recorded!.id, reason: "" };
    expect((await record(reverse)).errors).toMatchObject({ reason: ["form.required"] });
    expect((await record({ ...reverse, item: "geen-regel", reason: "Dubbel" })).errors).toMatchObject({
      item: ["costs.reverse.item.required"],
    });
    expect(await costs()).toHaveLength(1);
    expect((await record({ ...reverse, reason: "Dubbel ingevoerd" })).status).toBe(302);
    expect((await record({ ...reverse, reason: "Dubbel ingevoerd" })).status).toBe(302);
    const twice = await record({ ...reverse, key: "cost-reversal-key-02", reason: "Nog eens" });
    expect(twice.status).toBe(409);
    expect(twice.errors).toMatchObject({ item: ["costs.error.alreadyReversed"] });
    expect((await costs()).map((item) => item.amountCents)).toEqual([123456, -123456]);
    expect(
      await answerOf(() =>
        costStatement.action({
          request: harness.post(`/beheer/trajecten/${slug}/kosten/${admitted.id}`, cookie, { intent: "erase" }),
          context: harness.context(),
          params: { slug, applicationId: admitted.id },
        } as never),
      ),
    ).toMatchObject({ status: 400 });
  });

  it("reads Dutch amounts and refuses what it would have to guess", () => {
    const cents = (text: string) => euroAmount().safeParse(text);
    expect(cents("1.234,56").data).toBe(123456);
    expect(cents("€ 80").data).toBe(8000);
    expect(cents("1234,5").data).toBe(123450);
    expect(cents("5.000").data).toBe(500000);
    for (const wrong of ["12.50", "1,234.56", "-5", "0", "abc", "1,234"]) expect(cents(wrong).success).toBe(false);
  });
});

describe("CSV", () => {
  it("quotes separators and defuses formulas", () => {
    expect(toCsv([["a;b", '"x"', "=SUM(A1)", 3]])).toBe('\uFEFF"a;b";"""x""";\'=SUM(A1);3\r\n');
  });
});

describe("workshop requests", () => {
  it("goes from request through quote and acceptance to a meeting with the participant limit, refusing bad input", async () => {
    await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      publishWorkshop(tx, {
        tenantId: programme.programmeId,
        slug: "raadsleden-en-participatie",
        title: "Raadsleden en participatie",
        format: "in-company",
        themes: ["participatie"],
        targetGroups: ["councillors"],
        maxParticipants: 20,
        dayparts: 1,
        investment: "on-request",
        summary: "s",
        description: "d",
      }),
    );
    const coordinatorCookie = await harness.signIn(coordinator);
    const staffCookie = await harness.signIn(staff);
    const ask = (fields: Record<string, string>) =>
      answerOf(() =>
        requestWorkshop.action({
          request: harness.post("/programma/workshops/raadsleden-en-participatie/aanvragen", coordinatorCookie, fields),
          context: harness.context(),
          params: { slug: "raadsleden-en-participatie" },
        } as never),
      );
    const requests = () => withPlatform(handle.db, (tx) => tx.select().from(schema.workshopRequests));
    const key = "workshop-form-key-0001";
    const tooMany = await ask({ key, municipality: "gemeente-2", participants: "25", preferredDates: "maart" });
    expect(tooMany.errors).toMatchObject({ participants: ["workshops.error.tooMany"] });
    const blank = await ask({ key, municipality: "gemeente-2", participants: "nul", preferredDates: "" });
    expect(blank.errors).toMatchObject({ participants: ["form.number"], preferredDates: ["form.required"] });
    expect(await requests()).toEqual([]);
    const mailsBefore = (await mails()).length;
    // The same form sent 20 times at once (a double click, a retrying proxy): one request, one mail.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        ask({ key, municipality: "gemeente-2", participants: "12", preferredDates: "maart" }),
      ),
    );
    expect(answers.map((answer) => answer.location)).toEqual(
      Array.from({ length: 20 }, () => "/gemeente-2/beheer/workshops?melding=requested"),
    );
    expect(await requests()).toHaveLength(1);
    expect((await mails()).length - mailsBefore).toBe(1);
    const [asked] = await requests();

    const act = (path: string, cookie: string, params: object, fields: Record<string, string>) =>
      answerOf(() =>
        workshopRequests.action({
          request: harness.post(path, cookie, fields),
          context: harness.context(),
          params,
        } as never),
      );
    const staffStep = (fields: Record<string, string>) =>
      act("/beheer/workshops", staffCookie, {}, { request: asked!.id, ...fields });
    const municipalStep = (fields: Record<string, string>) =>
      act(
        "/gemeente-2/beheer/workshops",
        coordinatorCookie,
        { gemeente: "gemeente-2" },
        { request: asked!.id, ...fields },
      );

    expect((await staffStep({ intent: "quote", amount: "veel" })).errors).toMatchObject({ amount: ["form.euro"] });
    expect((await municipalStep({ intent: "quote", amount: "1,00" })).body).toMatchObject({
      result: { error: { "": ["workshops.error.step"] } },
    });
    expect((await staffStep({ intent: "quote", amount: "1.750", note: "inclusief reiskosten" })).status).toBe(302);
    expect((await municipalStep({ intent: "accept" })).status).toBe(302);
    const bad = await staffStep({
      intent: "schedule",
      startsOn: daysFromToday(60),
      startsTime: "13:30",
      endsTime: "",
      venue: "",
      address: "Markt 1",
      city: "Dijkstad",
    });
    expect(bad.errors).toMatchObject({ endsTime: ["form.required"], venue: ["form.required"] });
    const scheduled = await staffStep({
      intent: "schedule",
      startsOn: daysFromToday(60),
      startsTime: "13:30",
      endsTime: "17:00",
      venue: "Raadhuis",
      address: "Markt 1",
      city: "Dijkstad",
    });
    expect(scheduled.status).toBe(302);
    const [done] = await requests();
    expect(done).toMatchObject({ status: "scheduled", quoteCents: 175000 });
    const slots = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.meetingSlots).where(eq(schema.meetingSlots.meetingId, done!.meetingId!)),
    );
    expect(slots.map((slot) => slot.capacity)).toEqual([20]);
    const mailed = (await mails()).filter((job) => job.payload.template === "workshop-request-status");
    expect(mailed.map((job) => (job.payload.params as { status: string }).status)).toEqual([
      "requested",
      "quoted",
      "accepted",
      "scheduled",
    ]);
    // The meeting is the requesting municipality's own: its coordinator takes a place, someone without a role there
    // is refused and nothing is booked.
    const signUp = (personId: string) =>
      withTenant(handle.db, { tenantId: programme.programmeId, personId }, (tx) =>
        signUpForTrack(tx, {
          tenantId: programme.programmeId,
          slotId: slots[0]!.id,
          personId,
          answers: { organisation: "Gemeente 2" },
          meetingLink: (slug) => `/programma/bijeenkomsten/${slug}`,
          now: new Date(),
        }),
      );
    const audience = await withTenant(handle.db, { tenantId: programme.programmeId }, (tx) =>
      getAudience(tx, { tenantId: programme.programmeId, meetingId: done!.meetingId! }),
    );
    expect(audience).toEqual({
      audience: "invited",
      invited: [{ id: programme.municipalities[2], name: "Gemeente 2" }],
    });
    const [outsider] = await programme.givenPeople(1);
    await expect(signUp(outsider!)).rejects.toMatchObject({ code: "programme.meeting-for-invited-only" });
    expect((await signUp(coordinator)).registration.status).toBe("registered");
    expect((await signUp(staff)).registration.status).toBe("registered");
    const booked = await withPlatform(handle.db, (tx) =>
      tx.select().from(schema.registrations).where(eq(schema.registrations.slotId, slots[0]!.id)),
    );
    expect(booked.map((r) => r.personId).sort()).toEqual([coordinator, staff].sort());
  });
});

describe("XLSX", () => {
  it("writes a workbook whose dates read as Dutch wall-clock time", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const bytes = await toXlsx(
      "Aanmeldingen",
      ["Gemeente", "Aangemeld op"],
      [["Dijkstad", new Date("2027-07-01T08:15:00Z")]],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.getWorksheet("Aanmeldingen")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Gemeente");
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date("2027-07-01T10:15:00Z")); // 10:15 in Dutch summer time
  });
});

describe("admission over HTTP, twice at once", () => {
  it("admits exactly one of two municipalities competing for the last place", async ({ skip }) => {
    skip(!serverRun, SERVER_ONLY);
    const trajectory = await programme.givenTrajectory({ max: 1 });
    const slug = await slugOf(trajectory);
    const [first, second] = [
      await programme.throughIntake(trajectory, programme.municipalities[0]!),
      await programme.throughIntake(trajectory, programme.municipalities[2]!),
    ];
    const cookie = await harness.signIn(staff);
    const admit = (applicationId: string) =>
      answerOf(() =>
        staffTrajectory.action({
          request: harness.post(`/beheer/trajecten/${slug}`, cookie, {
            intent: "admitted",
            application: applicationId,
          }),
          context: harness.context(),
          params: { slug },
        } as never),
      );
    const answers = await Promise.all([admit(first!.id), admit(second!.id)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 409]);
    const admitted = (await rows()).filter((row) => row.trajectoryId === trajectory && row.status === "admitted");
    expect(admitted).toHaveLength(1);
  });
});

describe("what a trajectory's public page states", () => {
  it("lets staff untick the cost-sharing rule and write the full text, each change with an audit row", async () => {
    const trajectoryId = await programme.givenTrajectory();
    const slug = await slugOf(trajectoryId);
    const send = async (fields: Record<string, string>) =>
      answerOf(async () =>
        staffTrajectory.action({
          request: harness.post(`/beheer/trajecten/${slug}`, await harness.signIn(staff), fields),
          context: harness.context(),
          params: { slug },
        } as never),
      );
    const stored = async () =>
      (
        await withPlatform(handle.db, (tx) =>
          tx
            .select({ shares: schema.trajectories.sharesLocalSupport, moreText: schema.trajectories.moreText })
            .from(schema.trajectories)
            .where(eq(schema.trajectories.id, trajectoryId)),
        )
      )[0]!;
    const audit = () =>
      withPlatform(handle.db, (tx) =>
        tx.select().from(schema.auditLog).where(eq(schema.auditLog.subject, trajectoryId)),
      );
    expect(await stored()).toEqual({ shares: true, moreText: "" });

    const text = "## Opzet\n\nEen **rijk** programma met [leerateliers](https://example.org/ateliers).";
    const off = await send({ intent: "describe", moreText: `  ${text}\n` });
    expect(off).toMatchObject({ status: 302, location: `/beheer/trajecten/${slug}?melding=beschreven` });
    expect(await stored()).toEqual({ shares: false, moreText: text });
    const on = await send({ intent: "describe", sharesLocalSupport: "on", moreText: text });
    expect(on.status).toBe(302);
    expect(await stored()).toEqual({ shares: true, moreText: text });
    expect((await audit()).map((row) => [row.action, row.details])).toEqual([
      [
        "programme.trajectory.describe",
        { before: { sharesLocalSupport: true, takesDesignerSignUps: false, moreText: "" } },
      ],
      [
        "programme.trajectory.describe",
        { before: { sharesLocalSupport: false, takesDesignerSignUps: false, moreText: text } },
      ],
    ]);

    // Bad input changes nothing: a tick that is not one, a text over the limit.
    const badTick = await send({ intent: "describe", sharesLocalSupport: "ja", moreText: "ander" });
    expect(badTick.status).toBe(400);
    const tooLong = await send({ intent: "describe", moreText: "x".repeat(MORE_TEXT_LIMIT + 1) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.errors).toMatchObject({ moreText: ["form.tooLong"] });
    expect(await stored()).toEqual({ shares: true, moreText: text });
    expect(await audit()).toHaveLength(2);

    // The public page reads what staff wrote.
    const page = (await trajectoryPage.loader({
      request: harness.get(`/programma/trajecten/${slug}`, ""),
      context: harness.context(),
      params: { slug },
    } as never)) as { trajectory: { moreText: string; sharesLocalSupport: boolean } };
    expect(page.trajectory).toMatchObject({ moreText: text, sharesLocalSupport: true });
  });
});
