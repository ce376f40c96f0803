import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "../../../tests/support/database.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { type DatabaseHandle, schema, type Tx, withPlatform, withTenant } from "../../db/index.ts";
import { findOrCreatePerson } from "../identity/index.ts";
import { DomainError, dutchTime } from "../shared/index.ts";
import {
  type AdviceFileSide,
  adviceFileOf,
  attachAdviceFile,
  createCouncil,
  giveAdvice,
  isCouncilFileOf,
  listAdviceFiles,
  removeAdviceFile,
  requestAdvice,
  respondToAdvice,
  seatMember,
} from "./index.ts";

let handle: DatabaseHandle;
let tenantId: string;
let otherTenantId: string;
const people = { staff: "", secretary: "", member: "", otherSecretary: "" };
let kernId: string;
let made = 0;

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const NOW = dutchTime("2026-11-02", "10:00");
const TODAY = "2026-11-02";

beforeAll(async () => {
  handle = await freshDatabase();
  [tenantId, otherTenantId] = (await givenTwoMunicipalities(handle)).map((t) => t.id) as [string, string];
  await withPlatform(handle.db, async (tx) => {
    for (const key of Object.keys(people) as (keyof typeof people)[])
      people[key] = (await findOrCreatePerson(tx, { email: `${key}@bijlagen.nl`, displayName: key })).id;
  });
  kernId = await givenKern(handle, tenantId, "Aldeveen");
});
afterAll(() => handle.close());

const inTenant = <T>(work: (tx: Tx) => Promise<T>, tenant = tenantId) =>
  withTenant(handle.db, { tenantId: tenant }, work);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainError ? e.code : e),
  );

/** A council with its secretary and a member, and a second council with its own secretary. */
const givenCouncil = (secretary: string, member?: string) =>
  inTenant(async (tx) => {
    const { id } = await createCouncil(tx, {
      tenantId,
      slug: `raad-${++made}`,
      name: `Raad ${made}`,
      kind: "village-council",
      basis: "association",
      basisUrl: null,
      description: "",
      memberSeats: 5,
      areaIds: [kernId],
      actorPersonId: null,
      now: NOW,
    });
    const seat = { tenantId, councilId: id, startsOn: "2026-01-01", endsOn: null, actorPersonId: null, now: NOW };
    await seatMember(tx, { ...seat, role: "secretary", name: "Secretaris", personId: secretary });
    if (member) await seatMember(tx, { ...seat, role: "member", name: "Lid", personId: member });
    return id;
  });

const request = (councilId: string) =>
  inTenant((tx) =>
    requestAdvice(tx, {
      tenantId,
      councilId,
      subject: "Dorpsplein",
      question: "Wat vindt u ervan?",
      actorPersonId: people.staff,
      now: NOW,
    }),
  );
/** Staff attach to the request or response (councilId null), the council to its advice. */
const attach = (
  adviceId: string,
  side: AdviceFileSide,
  councilId: string | null,
  o: Partial<{ bytes: Uint8Array; actor: string }> = {},
) =>
  inTenant((tx) =>
    attachAdviceFile(tx, {
      tenantId,
      adviceId,
      side,
      councilId,
      bytes: o.bytes ?? PDF,
      fileName: "bijlage.pdf",
      actorPersonId: o.actor ?? (councilId ? people.secretary : people.staff),
      now: NOW,
    }),
  );
const give = (councilId: string, requestId: string) =>
  inTenant((tx) =>
    giveAdvice(tx, {
      tenantId,
      councilId,
      answer: { requestId },
      adviceText: "Positief.",
      actorPersonId: people.secretary,
      now: NOW,
    }),
  );
const respond = (adviceId: string) =>
  inTenant((tx) =>
    respondToAdvice(tx, {
      tenantId,
      adviceId,
      outcome: "adopted",
      reasons: "Goed plan.",
      actorPersonId: null,
      now: NOW,
    }),
  );
const publicUploads = async (councilId: string) =>
  (await inTenant((tx) => listAdviceFiles(tx, { tenantId, councilId, audience: "everyone" })))
    .map((f) => f.uploadId)
    .sort();
const opensAsMember = (personId: string, uploadId: string) =>
  inTenant((tx) => isCouncilFileOf(tx, { tenantId, personId, uploadId, today: TODAY }));
const countUploads = () =>
  inTenant(
    async (tx) =>
      (await tx.select({ n: count() }).from(schema.uploads).where(eq(schema.uploads.tenantId, tenantId)))[0]!.n,
  );

