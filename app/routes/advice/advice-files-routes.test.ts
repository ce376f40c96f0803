import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, schema, withPlatform, withTenant } from "../../../src/db/index.ts";
import { createCouncil, requestAdvice, seatMember } from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole } from "../../../src/domain/identity/index.ts";
import { dutchTime } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import { translator } from "../../i18n/catalogue.ts";
import * as adviceApi from "../api/advice.ts";
import * as file from "../uploads/file.ts";
import * as councilPage from "./council-advice.tsx";
import * as registerPage from "./public-register.tsx";
import * as itemPage from "./staff-advice-item.tsx";

let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let tenantId: string;
let adviceId: string;
const cookies: Record<string, string> = {};
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  tenantId = a.id;
  const kern = await givenKern(handle, a.id, "Aldeveen");
  const people = await withPlatform(handle.db, async (tx) => {
    const person = async (email: string) => (await findOrCreatePerson(tx, { email, displayName: email })).id;
    const ids = {
      staffA: await person("medewerker@aldorp.nl"),
      // Seated without any role: only the seat opens the council's files.
      secretary: await person("secretaris@dorpsraad.nl"),
      member: await person("lid@dorpsraad.nl"),
      // Another council's secretary, with the council-member role, which opens ledger receipts but no advice file.
      otherSecretary: await person("secretaris@wijkraad.nl"),
      staffB: await person("medewerker@beekstad.nl"),
    };
    await grantRole(tx, { tenantId: a.id, personId: ids.staffA, role: "municipal-staff" });
    await grantRole(tx, { tenantId: a.id, personId: ids.otherSecretary, role: "council-member" });
    await grantRole(tx, { tenantId: b.id, personId: ids.staffB, role: "municipal-coordinator" });
    return ids;
  });
  for (const [name, id] of Object.entries(people)) cookies[name] = await harness.signIn(id);
  const now = dutchTime("2026-03-02", "10:00");
  await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const council = async (slug: string, seats: [role: "secretary" | "member", personId: string][]) => {
      const { id } = await createCouncil(tx, {
        tenantId: a.id,
        slug,
        name: slug,
        kind: "village-council",
        basis: "association",
        basisUrl: null,
        description: "",
        memberSeats: 5,
        areaIds: [kern],
        actorPersonId: null,
        now,
      });
      for (const [role, personId] of seats)
        await seatMember(tx, {
          tenantId: a.id,
          councilId: id,
          role,
          name: role,
          personId,
          startsOn: "2025-01-01",
          endsOn: null,
          actorPersonId: null,
          now,
        });
      return id;
    };
    const councilId = await council("dorpsraad-aldeveen", [
      ["secretary", people.secretary],
      ["member", people.member],
    ]);
    await council("wijkraad-noord", [["secretary", people.otherSecretary]]);
    adviceId = (
      await requestAdvice(tx, {
        tenantId: a.id,
        councilId,
        subject: "Dorpsplein",
        question: "Wat vindt u van het ontwerp?",
        actorPersonId: people.staffA,
        now,
      })
    ).id;
  });
});
afterAll(() => handle.close());

const staffPath = () => `/aldorp/beheer/advies/${adviceId}`;
const councilPath = "/aldorp/raad/dorpsraad-aldeveen/advies";
const post = (path: string, cookie: string, fields: Record<string, string>, bytes?: Uint8Array<ArrayBuffer>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (bytes) form.set("file", new Blob([bytes], { type: "application/pdf" }), "bijlage.pdf");
  return new Request(`http://samenspel.test${path}`, { method: "POST", headers: { Cookie: cookie }, body: form });
};
type Module = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
const call = (kind: "loader" | "action", module: Module, request: Request, params: Record<string, string>) =>
  answerOf(async () => await module[kind]!({ request, context: harness.context(), params } as never));
const asStaff = (cookie: string, fields: Record<string, string>, bytes?: Uint8Array<ArrayBuffer>) =>
  call("action", itemPage, post(staffPath(), cookie, { advice: adviceId, ...fields }, bytes), {
    gemeente: "aldorp",
    adviceId,
  });
const asCouncil = (cookie: string, fields: Record<string, string>, bytes?: Uint8Array<ArrayBuffer>) =>
  call("action", councilPage, post(councilPath, cookie, { advice: adviceId, ...fields }, bytes), {
    gemeente: "aldorp",
    raad: "dorpsraad-aldeveen",
  });
const open = (uploadId: string, cookie = "") =>
  call("loader", file, harness.get(`/aldorp/bestanden/${uploadId}`, cookie), { gemeente: "aldorp", uploadId });
const attachments = () => withTenant(handle.db, { tenantId }, (tx) => tx.select().from(schema.adviceAttachments));
const uploadOf = async (side: string) => (await attachments()).find((row) => row.side === side && !row.removedAt)!;

