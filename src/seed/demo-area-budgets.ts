import { type Database, withTenant } from "../db/index.ts";
import {
  allocateBudget,
  budgetYearOf,
  recordCommitment,
  recordExpenditure,
  type SpendCategory,
  setCarryOverRule,
} from "../domain/area-budgets/index.ts";
import { listAreas } from "../domain/areas/index.ts";
import { receiptTypes, storeUpload } from "../platform/uploads/index.ts";

/** A one-page PDF receipt, so the demo's receipts open in a browser. */
export function receiptPdf(text: string): Uint8Array {
  const stream = `BT /F1 14 Tf 72 760 Td (${text.replace(/[()\\]/g, "")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

type DemoActivity = {
  commitment?: { description: string; cents: number; decidedOn: string; minutes: string };
  spend?: { description: string; cents: number; paidOn: string; category: SpendCategory };
};

/** What the first kernen's councils decided and paid this year; the other kernen have only their budget. */
const activities = (year: number): DemoActivity[] => [
  {
    commitment: {
      description: "Dorpsfeest op de brink",
      cents: 120_000,
      decidedOn: `${year}-03-12`,
      minutes: `Notulen dorpsraad 12 maart ${year}, punt 4`,
    },
    spend: { description: "Tent en geluid dorpsfeest", cents: 84_560, paidOn: `${year}-05-02`, category: "activities" },
  },
  {
    commitment: {
      description: "Twee bankjes bij het dorpshuis",
      cents: 240_000,
      decidedOn: `${year}-02-20`,
      minutes: `Besluitenlijst dorpsraad 20 februari ${year}, besluit 2`,
    },
  },
  { spend: { description: "Drukwerk dorpskrant", cents: 12_995, paidOn: `${year}-03-01`, category: "communication" } },
  {
    commitment: {
      description: "Bloembakken langs de Hoofdstraat",
      cents: 60_000,
      decidedOn: `${year}-04-09`,
      minutes: `Notulen dorpsraad 9 april ${year}, punt 6`,
    },
    spend: { description: "Bloembakken en planten", cents: 60_000, paidOn: `${year}-04-23`, category: "greenery" },
  },
];

/**
 * Veenhoven's twelve kernen each get this year's budget (EUR 2.50 per resident, at least EUR 2,000); the first four
 * councils have commitments and spends with receipts. The municipality lets half of what is unused carry over.
 */
export async function seedAreaBudgets(db: Database, tenantId: string, now: Date): Promise<number> {
  const year = budgetYearOf(now);
  return withTenant(db, { tenantId }, async (tx) => {
    await setCarryOverRule(tx, { tenantId, rule: { kind: "percentage", percent: 50 }, actorPersonId: null, now });
    const kernen = await listAreas(tx, { tenantId, kind: "kern" });
    const plans = activities(year);
    for (const [i, kern] of kernen.entries()) {
      const ref = { tenantId, areaId: kern.id, year, actorPersonId: null, now };
      await allocateBudget(tx, {
        ...ref,
        amountCents: Math.max(200_000, Math.round((kern.residents ?? 0) * 2.5) * 100),
        decidedOn: `${year}-01-15`,
        reference: `Collegebesluit gebiedsbudgetten ${year}`,
      });
      const plan = plans[i];
      const commitment = plan?.commitment
        ? (
            await recordCommitment(tx, {
              ...ref,
              amountCents: plan.commitment.cents,
              decidedOn: plan.commitment.decidedOn,
              minutesReference: plan.commitment.minutes,
              description: plan.commitment.description,
            })
          ).entry
        : undefined;
      if (plan?.spend) {
        const receipt = await storeUpload(tx, {
          tenantId,
          bytes: receiptPdf(`Bon: ${plan.spend.description}`),
          fileName: "bon.pdf",
          accept: receiptTypes,
          visibility: "internal",
          actorPersonId: null,
          now,
        });
        await recordExpenditure(tx, {
          ...ref,
          amountCents: plan.spend.cents,
          paidOn: plan.spend.paidOn,
          description: plan.spend.description,
          category: plan.spend.category,
          commitmentId: commitment?.id ?? null,
          receiptId: receipt.id,
        });
      }
    }
    return kernen.length;
  });
}
