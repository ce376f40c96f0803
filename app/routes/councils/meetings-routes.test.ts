import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { createCouncil, seatMember } from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { dutchDateOf } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as councilsApi from "../api/councils.ts";
import * as file from "../uploads/file.ts";
import * as meetingPage from "./meeting.tsx";
import * as meetingDocument from "./meeting-document.ts";
import * as meetingsPage from "./meetings.tsx";
import * as feed from "./meetings-feed.ts";
import * as publicCouncil from "./public-council.tsx";
import * as publicMeeting from "./public-meeting.tsx";

/** Issue 10, item 2: a council's meetings through the routes — who may prepare them, and what the public sees. */
let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
const cookies: Record<string, string> = {};
const RAAD = "dorpsraad-aldeveen";
const YESTERDAY = dutchDateOf(new Date(Date.now() - 86_400_000));
const IN_A_WEEK = dutchDateOf(new Date(Date.now() + 7 * 86_400_000));
const IN_TWO_WEEKS = dutchDateOf(new Date(Date.now() + 14 * 86_400_000));
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
let tenantId: string;

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  tenantId = a.id;
  const kern = await givenKern(handle, a.id, "Aldeveen");
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string, tenant: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: email });
      await grantRole(tx, { tenantId: tenant, personId: p.id, role });
      return p.id;
    };
    return {
      secretary: await person("secretaris@aldeveen.nl", a.id, "council-member"),
      chair: await person("voorzitter@aldeveen.nl", a.id, "council-member"),
      staffA: await person("staff@aldorp.nl", a.id, "municipal-staff"),
      staffB: await person("staff@beekstad.nl", b.id, "municipal-staff"),
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
  await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const now = new Date();
    const council = await createCouncil(tx, {
      tenantId: a.id,
      slug: RAAD,
      name: "Dorpsraad Aldeveen",
      kind: "village-council",
      basis: "association",
      basisUrl: null,
      description: "",
      memberSeats: 5,
      areaIds: [kern],
      actorPersonId: null,
      now,
    });
    for (const [role, personId] of [
      ["secretary", people.secretary],
      ["chair", people.chair],
    ] as const)
      await seatMember(tx, {
        tenantId: a.id,
        councilId: council.id,
        role,
        name: role === "secretary" ? "Sanne Secretaris" : "Vera Voorzitter",
        personId,
        startsOn: "2025-01-01",
        endsOn: null,
        actorPersonId: null,
        now,
      });
  });
});
afterAll(() => handle.close());

const workspace = `/aldorp/raad/${RAAD}/vergaderingen`;
const params = { gemeente: "aldorp", raad: RAAD };
type Module = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
const call = (kind: "loader" | "action", module: Module, request: Request, extra: object = {}) =>
  answerOf(
    async () => await module[kind]!({ request, context: harness.context(), params: { ...params, ...extra } } as never),
  );
const post = (path: string, cookie: string, fields: Record<string, string>, pdf?: Uint8Array<ArrayBuffer>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (pdf) form.set("file", new Blob([pdf], { type: "application/pdf" }), "stuk.pdf");
  return new Request(`http://samenspel.test${path}`, {
    method: "POST",
    headers: { Cookie: cookies[cookie]! },
    body: form,
  });
};
const meetingCount = async () =>
  (await withTenant(handle.db, { tenantId }, (tx) => tx.select().from(schema.councilMeetings))).length;
const key = () => `k${crypto.randomUUID().replaceAll("-", "")}`;

const newMeeting = async (fields: Record<string, string> = {}) => {
  const answer = await call(
    "action",
    meetingsPage,
    post(workspace, "secretary", {
      key: key(),
      title: "Openbare vergadering",
      date: YESTERDAY,
      startTime: "19:30",
      endTime: "21:30",
      place: "Dorpshuis De Brink",
      ...fields,
    }),
  );
  expect(answer.status).toBe(302);
  return answer.location!.split("/").pop()!.split("?")[0]!;
};
const onMeeting = (id: string, cookie: string, fields: Record<string, string>, pdf?: Uint8Array<ArrayBuffer>) =>
  call("action", meetingPage, post(`${workspace}/${id}`, cookie, fields, pdf), { vergadering: id });

