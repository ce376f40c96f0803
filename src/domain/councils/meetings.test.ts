import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, schema, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { MAX_UPLOAD_BYTES } from "../../platform/uploads/index.ts";
import { findOrCreatePerson, grantRole } from "../identity/index.ts";
import { DomainError } from "../shared/index.ts";
import {
  addAgendaItem,
  attachMeetingDocument,
  createCouncil,
  createMeeting,
  getMeeting,
  getPublicMeeting,
  listMeetings,
  publishMeeting,
  readMeetingDocument,
  recordMeetingReport,
  seatMember,
} from "./index.ts";

const NOW = new Date("2026-03-02T10:00:00Z");
const MEETING = { startsAt: new Date("2026-03-16T18:30:00Z"), endsAt: new Date("2026-03-16T20:30:00Z") };
const AFTER = new Date("2026-03-17T09:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
let councilId: string;
const people = { secretary: "", chair: "", staff: "", stranger: "" };

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  const kern = await givenKern(handle, tenantId, "Aldeveen");
  await withPlatform(handle.db, async (tx) => {
    for (const name of Object.keys(people) as (keyof typeof people)[])
      people[name] = (await findOrCreatePerson(tx, { email: `${name}@aldeveen.nl`, displayName: name })).id;
    await grantRole(tx, { tenantId, personId: people.staff, role: "municipal-staff" });
    await grantRole(tx, { tenantId: otherTenantId, personId: people.stranger, role: "municipal-staff" });
  });
  councilId = await inTenant(async (tx) => {
    const council = await createCouncil(tx, {
      tenantId,
      slug: "dorpsraad-aldeveen",
      name: "Dorpsraad Aldeveen",
      kind: "village-council",
      basis: "association",
      basisUrl: null,
      description: "",
      memberSeats: 3,
      areaIds: [kern],
      actorPersonId: null,
      now: NOW,
    });
    for (const [role, personId] of [
      ["secretary", people.secretary],
      ["chair", people.chair],
    ] as const)
      await seatMember(tx, {
        tenantId,
        councilId: council.id,
        role,
        name: role,
        personId,
        startsOn: "2026-01-01",
        endsOn: null,
        actorPersonId: null,
        now: NOW,
      });
    return council.id;
  });
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>) => withTenant(handle.db, { tenantId }, work);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainError ? e.code : e),
  );
let made = 0;
const newMeeting = (actorPersonId = people.secretary, o: Partial<typeof MEETING> = {}) =>
  inTenant((tx) =>
    createMeeting(tx, {
      tenantId,
      councilId,
      title: "Dorpsraadvergadering",
      ...MEETING,
      place: "Dorpshuis De Brink",
      onlineUrl: null,
      idempotencyKey: `meeting-key-${++made}-abcdefgh`,
      actorPersonId,
      now: NOW,
      ...o,
    }),
  );
const item = (meetingId: string, title: string, visibility: "public" | "closed", actorPersonId = people.secretary) =>
  inTenant((tx) =>
    addAgendaItem(tx, {
      tenantId,
      councilId,
      meetingId,
      title,
      explanation: `Toelichting bij ${title}`,
      visibility,
      actorPersonId,
      now: NOW,
    }),
  );
const attach = (meetingId: string, itemId: string | null, bytes = PDF, actorPersonId = people.secretary) =>
  inTenant((tx) =>
    attachMeetingDocument(tx, {
      tenantId,
      councilId,
      meetingId,
      itemId,
      title: "Stuk",
      bytes,
      fileName: "stuk.pdf",
      actorPersonId,
      now: NOW,
    }),
  );
const publish = (meetingId: string, actorPersonId = people.secretary) =>
  inTenant((tx) => publishMeeting(tx, { tenantId, councilId, meetingId, actorPersonId, now: NOW }));
const countRows = async () =>
  inTenant(async (tx) => ({
    meetings: (await tx.select().from(schema.councilMeetings)).length,
    items: (await tx.select().from(schema.councilAgendaItems)).length,
    documents: (await tx.select().from(schema.councilMeetingDocuments)).length,
    uploads: (await tx.select().from(schema.uploads)).length,
  }));