describe("files on advice through the pages", () => {
  it("refuses a file that is not a PDF with a clear Dutch message, and stores nothing", async () => {
    const html = new TextEncoder().encode("<!doctype html><p>geen pdf</p>");
    const refused = await asStaff(cookies.staffA!, { intent: "attach", side: "request" }, html);
    expect(refused.status).toBe(415);
    expect(refused.errors).toMatchObject({ file: ["councilMeetings.error.upload.type"] });
    expect(translator("nl")("councilMeetings.error.upload.type")).toBe(
      "Dit is geen PDF. Sla het stuk op als PDF en probeer het opnieuw.",
    );
    const none = await asCouncil(cookies.secretary!, { intent: "attach", side: "advice" });
    expect(none.errors).toMatchObject({ file: ["councilMeetings.error.fileRequired"] });
    expect(await attachments()).toEqual([]);
  });

  it("keeps the council's draft file to the council and staff until the advice is given", async () => {
    const question = await asStaff(cookies.staffA!, { intent: "attach", side: "request" }, PDF);
    expect(question.location).toBe(`${staffPath()}?melding=attached`);
    const draft = await asCouncil(cookies.secretary!, { intent: "attach", side: "advice" }, PDF);
    expect(draft.location).toBe(`${councilPath}?melding=attached`);
    // A plain member reads but does not attach; staff do not attach for the council, nor another council.
    const byMember = await asCouncil(cookies.member!, { intent: "attach", side: "advice" }, PDF);
    expect(byMember.errors).toMatchObject({ "": ["advice.error.secretaryOnly"] });
    expect((await asStaff(cookies.staffA!, { intent: "attach", side: "advice" }, PDF)).status).toBe(404);
    expect((await asCouncil(cookies.otherSecretary!, { intent: "attach", side: "advice" }, PDF)).status).toBe(403);
    // Another municipality's staff get nothing of Aldorp's advice.
    expect((await asStaff(cookies.staffB!, { intent: "attach", side: "request" }, PDF)).status).toBe(403);
    expect(await attachments()).toHaveLength(2);

    const request = await uploadOf("request");
    const advice = await uploadOf("advice");
    expect((await open(request.uploadId)).status).toBe(200);
    expect((await open(request.uploadId)).response?.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect((await open(advice.uploadId)).status).toBe(302);
    expect((await open(advice.uploadId, cookies.member!)).status).toBe(200);
    expect((await open(advice.uploadId, cookies.staffA!)).status).toBe(200);
    expect((await open(advice.uploadId, cookies.otherSecretary!)).status).toBe(403);
    expect((await open(advice.uploadId, cookies.staffB!)).status).toBe(403);

    const register = async () =>
      JSON.stringify(
        (await call("loader", registerPage, harness.get("/aldorp/advies", ""), { gemeente: "aldorp" })).body,
      );
    expect(await register()).toContain(request.uploadId);
    expect(await register()).not.toContain(advice.uploadId);
    const workspace = JSON.stringify(
      (
        await call("loader", councilPage, harness.get(councilPath, cookies.member!), {
          gemeente: "aldorp",
          raad: "dorpsraad-aldeveen",
        })
      ).body,
    );
    expect(workspace).toContain(advice.uploadId);
    expect(workspace).toContain('"fileName":"bijlage.pdf"');

    const given = await asCouncil(cookies.secretary!, { intent: "give", request: adviceId, advice: "Meer groen." });
    expect(given.location).toBe(`${councilPath}?melding=given`);
    expect((await open(advice.uploadId)).status).toBe(200);
    expect(await register()).toContain(advice.uploadId);
    const api = await answerOf(() =>
      adviceApi.loader({
        request: new Request("http://samenspel.test/api/v1/municipalities/aldorp/advice"),
        context: harness.context(),
        params: { slug: "aldorp" },
      } as never),
    );
    const items = ((await api.response!.json()) as { items: { id: string; attachments: unknown[] }[] }).items;
    expect(items.find((item) => item.id === adviceId)!.attachments).toEqual([
      expect.objectContaining({ side: "request", name: "bijlage.pdf", size: PDF.byteLength }),
      expect.objectContaining({ side: "advice", name: "bijlage.pdf", size: PDF.byteLength }),
    ]);
  });

  it("hides a public file on removal but keeps it for staff, with an audit line", async () => {
    const advice = await uploadOf("advice");
    // Staff do not take the council's file off.
    expect((await asStaff(cookies.staffA!, { intent: "remove-file", file: advice.id })).status).toBe(404);
    const removed = await asCouncil(cookies.secretary!, { intent: "remove-file", file: advice.id });
    expect(removed.location).toBe(`${councilPath}?melding=file-removed`);
    expect((await attachments()).find((row) => row.id === advice.id)?.removedAt).not.toBeNull();
    expect((await open(advice.uploadId)).status).toBe(302);
    expect((await open(advice.uploadId, cookies.member!)).status).toBe(403);
    expect((await open(advice.uploadId, cookies.staffA!)).status).toBe(200);
    const audit = await withTenant(handle.db, { tenantId }, (tx) => tx.select().from(schema.auditLog));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(["councils.advice-file-attach", "councils.advice-file-remove"]),
    );
  });
});
