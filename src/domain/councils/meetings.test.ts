import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, schema, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { type MailRequest, renderMail } from "../../mail/index.ts";
import { runDueJobs } from "../../platform/queue/index.ts";
import { MAX_UPLOAD_BYTES } from "../../platform/uploads/index.ts";
import { followingJobHandlers, topicOf } from "../following/index.ts";
import { findOrCreatePerson, grantRole } from "../identity/index.ts";
import { DomainError } from "../shared/index.ts";
import {
  addAgendaItem,
  attachMeetingDocument,
  cancelMeeting,
  createCouncil,
  createMeeting,
  getMeeting,
  getPublicMeeting,
  listMeetings,
  publishMeeting,
  readMeetingDocument,
  recordMeetingReport,
  removeAgendaItem,
  removeMeetingDocument,
  restoreAgendaItem,
  restoreMeetingDocument,
  seatMember,
  updateMeeting,
} from "./index.ts";

const LINKS = {
  meeting: (id: string) => `http://test/veenhoven/raden/dorpsraad-aldeveen/vergaderingen/${id}`,
  unsubscribeBase: "http://test/veenhoven/volgen/afmelden",
};

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

describe("changing, moving and cancelling a meeting", () => {
  const MOVED = { startsAt: new Date("2026-03-23T18:30:00Z"), endsAt: new Date("2026-03-23T21:00:00Z") };
  const change = (meetingId: string, o: Partial<Parameters<typeof updateMeeting>[1]> = {}) =>
    inTenant((tx) =>
      updateMeeting(tx, {
        tenantId,
        councilId,
        meetingId,
        title: "Dorpsraadvergadering (verplaatst)",
        ...MOVED,
        place: "Kerk Aldeveen",
        onlineUrl: null,
        version: 0,
        links: LINKS,
        actorPersonId: people.secretary,
        now: NOW,
        ...o,
      }),
    );
  const cancel = (meetingId: string, o: Partial<Parameters<typeof cancelMeeting>[1]> = {}) =>
    inTenant((tx) =>
      cancelMeeting(tx, {
        tenantId,
        councilId,
        meetingId,
        reason: "Te weinig leden kunnen komen.",
        version: 0,
        links: LINKS,
        actorPersonId: people.secretary,
        now: NOW,
        ...o,
      }),
    );
  const read = (meetingId: string) => inTenant((tx) => getMeeting(tx, { tenantId, councilId, meetingId }));
  const audit = (action: string, subject: string) =>
    inTenant((tx) =>
      tx
        .select({ details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.subject, subject))),
    );

  it("moves a published meeting: same row, a higher sequence, the old and new times in the audit", async () => {
    const { id } = await newMeeting();
    await item(id, "Opening", "public");
    await publish(id);
    expect(await change(id, { version: 0 })).toEqual({ moved: true, mailed: 0 });
    const moved = await read(id);
    expect(moved).toMatchObject({ ...MOVED, place: "Kerk Aldeveen", sequence: 1, status: "published" });
    const [line] = await audit("councils.meeting-update", id);
    expect(line!.details).toMatchObject({
      startsAt: { from: MEETING.startsAt.toISOString(), to: MOVED.startsAt.toISOString() },
      place: { from: "Dorpshuis De Brink", to: "Kerk Aldeveen" },
    });
    expect(await change(id, { version: 1, ...MOVED, title: "Nieuwe naam" })).toEqual({ moved: false, mailed: 0 });
    expect((await read(id))!.sequence).toBe(2);
  });

  it("refuses bad times, a stale form, strangers and a move once the meeting has begun, changing nothing", async () => {
    const { id } = await newMeeting();
    const before = await read(id);
    expect(await refusal(change(id, { endsAt: MOVED.startsAt }))).toBe("councils.meeting-times-invalid");
    expect(await refusal(change(id, { version: 7 }))).toBe("councils.meeting-changed-meanwhile");
    expect(await refusal(change(id, { actorPersonId: people.chair }))).toBe("councils.meeting-secretary-only");
    expect(await refusal(change(id, { actorPersonId: people.stranger }))).toBe("councils.meeting-secretary-only");
    expect(await refusal(change(crypto.randomUUID()))).toBe("councils.meeting-not-found");
    expect(await refusal(change(id, { now: AFTER }))).toBe("councils.meeting-held");
    expect(await refusal(cancel(id, { now: AFTER }))).toBe("councils.meeting-held");
    expect(await refusal(cancel(id, { actorPersonId: people.chair }))).toBe("councils.meeting-secretary-only");
    expect(await read(id)).toEqual(before);
    // After it began, its name and place may still be put right, its times not.
    await change(id, { ...MEETING, now: AFTER, title: "Jaarvergadering" });
    expect(await read(id)).toMatchObject({ ...MEETING, title: "Jaarvergadering", sequence: 1 });
  });

  it("of two changes read at the same version, exactly one wins; the other hears it was changed meanwhile", async () => {
    const { id } = await newMeeting();
    const results = await Promise.all([
      refusal(change(id, { place: "Kerk" })),
      refusal(change(id, { place: "School" })),
      refusal(cancel(id)),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.filter((r) => r !== undefined).every((r) => r === "councils.meeting-changed-meanwhile")).toBe(true);
    expect((await read(id))!.sequence).toBe(1);
  });

  it("cancels a meeting for good: it stays public, marked, and nothing of it changes any more", async () => {
    const { id } = await newMeeting(people.staff);
    const opening = await item(id, "Opening", "public");
    await publish(id);
    await cancel(id, { actorPersonId: people.staff });
    const seen = await inTenant((tx) => getPublicMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(seen).toMatchObject({ cancelledAt: NOW, cancellationReason: "Te weinig leden kunnen komen.", sequence: 1 });
    expect(await refusal(cancel(id, { version: 1 }))).toBe("councils.meeting-cancelled");
    expect(await refusal(change(id, { version: 1 }))).toBe("councils.meeting-cancelled");
    expect(await refusal(item(id, "Rondvraag", "public"))).toBe("councils.meeting-cancelled");
    expect(await refusal(attach(id, null))).toBe("councils.meeting-cancelled");
    expect(
      await refusal(
        inTenant((tx) =>
          removeAgendaItem(tx, {
            tenantId,
            councilId,
            meetingId: id,
            itemId: opening.id,
            actorPersonId: people.secretary,
            now: NOW,
          }),
        ),
      ),
    ).toBe("councils.meeting-cancelled");
    const listed = await inTenant((tx) => listMeetings(tx, { tenantId, councilId, publishedOnly: true }));
    expect(listed.find((m) => m.id === id)?.cancelledAt).toEqual(NOW);
  });
});

describe("removing agenda items and documents", () => {
  const removeItem = (meetingId: string, itemId: string, actorPersonId = people.secretary) =>
    inTenant((tx) => removeAgendaItem(tx, { tenantId, councilId, meetingId, itemId, actorPersonId, now: NOW }));
  const removeDocument = (meetingId: string, documentId: string, actorPersonId = people.secretary) =>
    inTenant((tx) =>
      removeMeetingDocument(tx, { tenantId, councilId, meetingId, documentId, actorPersonId, now: NOW }),
    );

  it("deletes a draft's item with its files and closes the gap in the numbering", async () => {
    const { id } = await newMeeting();
    const [one, two, three] = [
      await item(id, "Opening", "public"),
      await item(id, "Speelveld", "public"),
      await item(id, "Rondvraag", "public"),
    ];
    await attach(id, two!.id);
    const before = await countRows();
    expect(await refusal(removeItem(id, two!.id, people.chair))).toBe("councils.meeting-secretary-only");
    expect(await refusal(removeItem(id, crypto.randomUUID()))).toBe("councils.agenda-item-not-found");
    expect(await refusal(removeItem(id, "geen-id"))).toBe("councils.agenda-item-not-found");
    expect(await countRows()).toEqual(before);
    expect(await removeItem(id, two!.id)).toBe("deleted");
    expect(await countRows()).toMatchObject({
      items: before.items - 1,
      documents: before.documents - 1,
      uploads: before.uploads - 1,
    });
    const left = (await inTenant((tx) => getMeeting(tx, { tenantId, councilId, meetingId: id })))!.items;
    expect(left.map((i) => [i.id, i.position])).toEqual([
      [one!.id, 1],
      [three!.id, 2],
    ]);
    expect((await item(id, "Sluiting", "public")).position).toBe(3);
  });

  it("withdraws a published item: it keeps its number, its documents are served to no one", async () => {
    const { id } = await newMeeting();
    await item(id, "Opening", "public");
    const plan = await item(id, "Speelveld", "public");
    const doc = await attach(id, plan.id);
    await publish(id);
    expect(await removeItem(id, plan.id)).toBe("withdrawn");
    expect(await refusal(removeItem(id, plan.id))).toBe("councils.agenda-item-not-found");
    expect(await refusal(attach(id, plan.id))).toBe("councils.agenda-item-not-found");
    const seen = await inTenant((tx) => getPublicMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(seen!.items[1]).toMatchObject({ position: 2, title: "Speelveld", withdrawn: true, documents: [] });
    for (const audience of ["everyone", "council"] as const)
      expect(
        await inTenant((tx) =>
          readMeetingDocument(tx, { tenantId, councilId, meetingId: id, documentId: doc.id, audience }),
        ),
      ).toBeUndefined();
  });

  it("deletes a draft's document, but after publication keeps the row, the file and an audit line", async () => {
    const { id } = await newMeeting();
    await item(id, "Opening", "public");
    const draftDoc = await attach(id, null);
    const before = await countRows();
    expect(await refusal(removeDocument(id, draftDoc.id, people.stranger))).toBe("councils.meeting-secretary-only");
    expect(await refusal(removeDocument(id, crypto.randomUUID()))).toBe("councils.meeting-document-not-found");
    expect(await removeDocument(id, draftDoc.id)).toBe("deleted");
    expect(await countRows()).toMatchObject({ documents: before.documents - 1, uploads: before.uploads - 1 });

    const kept = await attach(id, null);
    await publish(id);
    expect(await removeDocument(id, kept.id)).toBe("removed");
    expect(await refusal(removeDocument(id, kept.id))).toBe("councils.meeting-document-not-found");
    expect(await countRows()).toMatchObject({ documents: before.documents, uploads: before.uploads });
    const meeting = await inTenant((tx) => getMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(meeting!.documents).toEqual([]);
    expect(
      await inTenant((tx) =>
        readMeetingDocument(tx, { tenantId, councilId, meetingId: id, documentId: kept.id, audience: "council" }),
      ),
    ).toBeUndefined();
    const [line] = await inTenant((tx) =>
      tx
        .select({ details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, "councils.meeting-document-remove"), eq(schema.auditLog.subject, id)))
        .orderBy(desc(schema.auditLog.at)),
    );
    expect(line!.details).toMatchObject({
      document: kept.id,
      mode: "removed",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});

describe("putting a withdrawn item and a removed document back", () => {
  const withdraw = (meetingId: string, itemId: string) =>
    inTenant((tx) =>
      removeAgendaItem(tx, { tenantId, councilId, meetingId, itemId, actorPersonId: people.secretary, now: NOW }),
    );
  const hide = (meetingId: string, documentId: string) =>
    inTenant((tx) =>
      removeMeetingDocument(tx, {
        tenantId,
        councilId,
        meetingId,
        documentId,
        actorPersonId: people.secretary,
        now: NOW,
      }),
    );
  const restoreItem = (meetingId: string, itemId: string, version: number, actorPersonId = people.secretary) =>
    inTenant((tx) =>
      restoreAgendaItem(tx, { tenantId, councilId, meetingId, itemId, version, actorPersonId, now: NOW }),
    );
  const restoreDocument = (meetingId: string, documentId: string, version: number, actorPersonId = people.secretary) =>
    inTenant((tx) =>
      restoreMeetingDocument(tx, { tenantId, councilId, meetingId, documentId, version, actorPersonId, now: NOW }),
    );
  const read = (meetingId: string) => inTenant((tx) => getMeeting(tx, { tenantId, councilId, meetingId }));
  const served = (meetingId: string, documentId: string) =>
    inTenant((tx) => readMeetingDocument(tx, { tenantId, councilId, meetingId, documentId, audience: "everyone" }));
  const auditLines = (action: string, subject: string) =>
    inTenant((tx) =>
      tx
        .select({ details: schema.auditLog.details, actor: schema.auditLog.actorPersonId })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.subject, subject))),
    );

  it("puts a withdrawn item back in its place with its documents, once, with an audit line", async () => {
    const { id } = await newMeeting();
    await item(id, "Opening", "public");
    const plan = await item(id, "Speelveld", "public");
    const doc = await attach(id, plan.id);
    await publish(id);
    await withdraw(id, plan.id);
    expect(await served(id, doc.id)).toBeUndefined();
    const version = (await read(id))!.sequence;

    expect(await refusal(restoreItem(id, plan.id, version, people.chair))).toBe("councils.meeting-secretary-only");
    expect(await refusal(restoreItem(id, plan.id, version + 1))).toBe("councils.meeting-changed-meanwhile");
    expect((await read(id))!.items[1]!.withdrawn).toBe(true);

    await restoreItem(id, plan.id, version);
    const back = await read(id);
    expect(back!.sequence).toBe(version + 1);
    expect(back!.items[1]).toMatchObject({ position: 2, title: "Speelveld", withdrawn: false });
    expect(back!.items[1]!.documents.map((d) => d.id)).toEqual([doc.id]);
    expect(await served(id, doc.id)).toBeDefined();
    // A second click on the same button: nothing is withdrawn any more.
    expect(await refusal(restoreItem(id, plan.id, version + 1))).toBe("councils.agenda-item-not-found");
    expect(await refusal(restoreItem(id, "geen-id", version + 1))).toBe("councils.agenda-item-not-found");
    const lines = await auditLines("councils.agenda-item-restore", id);
    expect(lines).toEqual([{ actor: people.secretary, details: { item: plan.id, position: 2, title: "Speelveld" } }]);
  });

  it("brings a removed document back, the same bytes, and names its checksum in the audit", async () => {
    const { id } = await newMeeting(people.staff);
    await item(id, "Opening", "public");
    const doc = await attach(id, null);
    await publish(id);
    await hide(id, doc.id);
    const hidden = await read(id);
    expect(hidden!.documents).toEqual([]);
    expect(hidden!.removedDocuments).toMatchObject([{ id: doc.id, title: "Stuk", itemPosition: null }]);
    const seen = await inTenant((tx) => getPublicMeeting(tx, { tenantId, councilId, meetingId: id }));
    expect(seen).not.toHaveProperty("removedDocuments");

    expect(await refusal(restoreDocument(id, doc.id, hidden!.sequence, people.stranger))).toBe(
      "councils.meeting-secretary-only",
    );
    await restoreDocument(id, doc.id, hidden!.sequence, people.staff);
    const back = await read(id);
    expect(back!.removedDocuments).toEqual([]);
    expect(back!.documents.map((d) => d.id)).toEqual([doc.id]);
    expect(new TextDecoder().decode((await served(id, doc.id))!.data)).toBe(new TextDecoder().decode(PDF));
    expect(await refusal(restoreDocument(id, doc.id, back!.sequence))).toBe("councils.meeting-document-not-found");
    const [removed] = await auditLines("councils.meeting-document-remove", id);
    const [restored] = await auditLines("councils.meeting-document-restore", id);
    expect(restored!.details).toMatchObject({
      document: doc.id,
      sha256: (removed!.details as { sha256: string }).sha256,
    });
  });

  it("of a restore and a change read at the same version, exactly one wins; nothing of a cancelled meeting comes back", async () => {
    const { id } = await newMeeting();
    await item(id, "Opening", "public");
    const plan = await item(id, "Speelveld", "public");
    await publish(id);
    await withdraw(id, plan.id);
    const version = (await read(id))!.sequence;
    const results = await Promise.all([
      refusal(restoreItem(id, plan.id, version)),
      refusal(
        inTenant((tx) =>
          cancelMeeting(tx, {
            tenantId,
            councilId,
            meetingId: id,
            reason: "Storm.",
            version,
            links: LINKS,
            actorPersonId: people.secretary,
            now: NOW,
          }),
        ),
      ),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
    expect(results.filter((r) => r !== undefined)).toEqual([
      expect.stringMatching(/^councils\.meeting-(changed-meanwhile|cancelled)$/),
    ]);
    const after = await read(id);
    expect(after!.sequence).toBe(version + 1);
    if (after!.cancelledAt) {
      expect(after!.items[1]!.withdrawn).toBe(true);
      expect(await refusal(restoreItem(id, plan.id, after!.sequence))).toBe("councils.meeting-cancelled");
    } else expect(after!.items[1]!.withdrawn).toBe(false);
  });
});

describe("mailing the council's followers when a meeting moves or is called off", () => {
  const follow = (email: string, locale: "nl" | "en", confirmed = true) =>
    inTenant((tx) =>
      tx.insert(schema.follows).values({
        tenantId,
        email,
        topic: topicOf("council", councilId),
        locale,
        confirmTokenHash: `hash-${email}`,
        unsubscribeToken: `afmelden-${email}`,
        createdAt: NOW,
        confirmedAt: confirmed ? NOW : null,
      }),
    );
  /** Runs the follow deliveries, then returns the mails they queued (the mail job itself is not run). */
  const deliveredMails = async (now: Date) => {
    await runDueJobs(handle.db, followingJobHandlers(), { now });
    return withPlatform(handle.db, async (tx) => {
      const jobs = await tx.select().from(schema.jobs).where(eq(schema.jobs.kind, "mail.send"));
      await tx.delete(schema.jobs).where(eq(schema.jobs.kind, "mail.send"));
      return jobs
        .map((job) => job.payload as MailRequest)
        .filter((mail) => mail.template.startsWith("council-meeting-"))
        .sort((a, b) => a.to.localeCompare(b.to));
    });
  };
  const move = (meetingId: string, o: Partial<Parameters<typeof updateMeeting>[1]> = {}) =>
    inTenant((tx) =>
      updateMeeting(tx, {
        tenantId,
        councilId,
        meetingId,
        title: "Dorpsraadvergadering",
        startsAt: new Date("2026-03-23T18:30:00Z"),
        endsAt: new Date("2026-03-23T20:30:00Z"),
        place: "Dorpshuis De Brink",
        onlineUrl: null,
        version: 0,
        links: LINKS,
        actorPersonId: people.secretary,
        now: NOW,
        ...o,
      }),
    );

  beforeAll(async () => {
    await follow("anna@example.org", "nl");
    await follow("bob@example.org", "en");
    await follow("nog-niet@example.org", "nl", false);
  });

  it("mails nobody about a draft; a published meeting's move reaches each follower in their language with the .ics", async () => {
    const draft = await newMeeting();
    expect(await move(draft.id)).toEqual({ moved: true, mailed: 0 });

    const { id } = await newMeeting();
    await item(id, "Opening", "public");
    await publish(id);
    // A new name alone is no move: no mail.
    expect(await move(id, { ...MEETING, title: "Voorjaarsvergadering" })).toEqual({ moved: false, mailed: 0 });
    expect(await move(id, { version: 1 })).toEqual({ moved: true, mailed: 2 });
    const mails = await deliveredMails(NOW);
    expect(mails.map((m) => [m.to, m.locale, m.template])).toEqual([
      ["anna@example.org", "nl", "council-meeting-moved"],
      ["bob@example.org", "en", "council-meeting-moved"],
    ]);
    const [nl, en] = mails.map((m) => renderMail(m.template, m.locale, m.params as never));
    expect(nl!.subject).toBe("Gewijzigd: Dorpsraadvergadering van Dorpsraad Aldeveen");
    expect(nl!.text).toContain("maandag 23 maart 2026, 19:30–21:30");
    expect(en!.subject).toBe("Changed: Dorpsraadvergadering of Dorpsraad Aldeveen");
    expect(en!.text).toContain("Monday, 23 March 2026, 19:30–21:30");
    expect(en!.text).toContain("http://test/veenhoven/volgen/afmelden/afmelden-bob@example.org");
    expect(mails[1]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    const ics = mails[0]!.attachments![0]!.content;
    expect(ics).toContain(`UID:council-meeting-${id}@samenspel`);
    expect(ics).toContain("SEQUENCE:2");
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics).toContain("DTSTART:20260323T183000Z");

    // A new place is a move too.
    expect(await move(id, { version: 2, place: "Kerk Aldeveen" })).toEqual({ moved: false, mailed: 2 });
    await deliveredMails(NOW);
  });

  it("sends a cancelling .ics with the reason", async () => {
    const { id } = await newMeeting();
    await item(id, "Opening", "public");
    await publish(id);
    const mailed = await inTenant((tx) =>
      cancelMeeting(tx, {
        tenantId,
        councilId,
        meetingId: id,
        reason: "De zaal is niet beschikbaar.",
        version: 0,
        links: LINKS,
        actorPersonId: people.secretary,
        now: NOW,
      }),
    );
    expect(mailed).toBe(2);
    const mails = await deliveredMails(NOW);
    expect(mails.map((m) => m.template)).toEqual(["council-meeting-cancelled", "council-meeting-cancelled"]);
    const ics = mails[0]!.attachments![0]!.content;
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain(`UID:council-meeting-${id}@samenspel`);
    const text = renderMail(mails[0]!.template, "nl", mails[0]!.params as never).text;
    expect(text).toContain("De reden: De zaal is niet beschikbaar.");
  });
});
