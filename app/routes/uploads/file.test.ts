import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import { findOrCreatePerson, grantRole, type Role } from "../../../src/domain/identity/index.ts";
import { applyToFund, createFund } from "../../../src/domain/initiatives/index.ts";
import { addDays, dutchDateOf } from "../../../src/domain/shared/index.ts";
import { createTenant } from "../../../src/domain/tenancy/index.ts";
import { MAX_UPLOAD_BYTES, storeUpload } from "../../../src/platform/uploads/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { fileIn, readMultipartForm } from "../../server/uploads.server.ts";
import * as fileRoute from "./file.ts";

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let receiptId: string;
let photoId: string;
let budgetId: string;
const cookies: Partial<Record<"staffA" | "councilA" | "committeeA" | "residentA" | "staffB", string>> = {};

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const { a, people } = await withPlatform(handle.db, async (tx) => {
    const a = await createTenant(tx, { slug: "aldorp", name: "Gemeente Aldorp", kind: "municipality" });
    const b = await createTenant(tx, { slug: "beekstad", name: "Gemeente Beekstad", kind: "municipality" });
    const person = async (email: string, tenantId: string, role: Role) => {
      const p = await findOrCreatePerson(tx, { email, displayName: email });
      await grantRole(tx, { tenantId, personId: p.id, role });
      return p.id;
    };
    return {
      a,
      people: {
        staffA: await person("staff@aldorp.nl", a.id, "municipal-staff"),
        councilA: await person("raad@aldorp.nl", a.id, "council-member"),
        committeeA: await person("commissie@aldorp.nl", a.id, "fund-committee"),
        residentA: await person("inwoner@aldorp.nl", a.id, "resident"),
        staffB: await person("staff@beekstad.nl", b.id, "municipal-coordinator"),
      },
    };
  });
  for (const [name, id] of Object.entries(people)) cookies[name as keyof typeof cookies] = await harness.signIn(id);
  [receiptId, photoId, budgetId] = await withTenant(handle.db, { tenantId: a.id }, async (tx) => {
    const now = new Date();
    const common = { tenantId: a.id, actorPersonId: null, now, accept: ["pdf"] as const };
    const receipt = await storeUpload(tx, { ...common, bytes: PDF, fileName: "bon.pdf", visibility: "internal" });
    const open = await storeUpload(tx, { ...common, bytes: PDF, fileName: "notulen.pdf", visibility: "public" });
    // A resident's application to the initiatives fund, with its budget: a file the fund committee assesses.
    const budget = await storeUpload(tx, { ...common, bytes: PDF, fileName: "begroting.pdf", visibility: "internal" });
    const fund = await createFund(tx, {
      tenantId: a.id,
      slug: "initiatievenfonds",
      name: "Initiatievenfonds Aldorp",
      description: "Voor plannen van bewoners",
      maxPerApplicationCents: 500_000,
      yearlyBudgetCents: 1_000_000,
      coFinancingPercent: null,
      hourValueCents: 1_500,
      leadTimeDays: 0,
      decisionTermLength: 8,
      decisionTermUnit: "weeks",
      extensionLength: 4,
      intake: "continuous",
      decisionDates: [],
      criteria: ["Voor en door bewoners"],
      requiredDocuments: ["Begroting"],
      advancePercent: 80,
      reportTermWeeks: 8,
      actorPersonId: people.staffA,
      now,
    });
    await applyToFund(tx, {
      tenantId: a.id,
      fundId: fund.id,
      applicantId: people.residentA,
      title: "Buurtfeest",
      description: "Een feest in de straat",
      areaId: null,
      activityOn: addDays(dutchDateOf(now), 30),
      totalCostCents: 100_000,
      requestedCents: 100_000,
      ownMoneyCents: 0,
      ownHours: 0,
      documents: [{ purpose: "Begroting", uploadId: budget.id }],
      idempotencyKey: "file-test",
      url: (id) => `http://samenspel.test/aldorp/fondsen/aanvraag/${id}`,
      now,
    });
    return [receipt.id, open.id, budget.id];
  });
});
afterAll(() => handle.close());