describe("advice files", () => {
  it("makes each side's files public with its side, and before that opens them to the council only", async () => {
    const councilId = await givenCouncil(people.secretary, people.member);
    const { id } = await request(councilId);
    const question = await attach(id, "request", null);
    const draft = await attach(id, "advice", councilId);
    // The request was sent, so its file is public; the advice not yet given is the council's and staff's.
    expect(await publicUploads(councilId)).toEqual([question.uploadId]);
    expect(await inTenant((tx) => adviceFileOf(tx, { tenantId, uploadId: draft.uploadId }))).toEqual({
      councilId,
      isPublic: false,
      removed: false,
    });
    expect(await opensAsMember(people.member, draft.uploadId)).toBe(true);
    expect(await opensAsMember(people.otherSecretary, draft.uploadId)).toBe(false);
    await give(councilId, id);
    expect(await publicUploads(councilId)).toEqual([question.uploadId, draft.uploadId].sort());
    const answer = await attach(id, "response", null);
    expect(await publicUploads(councilId)).not.toContain(answer.uploadId);
    await respond(id);
    expect(await publicUploads(councilId)).toEqual([question.uploadId, draft.uploadId, answer.uploadId].sort());
    // Once the response is in, no side takes more files.
    expect(await refusal(attach(id, "advice", councilId))).toBe("councils.advice-files-closed");
    expect(await refusal(attach(id, "request", null))).toBe("councils.advice-files-closed");
  });

  it("refuses another council's officer, a plain member, staff on the council's side, and another municipality", async () => {
    const councilId = await givenCouncil(people.secretary, people.member);
    const otherCouncil = await givenCouncil(people.otherSecretary);
    const { id } = await request(councilId);
    const before = await countUploads();
    expect(await refusal(attach(id, "advice", otherCouncil, { actor: people.otherSecretary }))).toBe(
      "councils.advice-not-found",
    );
    expect(await refusal(attach(id, "advice", councilId, { actor: people.otherSecretary }))).toBe(
      "councils.not-on-council",
    );
    expect(await refusal(attach(id, "advice", councilId, { actor: people.member }))).toBe(
      "councils.advice-secretary-only",
    );
    expect(await refusal(attach(id, "advice", null))).toBe("councils.advice-file-not-found");
    expect(await refusal(attach(id, "request", councilId))).toBe("councils.advice-file-not-found");
    const elsewhere = withTenant(handle.db, { tenantId: otherTenantId }, (tx) =>
      attachAdviceFile(tx, {
        tenantId: otherTenantId,
        adviceId: id,
        side: "request",
        councilId: null,
        bytes: PDF,
        fileName: "x.pdf",
        actorPersonId: people.staff,
        now: NOW,
      }),
    );
    expect(await refusal(elsewhere)).toBe("councils.advice-not-found");
    expect(await countUploads()).toBe(before);
  });

  it("takes only a PDF: anything else is refused and nothing is stored", async () => {
    const councilId = await givenCouncil(people.secretary);
    const { id } = await request(councilId);
    const before = await countUploads();
    const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await refusal(attach(id, "request", null, { bytes: html }))).toBe("uploads.type-not-allowed");
    expect(await refusal(attach(id, "advice", councilId, { bytes: png }))).toBe("uploads.type-not-allowed");
    expect(await refusal(attach(id, "request", null, { bytes: new Uint8Array() }))).toBe("uploads.empty");
    expect(await countUploads()).toBe(before);
    expect(
      await inTenant((tx) =>
        tx.select().from(schema.adviceAttachments).where(eq(schema.adviceAttachments.adviceId, id)),
      ),
    ).toEqual([]);
  });

  it("deletes a file never public, and after publication hides it but keeps it, with an audit line each", async () => {
    const councilId = await givenCouncil(people.secretary, people.member);
    const { id } = await request(councilId);
    const draft = await attach(id, "advice", councilId);
    const question = await attach(id, "request", null);
    const remove = (attachmentId: string, by: string | null) =>
      inTenant((tx) =>
        removeAdviceFile(tx, {
          tenantId,
          adviceId: id,
          attachmentId,
          councilId: by,
          actorPersonId: by ? people.secretary : people.staff,
          now: NOW,
        }),
      );
    // Staff do not take the council's file off, nor the council the municipality's.
    expect(await refusal(remove(draft.id, null))).toBe("councils.advice-file-not-found");
    expect(await refusal(remove(question.id, councilId))).toBe("councils.advice-file-not-found");
    const before = await countUploads();
    expect(await remove(draft.id, councilId)).toBe("deleted");
    expect(await countUploads()).toBe(before - 1);
    expect(await remove(question.id, null)).toBe("removed");
    expect(await refusal(remove(question.id, null))).toBe("councils.advice-file-not-found");
    expect(await countUploads()).toBe(before - 1);
    expect(await publicUploads(councilId)).toEqual([]);
    expect(await inTenant((tx) => adviceFileOf(tx, { tenantId, uploadId: question.uploadId }))).toEqual({
      councilId,
      isPublic: false,
      removed: true,
    });
    expect(await opensAsMember(people.member, question.uploadId)).toBe(false);
    const audit = await inTenant((tx) =>
      tx
        .select({ action: schema.auditLog.action, details: schema.auditLog.details })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.tenantId, tenantId), eq(schema.auditLog.subject, id))),
    );
    expect(audit.map((row) => row.action).filter((a) => a.startsWith("councils.advice-file"))).toEqual([
      "councils.advice-file-attach",
      "councils.advice-file-attach",
      "councils.advice-file-remove",
      "councils.advice-file-remove",
    ]);
    expect(audit.at(-1)!.details).toMatchObject({ mode: "removed", side: "request", sha256: expect.any(String) });
  });
});