describe("preparing a meeting", () => {
  it("lets the secretary and staff with the councils right prepare one, and no one else", async () => {
    const { id } = await newMeeting();
    expect((await newMeeting(people.staff)).id).toMatch(/^[0-9a-f-]{36}$/);
    const before = await countRows();
    expect(await refusal(newMeeting(people.chair))).toBe("councils.meeting-secretary-only");
    expect(await refusal(newMeeting(people.stranger))).toBe("councils.meeting-secretary-only");
    expect(await refusal(item(id, "Rondvraag", "public", people.chair))).toBe("councils.meeting-secretary-only");
    expect(await refusal(publish(id, people.stranger))).toBe("councils.meeting-secretary-only");
    expect(await countRows()).toEqual(before);
  });

  it("refuses an end before the start, and a second submit of the same form makes one meeting", async () => {
    const before = await countRows();
    expect(await refusal(newMeeting(people.secretary, { endsAt: MEETING.startsAt }))).toBe(
      "councils.meeting-times-invalid",
    );
    expect(await countRows()).toEqual(before);
    const once = (tx: Tx) =>
      createMeeting(tx, {
        tenantId,
        councilId,
        title: "Extra vergadering",
        ...MEETING,
        place: "Dorpshuis",
        onlineUrl: "https://meet.example.org/dorpsraad",
        idempotencyKey: "same-form-twice-1234",
        actorPersonId: people.secretary,
        now: NOW,
      });
    const [first, second] = [await inTenant(once), await inTenant(once)];
    expect(second.id).toBe(first.id);
    expect((await countRows()).meetings).toBe(before.meetings + 1);
  });

  it("numbers agenda items in order, and publishes only a meeting with an agenda, once", async () => {
    const { id } = await newMeeting();
    expect(await refusal(publish(id))).toBe("councils.meeting-agenda-empty");
    expect((await item(id, "Opening", "public")).position).toBe(1);
    expect((await item(id, "Verkoop schoolgebouw", "closed")).position).toBe(2);
    await publish(id);
    expect(await refusal(publish(id))).toBe("councils.meeting-already-published");
    const meeting = await inTenant((tx) => getMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(meeting).toMatchObject({ status: "published", publishedAt: NOW });
    expect(meeting!.items.map((i) => [i.position, i.title])).toEqual([
      [1, "Opening"],
      [2, "Verkoop schoolgebouw"],
    ]);
  });
});

describe("documents", () => {
  it("takes a PDF and refuses anything else, an empty or too large file, changing nothing", async () => {
    const { id } = await newMeeting();
    const before = await countRows();
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(PDF);
    expect(await refusal(attach(id, null, html))).toBe("uploads.type-not-allowed");
    expect(await refusal(attach(id, null, png))).toBe("uploads.type-not-allowed");
    expect(await refusal(attach(id, null, new Uint8Array()))).toBe("uploads.empty");
    expect(await refusal(attach(id, null, big))).toBe("uploads.too-large");
    expect(await refusal(attach(id, crypto.randomUUID()))).toBe("councils.agenda-item-not-found");
    expect(await refusal(attach(id, null, PDF, people.chair))).toBe("councils.meeting-secretary-only");
    expect(await countRows()).toEqual(before);
    await attach(id, null);
    expect((await countRows()).uploads).toBe(before.uploads + 1);
  });

  it("serves a closed item's document to the council only, and nothing of a draft to the public", async () => {
    const { id } = await newMeeting();
    const open = await item(id, "Speelveld", "public");
    const closed = await item(id, "Grondaankoop", "closed");
    const openDoc = await attach(id, open.id);
    const closedDoc = await attach(id, closed.id);
    const read = (documentId: string, audience: "everyone" | "council") =>
      inTenant((tx) => readMeetingDocument(tx, { tenantId, councilId, meetingId: id, documentId, audience }));
    expect(await read(openDoc.id, "everyone")).toBeUndefined();
    expect(await inTenant((tx) => getPublicMeeting(tx, { tenantId, councilId, meetingId: id }))).toBeUndefined();
    await publish(id);
    expect((await read(openDoc.id, "everyone"))?.contentType).toBe("application/pdf");
    expect(await read(closedDoc.id, "everyone")).toBeUndefined();
    expect((await read(closedDoc.id, "council"))?.contentType).toBe("application/pdf");
    const uploads = await inTenant((tx) => tx.select({ visibility: schema.uploads.visibility }).from(schema.uploads));
    expect(new Set(uploads.map((u) => u.visibility))).toEqual(new Set(["internal"]));

    const seen = await inTenant((tx) => getPublicMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(seen!.items).toEqual([
      expect.objectContaining({ position: 1, visibility: "public", title: "Speelveld" }),
      { position: 2, visibility: "closed" },
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/Grondaankoop|closedDoc/);
    expect(JSON.stringify(seen)).not.toContain(closedDoc.id);
    const elsewhere = await withTenant(handle.db, { tenantId: otherTenantId }, (tx) =>
      readMeetingDocument(tx, { tenantId, councilId, meetingId: id, documentId: openDoc.id, audience: "everyone" }),
    );
    expect(elsewhere).toBeUndefined();
  });
});

describe("the report after the meeting", () => {
  const report = (
    meetingId: string,
    o: { now?: Date; report?: string; items?: { itemId: string; report: string }[] },
  ) =>
    inTenant((tx) =>
      recordMeetingReport(tx, {
        tenantId,
        councilId,
        meetingId,
        kind: "decisions",
        report: o.report ?? "",
        items: o.items ?? [],
        actorPersonId: people.secretary,
        now: o.now ?? AFTER,
      }),
    );

  it("waits until the meeting is published and has begun, and needs some text", async () => {
    const { id } = await newMeeting();
    const opening = await item(id, "Opening", "public");
    expect(await refusal(report(id, { report: "Besloten: ja." }))).toBe("councils.meeting-not-published");
    await publish(id);
    expect(await refusal(report(id, { report: "Besloten: ja.", now: NOW }))).toBe("councils.meeting-not-held-yet");
    expect(await refusal(report(id, { report: "  ", items: [{ itemId: opening.id, report: "" }] }))).toBe(
      "councils.meeting-report-empty",
    );
    expect(await refusal(report(id, { items: [{ itemId: crypto.randomUUID(), report: "x" }] }))).toBe(
      "councils.agenda-item-not-found",
    );
    const unchanged = await inTenant((tx) => getMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(unchanged).toMatchObject({ reportKind: null, report: null });
    await report(id, {
      report: "De raad stemt in met het jaarplan.",
      items: [{ itemId: opening.id, report: "Geopend." }],
    });
    const done = await inTenant((tx) => getMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(done).toMatchObject({ reportKind: "decisions", report: "De raad stemt in met het jaarplan." });
    expect(done!.items[0]!.report).toBe("Geopend.");
  });

  it("lists the council's meetings by date, the public only the published ones", async () => {
    const all = await inTenant((tx) => listMeetings(tx, { tenantId, councilId, publishedOnly: false }));
    const published = await inTenant((tx) => listMeetings(tx, { tenantId, councilId, publishedOnly: true }));
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThan(all.length);
    expect(published.every((m) => m.status === "published")).toBe(true);
  });
});