const fetchFile = (slug: string, uploadId: string, cookie = "") =>
  answerOf(() =>
    fileRoute.loader({
      request: harness.get(`/${slug}/bestanden/${uploadId}`, cookie),
      context: harness.context(),
      params: { gemeente: slug, uploadId },
    } as never),
  );

describe("serving stored files", () => {
  it("serves a public file to anyone, with its sniffed type and no room for the browser to guess", async () => {
    const { status, response } = await fetchFile("aldorp", photoId);
    expect(status).toBe(200);
    expect(response?.headers.get("Content-Type")).toBe("application/pdf");
    expect(response?.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response?.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(new Uint8Array(await response!.arrayBuffer())).toEqual(PDF);
  });

  it("serves a receipt only to the municipality's own staff, not to a council member of no council it belongs to or the fund committee", async () => {
    const forStaff = await fetchFile("aldorp", receiptId, cookies.staffA);
    expect(forStaff.status).toBe(200);
    expect(forStaff.response?.headers.get("Cache-Control")).toBe("private, no-store");
    // The role alone opens nothing: members open their own council's files by their seat (workspace-budget.test.ts).
    expect((await fetchFile("aldorp", receiptId, cookies.councilA)).status).toBe(403);
    // Nor does the fund committee's: it assesses fund applications, not the municipality's ledgers.
    expect((await fetchFile("aldorp", receiptId, cookies.committeeA)).status).toBe(403);
    expect((await fetchFile("aldorp", receiptId, cookies.residentA)).status).toBe(403);
    expect((await fetchFile("aldorp", receiptId, cookies.staffB)).status).toBe(403);
    expect((await fetchFile("aldorp", receiptId)).location).toMatch(/^\/inloggen\?terug=/);
  });

  it("serves a fund application's documents to the fund committee and staff, not to a council member or another municipality", async () => {
    expect((await fetchFile("aldorp", budgetId, cookies.committeeA)).status).toBe(200);
    expect((await fetchFile("aldorp", budgetId, cookies.staffA)).status).toBe(200);
    expect((await fetchFile("aldorp", budgetId, cookies.councilA)).status).toBe(403);
    expect((await fetchFile("aldorp", budgetId, cookies.staffB)).status).toBe(403);
  });

  it("finds no file of one municipality under another's address", async () => {
    expect((await fetchFile("beekstad", photoId, cookies.staffB)).status).toBe(404);
    expect((await fetchFile("beekstad", receiptId, cookies.staffB)).status).toBe(404);
    expect((await fetchFile("aldorp", "geen-uuid")).status).toBe(404);
    expect((await fetchFile("bestaat-niet", photoId)).status).toBe(404);
  });
});

describe("reading a form with a file", () => {
  /** The form as a browser sends it; `declaredLength` sets the Content-Length header a client may lie about. */
  const multipart = async (file: Blob, declaredLength?: number) => {
    const form = new FormData();
    form.set("description", "Koffie");
    form.set("receipt", file, "bon.pdf");
    const encoded = new Response(form);
    const headers = new Headers({ "Content-Type": encoded.headers.get("Content-Type") ?? "" });
    if (declaredLength !== undefined) headers.set("Content-Length", String(declaredLength));
    const body = new Uint8Array(await encoded.arrayBuffer());
    return new Request("http://samenspel.test/x", { method: "POST", headers, body });
  };

  it("gives the fields and the file's bytes", async () => {
    const form = await readMultipartForm(await multipart(new Blob([PDF])));
    expect(form.get("description")).toBe("Koffie");
    expect(await fileIn(form, "receipt")).toEqual({ bytes: PDF, name: "bon.pdf" });
    expect(await fileIn(form, "missing")).toBeUndefined();
  });

  it("answers 413 to a body over the limit, by its declared length or while it streams in", async () => {
    const status = (run: () => Promise<unknown>) =>
      run().then(
        () => 200,
        (e: { init?: { status?: number } }) => e.init?.status,
      );
    const small = await multipart(new Blob([PDF]));
    expect(await status(() => readMultipartForm(small, 8))).toBe(200);
    const lying = await multipart(new Blob([PDF]), 100 * MAX_UPLOAD_BYTES);
    expect(await status(() => readMultipartForm(lying))).toBe(413);
    const big = await multipart(new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 128 * 1024)]));
    expect(await status(() => readMultipartForm(big))).toBe(413);
  });
});