describe("preparing a meeting in the workspace", () => {
  it("refuses bad input with messages per field and creates nothing", async () => {
    const before = await meetingCount();
    const bad = await call(
      "action",
      meetingsPage,
      post(workspace, "secretary", {
        key: key(),
        title: "",
        date: "2026-02-30",
        startTime: "25:00",
        endTime: "21:00",
        place: "",
        onlineUrl: "javascript:alert(1)",
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(["date", "onlineUrl", "place", "startTime", "title"]);
    const backwards = await call(
      "action",
      meetingsPage,
      post(workspace, "secretary", {
        key: key(),
        title: "Vergadering",
        date: YESTERDAY,
        startTime: "21:00",
        endTime: "19:00",
        place: "Dorpshuis",
      }),
    );
    expect(backwards).toMatchObject({ status: 400, errors: { endTime: ["councilMeetings.error.times"] } });
    expect(await meetingCount()).toBe(before);
  });

  it("lets the chair read the meetings but not prepare one", async () => {
    const page = await call("loader", meetingsPage, harness.get(workspace, cookies.chair!));
    expect(page).toMatchObject({ status: 200, body: { canEdit: false } });
    const before = await meetingCount();
    const refused = await call(
      "action",
      meetingsPage,
      post(workspace, "chair", {
        key: key(),
        title: "X",
        date: YESTERDAY,
        startTime: "19:00",
        endTime: "20:00",
        place: "Y",
      }),
    );
    expect(refused.status).toBe(403);
    expect(await meetingCount()).toBe(before);
  });

  it("opens the staff pages to staff with the councils right, and not to another municipality's staff", async () => {
    const staffPath = `/aldorp/beheer/raden/${RAAD}/vergaderingen`;
    expect((await call("loader", meetingsPage, harness.get(staffPath, cookies.staffA!))).body).toMatchObject({
      canEdit: true,
    });
    expect((await call("loader", meetingsPage, harness.get(staffPath, cookies.staffB!))).status).toBe(403);
    expect((await call("loader", meetingsPage, harness.get(workspace, cookies.staffA!))).status).toBe(403);
  });
});

describe("a published meeting", () => {
  let meetingId: string;
  let documents: { open: string; closed: string; uploadOfClosed: string };

  beforeAll(async () => {
    meetingId = await newMeeting();
    expect((await onMeeting(meetingId, "secretary", { intent: "publish" })).status).toBe(409);
    await onMeeting(meetingId, "secretary", {
      intent: "item",
      title: "Speelveld",
      explanation: "",
      visibility: "public",
    });
    await onMeeting(meetingId, "secretary", { intent: "item", title: "Grondaankoop Esweg", visibility: "closed" });
    const { body } = await call("loader", meetingPage, harness.get(`${workspace}/${meetingId}`, cookies.secretary!), {
      vergadering: meetingId,
    });
    const items = (body as unknown as { meeting: { items: { id: string }[] } }).meeting.items;
    const notPdf = await onMeeting(
      meetingId,
      "secretary",
      { intent: "document", item: items[0]!.id, title: "Tekening" },
      new TextEncoder().encode("<html></html>"),
    );
    expect(notPdf).toMatchObject({ status: 415, errors: { file: ["councilMeetings.error.upload.type"] } });
    const noFile = await onMeeting(meetingId, "secretary", { intent: "document", item: "meeting", title: "Agenda" });
    expect(noFile).toMatchObject({ status: 400, errors: { file: ["councilMeetings.error.fileRequired"] } });
    for (const [item, title] of [
      [items[0]!.id, "Tekening speelveld"],
      [items[1]!.id, "Taxatie Esweg"],
    ] as const)
      expect((await onMeeting(meetingId, "secretary", { intent: "document", item, title }, PDF)).status).toBe(302);
    expect((await onMeeting(meetingId, "chair", { intent: "publish" })).status).toBe(403);
    expect((await onMeeting(meetingId, "secretary", { intent: "publish" })).location).toMatch(/melding=publish$/);
    const report = await onMeeting(meetingId, "secretary", {
      intent: "report",
      kind: "decisions",
      report: "De raad kiest voor het speelveld aan de Brink.",
      "items[0].id": items[0]!.id,
      "items[0].report": "Aangenomen.",
      "items[1].id": items[1]!.id,
      "items[1].report": "De raad koopt de grond niet.",
    });
    expect(report.status).toBe(302);
    const rows = await withTenant(handle.db, { tenantId }, (tx) =>
      tx
        .select({
          id: schema.councilMeetingDocuments.id,
          title: schema.councilMeetingDocuments.title,
          upload: schema.councilMeetingDocuments.uploadId,
        })
        .from(schema.councilMeetingDocuments),
    );
    const open = rows.find((r) => r.title === "Tekening speelveld")!;
    const closed = rows.find((r) => r.title === "Taxatie Esweg")!;
    documents = { open: open.id, closed: closed.id, uploadOfClosed: closed.upload };
  });

  it("shows the public agenda item, and of the closed one only that it exists", async () => {
    const { status, body } = await call(
      "loader",
      publicMeeting,
      harness.get(`/aldorp/raden/${RAAD}/vergaderingen/${meetingId}`, ""),
      { vergadering: meetingId },
    );
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    expect(text).toContain("Speelveld");
    expect(text).toContain("Aangenomen.");
    expect(text).toContain("De raad kiest voor het speelveld aan de Brink.");
    expect(text).not.toMatch(/Grondaankoop|Esweg|koopt de grond niet/);
    expect(text).not.toContain(documents.closed);
    const page = await call("loader", publicCouncil, harness.get(`/aldorp/raden/${RAAD}`, ""));
    expect(JSON.stringify(page.body)).toContain("Openbare vergadering");
  });

  it("serves the public item's document to everyone, the closed item's document to the council only", async () => {
    const doc = (id: string, cookie = "") =>
      call(
        "loader",
        meetingDocument,
        harness.get(`/aldorp/raden/${RAAD}/vergaderingen/${meetingId}/documenten/${id}`, cookie),
        {
          vergadering: meetingId,
          document: id,
        },
      );
    const open = await doc(documents.open);
    expect(open.status).toBe(200);
    expect(open.response?.headers.get("Content-Type")).toBe("application/pdf");
    expect((await doc(documents.closed)).status).toBe(404);
    expect((await doc(documents.closed, cookies.staffB!)).status).toBe(404);
    const forCouncil = await doc(documents.closed, cookies.chair!);
    expect(forCouncil.status).toBe(200);
    expect(forCouncil.response?.headers.get("Cache-Control")).toBe("private, no-store");
    // Nor through the stored file's own address.
    const stored = await answerOf(
      async () =>
        await file.loader({
          request: harness.get(`/aldorp/bestanden/${documents.uploadOfClosed}`, ""),
          context: harness.context(),
          params: { gemeente: "aldorp", uploadId: documents.uploadOfClosed },
        } as never),
    );
    expect(stored.status).toBe(302);
  });

  it("is in the council's calendar feed and the open data, drafts are not", async () => {
    await newMeeting({ title: "Concept voor later" });
    const ics = await call("loader", feed, harness.get(`/aldorp/raden/${RAAD}/agenda.ics`, ""));
    const calendar = await ics.response!.text();
    expect(ics.response!.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    expect(calendar).toContain("Dorpsraad Aldeveen: Openbare vergadering");
    expect(calendar).toContain(`council-meeting-${meetingId}@samenspel`);
    expect(calendar).not.toContain("Concept voor later");
    const api = await answerOf(
      async () =>
        await councilsApi.loader({
          request: harness.get("/api/v1/municipalities/aldorp/councils", ""),
          context: harness.context(),
          params: { slug: "aldorp" },
        } as never),
    );
    const json = (await api.response!.json()) as {
      items: { meetings: { title: string; agenda: { visibility: string; title: string | null }[] }[] }[];
    };
    const meetings = json.items[0]!.meetings;
    expect(meetings.map((m) => m.title)).not.toContain("Concept voor later");
    expect(meetings.find((m) => m.title === "Openbare vergadering")!.agenda).toEqual([
      { position: 1, visibility: "public", title: "Speelveld", withdrawn: false },
      { position: 2, visibility: "closed", title: null, withdrawn: false },
    ]);
    expect(JSON.stringify(json)).not.toMatch(/Grondaankoop|@aldeveen/);
  });
});

describe("moving, cancelling and clearing up a published meeting", () => {
  let meetingId: string;
  const page = () =>
    call("loader", meetingPage, harness.get(`${workspace}/${meetingId}`, cookies.secretary!), {
      vergadering: meetingId,
    }) as unknown as Promise<{
      body: {
        facts: Record<string, string>;
        meeting: {
          title: string;
          items: { id: string; withdrawn: boolean; documents: { id: string }[] }[];
          removedDocuments: { id: string }[];
        };
      };
    }>;
  const feedText = async () =>
    (await (await call("loader", feed, harness.get(`/aldorp/raden/${RAAD}/agenda.ics`, ""))).response!.text())
      .replaceAll("\r\n ", "")
      .split("BEGIN:VEVENT")
      .find((event) => event.includes(`council-meeting-${meetingId}@`))!;
  const change = (cookie: string, fields: Record<string, string>) =>
    onMeeting(meetingId, cookie, {
      intent: "change",
      version: "0",
      title: "Najaarsvergadering",
      date: IN_TWO_WEEKS,
      startTime: "20:00",
      endTime: "22:00",
      place: "Kerk Aldeveen",
      ...fields,
    });

  beforeAll(async () => {
    meetingId = await newMeeting({ title: "Najaarsvergadering", date: IN_A_WEEK });
    await onMeeting(meetingId, "secretary", { intent: "item", title: "Opening", visibility: "public" });
    await onMeeting(meetingId, "secretary", { intent: "item", title: "Speelveld", visibility: "public" });
    const item = (await page()).body.meeting.items[1]!.id;
    await onMeeting(meetingId, "secretary", { intent: "document", item, title: "Tekening" }, PDF);
    await onMeeting(meetingId, "secretary", { intent: "publish" });
  });

  it("refuses bad input, the chair, other staff and a stale form, and changes nothing", async () => {
    const before = (await page()).body.facts;
    expect(before).toMatchObject({ date: IN_A_WEEK, startTime: "19:30", version: "0" });
    const bad = await change("secretary", { title: "", date: "2026-13-01", startTime: "8 uur", version: "x" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(["date", "startTime", "title", "version"]);
    expect(await change("secretary", { endTime: "19:00" })).toMatchObject({
      status: 400,
      errors: { endTime: ["councilMeetings.error.times"] },
    });
    expect((await change("chair", {})).status).toBe(403);
    const otherStaff = await call(
      "action",
      meetingPage,
      post(`/aldorp/beheer/raden/${RAAD}/vergaderingen/${meetingId}`, "staffB", {
        intent: "cancel",
        version: "0",
        reason: "x",
      }),
      { vergadering: meetingId },
    );
    expect(otherStaff.status).toBe(403);
    expect(await onMeeting(meetingId, "secretary", { intent: "cancel", version: "0", reason: " " })).toMatchObject({
      status: 400,
      errors: { reason: ["form.required"] },
    });
    expect(await change("secretary", { version: "3" })).toMatchObject({
      status: 409,
      errors: { "": ["councilMeetings.error.changedMeanwhile"] },
    });
    expect((await page()).body.facts).toEqual(before);
    expect(await feedText()).toContain("SEQUENCE:0");
  });

  it("moves the meeting: the feed keeps its UID with a higher SEQUENCE and the new time", async () => {
    const moved = await change("secretary", {});
    expect(moved.location).toMatch(/melding=change$/);
    expect((await page()).body.facts).toMatchObject({ date: IN_TWO_WEEKS, startTime: "20:00", version: "1" });
    const event = await feedText();
    expect(event).toContain("SEQUENCE:1");
    expect(event).toContain("LOCATION:Kerk Aldeveen");
    expect(event).toContain(`DTSTART:${IN_TWO_WEEKS.replaceAll("-", "")}T`);
    expect(event).not.toContain("STATUS:CANCELLED");
  });

  it("withdraws an item and removes a document after publication, each by its own form", async () => {
    const [opening, plan] = (await page()).body.meeting.items;
    const stale = await onMeeting(meetingId, "secretary", { intent: "remove-document", document: crypto.randomUUID() });
    expect(stale).toMatchObject({ status: 404, errors: { "": ["councilMeetings.error.documentNotFound"] } });
    expect((await onMeeting(meetingId, "chair", { intent: "remove-item", item: opening!.id })).status).toBe(403);
    const removed = await onMeeting(meetingId, "secretary", {
      intent: "remove-document",
      document: plan!.documents[0]!.id,
    });
    expect(removed.location).toMatch(/melding=remove-document$/);
    expect((await onMeeting(meetingId, "secretary", { intent: "remove-item", item: opening!.id })).status).toBe(302);
    const items = (await page()).body.meeting.items;
    expect(items.map((item) => [item.withdrawn, item.documents.length])).toEqual([
      [true, 0],
      [false, 0],
    ]);
  });

  it("puts the withdrawn item and the removed document back, each by its own form with the page's version", async () => {
    const { meeting, facts } = (await page()).body;
    const [opening] = meeting.items;
    const [removed] = meeting.removedDocuments;
    expect(facts.version).toBe("1");
    expect(
      await onMeeting(meetingId, "secretary", { intent: "restore-item", item: opening!.id, version: "0" }),
    ).toMatchObject({ status: 409, errors: { "": ["councilMeetings.error.changedMeanwhile"] } });
    expect(
      (await onMeeting(meetingId, "chair", { intent: "restore-item", item: opening!.id, version: "1" })).status,
    ).toBe(403);
    const item = await onMeeting(meetingId, "secretary", { intent: "restore-item", item: opening!.id, version: "1" });
    expect(item.location).toMatch(/melding=restore-item$/);
    const document = await onMeeting(meetingId, "secretary", {
      intent: "restore-document",
      document: removed!.id,
      version: "2",
    });
    expect(document.location).toMatch(/melding=restore-document$/);
    const after = (await page()).body;
    expect(after.meeting.items.map((i) => [i.withdrawn, i.documents.length])).toEqual([
      [false, 0],
      [false, 1],
    ]);
    expect(after.meeting.removedDocuments).toEqual([]);
    expect(after.facts.version).toBe("3");
  });

  it("cancels the meeting: STATUS:CANCELLED in the feed, marked on the public page, and then nothing changes", async () => {
    expect(
      (await onMeeting(meetingId, "secretary", { intent: "cancel", version: "0", reason: "Zaal dicht" })).status,
    ).toBe(409);
    const cancelled = await onMeeting(meetingId, "secretary", { intent: "cancel", version: "3", reason: "Zaal dicht" });
    expect(cancelled.location).toMatch(/melding=cancel$/);
    const event = await feedText();
    expect(event).toContain("STATUS:CANCELLED");
    expect(event).toContain("SEQUENCE:4");
    const visitor = await call(
      "loader",
      publicMeeting,
      harness.get(`/aldorp/raden/${RAAD}/vergaderingen/${meetingId}`, ""),
      { vergadering: meetingId },
    );
    expect(visitor.body).toMatchObject({ meeting: { cancellationReason: "Zaal dicht" } });
    expect((await page()).body).toMatchObject({ canEdit: false });
    expect(await change("secretary", { version: "4" })).toMatchObject({
      status: 409,
      errors: { "": ["councilMeetings.error.cancelled"] },
    });
  });
});

describe("following a council", () => {
  const follow = (fields: Record<string, string>) =>
    call("action", publicCouncil, post(`/aldorp/raden/${RAAD}`, "", { intent: "follow", ...fields }));
  const follows = () => withTenant(handle.db, { tenantId }, (tx) => tx.select().from(schema.follows));

  it("refuses a bad address and asks a good one to confirm; the contact form still works beside it", async () => {
    expect(await follow({ email: "geen-adres" })).toMatchObject({ status: 400, errors: { email: expect.any(Array) } });
    expect(await follows()).toEqual([]);
    const asked = await follow({ email: "Anna@Example.org" });
    expect(asked.location).toBe(`/aldorp/raden/${RAAD}?melding=volgen#volgen`);
    const [row] = await follows();
    expect(row).toMatchObject({
      email: "anna@example.org",
      topic: expect.stringMatching(/^council:/),
      confirmedAt: null,
    });
    const contact = await call(
      "action",
      publicCouncil,
      post(`/aldorp/raden/${RAAD}`, "", { name: "Anna", email: "anna@example.org", message: "Hallo" }),
    );
    expect(contact.location).toMatch(/melding=verstuurd/);
  });
});
