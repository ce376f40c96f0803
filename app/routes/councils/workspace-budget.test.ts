import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, withPlatform, withTenant } from "../../../src/db/index.ts";
import { allocateBudget, budgetYearOf } from "../../../src/domain/area-budgets/index.ts";
import { createCouncil, seatMember } from "../../../src/domain/councils/index.ts";
import { findOrCreatePerson, grantRole } from "../../../src/domain/identity/index.ts";
import { dutchDateOf } from "../../../src/domain/shared/index.ts";
import { freshDatabase } from "../../../tests/support/database.ts";
import { answerOf, routeHarness } from "../../../tests/support/route-harness.ts";
import { givenKern, givenTwoMunicipalities } from "../../../tests/support/tenant-fixtures.ts";
import * as file from "../uploads/file.ts";
import * as workspace from "./workspace.tsx";
import * as budgetPage from "./workspace-budget.tsx";

/** Issue 10: a council member records the council's commitments and spends in the workspace, by their seat. */
let handle: DatabaseHandle;
let harness: ReturnType<typeof routeHarness>;
let kern: string;
let otherKern: string;
const cookies: Record<string, string> = {};
const year = budgetYearOf(new Date());
const RAAD = "dorpsraad-aldeveen";

beforeAll(async () => {
  handle = await freshDatabase();
  harness = routeHarness(handle);
  const [a, b] = await givenTwoMunicipalities(handle);
  kern = await givenKern(handle, a.id, "Aldeveen");
  otherKern = await givenKern(handle, a.id, "Brinkhorst", 2);
  const people = await withPlatform(handle.db, async (tx) => {
    const treasurer = await findOrCreatePerson(tx, { email: "penningmeester@aldeveen.nl", displayName: "Piet" });
    const staff = await findOrCreatePerson(tx, { email: "staf@aldorp.nl", displayName: "Staf" });
    await grantRole(tx, { tenantId: a.id, personId: staff.id, role: "municipal-staff" });
    const neighbour = await findOrCreatePerson(tx, { email: "lid@brinkhorst.nl", displayName: "Buur" });
    const former = await findOrCreatePerson(tx, { email: "oud-lid@aldeveen.nl", displayName: "Oud" });
    const otherStaff = await findOrCreatePerson(tx, { email: "staf@beekstad.nl", displayName: "Elders" });
    await grantRole(tx, { tenantId: b.id, personId: otherStaff.id, role: "municipal-staff" });
    return {
      treasurer: treasurer.id,
      staff: staff.id,
      neighbour: neighbour.id,
      former: former.id,
      otherStaff: otherStaff.id,
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
    await seatMember(tx, {
      tenantId: a.id,
      councilId: council.id,
      role: "treasurer",
      name: "Piet Penningmeester",
      personId: people.treasurer,
      startsOn: `${year - 1}-01-01`,
      endsOn: null,
      actorPersonId: null,
      now,
    });
    // A member of the neighbouring council, and a member of this one whose term ended yesterday.
    const neighbours = await createCouncil(tx, {
      tenantId: a.id,
      slug: "dorpsraad-brinkhorst",
      name: "Dorpsraad Brinkhorst",
      kind: "village-council",
      basis: "association",
      basisUrl: null,
      description: "",
      memberSeats: 5,
      areaIds: [otherKern],
      actorPersonId: null,
      now,
    });
    for (const [councilId, personId, endsOn] of [
      [neighbours.id, people.neighbour, null],
      [council.id, people.former, dutchDateOf(new Date(now.getTime() - 86_400_000))],
    ] as const)
      await seatMember(tx, {
        tenantId: a.id,
        councilId,
        role: "member",
        name: "Lid",
        personId,
        startsOn: `${year - 1}-01-01`,
        endsOn,
        actorPersonId: null,
        now,
      });
    await allocateBudget(tx, {
      tenantId: a.id,
      areaId: kern,
      year,
      amountCents: 100_000,
      decidedOn: `${year}-01-05`,
      reference: "Raadsbesluit",
      actorPersonId: people.staff,
      now,
    });
  });
});
afterAll(() => handle.close());

const pdf = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");
const key = () => `k${crypto.randomUUID().replaceAll("-", "")}`;
const params = (areaId = kern) => ({ gemeente: "aldorp", raad: RAAD, areaId });
const send = (cookie: string, fields: Record<string, string>, receipt?: Uint8Array<ArrayBuffer>, areaId = kern) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (receipt) form.set("receipt", new Blob([receipt], { type: "application/pdf" }), "bon.pdf");
  const request = new Request(`http://samenspel.test/aldorp/raad/${RAAD}/budget/${areaId}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  return answerOf(() => budgetPage.action({ request, context: harness.context(), params: params(areaId) } as never));
};
const show = (cookie: string, areaId = kern) =>
  answerOf(() =>
    budgetPage.loader({
      request: harness.get(`/aldorp/raad/${RAAD}/budget/${areaId}`, cookie),
      context: harness.context(),
      params: params(areaId),
    } as never),
  );
const figures = async () =>
  ((await show(cookies.treasurer!)).body as unknown as { ledger: { figures: object } }).ledger.figures;

describe("the council's budget in its workspace", () => {
  it("shows this year's figures of the council's area on the workspace", async () => {
    const { status, body } = await answerOf(() =>
      workspace.loader({
        request: harness.get(`/aldorp/raad/${RAAD}`, cookies.treasurer!),
        context: harness.context(),
        params: { gemeente: "aldorp", raad: RAAD },
      } as never),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      year,
      council: { areas: [{ name: "Aldeveen", figures: { allocationCents: 100_000, availableCents: 100_000 } }] },
    });
  });

  it("lets a member record a commitment and then a spend on it, by their seat alone", async () => {
    const committed = await send(cookies.treasurer!, {
      intent: "commit",
      key: key(),
      amount: "400,00",
      decidedOn: `${year}-02-10`,
      minutesReference: "Notulen 10 februari, punt 4",
      description: "Zomerfeest",
    });
    expect(committed.location).toBe(`/aldorp/raad/${RAAD}/budget/${kern}?jaar=${year}&melding=commit`);
    const { ledger } = (await show(cookies.treasurer!)).body as unknown as {
      ledger: { entries: { id: string; isCommitment: boolean }[] };
    };
    const commitment = ledger.entries.find((e) => e.isCommitment)!;
    const spent = await send(
      cookies.treasurer!,
      {
        intent: "spend",
        key: key(),
        amount: "150,00",
        paidOn: `${year}-02-20`,
        description: "Springkussen",
        category: "activities",
        commitment: commitment.id,
      },
      pdf,
    );
    expect(spent.location).toContain("melding=spend");
    expect(await figures()).toMatchObject({
      allocationCents: 100_000,
      committedCents: 25_000,
      spentCents: 15_000,
      balanceCents: 85_000,
      availableCents: 60_000,
    });
  });

  it("refuses a spend past what is available, and changes nothing", async () => {
    const before = await figures();
    const tooMuch = await send(
      cookies.treasurer!,
      {
        intent: "spend",
        key: key(),
        amount: "600,01",
        paidOn: `${year}-02-21`,
        description: "Te veel",
        category: "other",
      },
      pdf,
    );
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.errors).toMatchObject({ amount: ["areaBudgets.error.insufficientFunds"] });
    expect(await figures()).toEqual(before);
  });

  it("keeps corrections for staff, another area out, and staff out by their rights", async () => {
    expect((await send(cookies.treasurer!, { intent: "reverse", entry: kern, reason: "x" })).status).toBe(403);
    expect((await show(cookies.treasurer!, otherKern)).status).toBe(404);
    const elsewhere = await send(
      cookies.treasurer!,
      {
        intent: "commit",
        key: key(),
        amount: "1,00",
        decidedOn: `${year}-02-10`,
        minutesReference: "x",
        description: "x",
      },
      undefined,
      otherKern,
    );
    expect(elsewhere.status).toBe(404);
    expect((await show(cookies.staff!)).status).toBe(403);
    expect((await send(cookies.staff!, { intent: "commit" })).status).toBe(403);
  });
});

describe("the council's receipts", () => {
  it("open to members seated on the council that owns the ledger, without the council-member role", async () => {
    const { ledger } = (await show(cookies.treasurer!)).body as unknown as {
      ledger: { entries: { attachmentId: string | null }[] };
    };
    const receipt = ledger.entries.find((entry) => entry.attachmentId)!.attachmentId!;
    const fetchAs = (cookie: string, gemeente = "aldorp") =>
      answerOf(
        async () =>
          await file.loader({
            request: harness.get(`/${gemeente}/bestanden/${receipt}`, cookie),
            context: harness.context(),
            params: { gemeente, uploadId: receipt },
          } as never),
      );
    const mine = await fetchAs(cookies.treasurer!);
    expect(mine.status).toBe(200);
    expect(mine.response?.headers.get("Content-Type")).toBe("application/pdf");
    expect((await fetchAs(cookies.staff!)).status).toBe(200);
    expect((await fetchAs(cookies.neighbour!)).status).toBe(403);
    expect((await fetchAs(cookies.former!)).status).toBe(403);
    expect((await fetchAs(cookies.otherStaff!)).status).toBe(403);
    expect((await fetchAs("")).status).toBe(302);
    // Another municipality's address for the same file finds nothing.
    expect((await fetchAs(cookies.treasurer!, "beekstad")).status).toBe(404);
  });
});
