import { type Database, type Tx, withTenant } from "../db/index.ts";
import { listAreas } from "../domain/areas/index.ts";
import {
  applicationUrl,
  applyToFund,
  assessApplication,
  createFund,
  decideApplication,
  type Fund,
  type FundRules,
  payTranche,
} from "../domain/initiatives/index.ts";
import { addDays, dutchDateOf } from "../domain/shared/index.ts";
import { receiptTypes, storeUpload } from "../platform/uploads/index.ts";
import { receiptPdf } from "./demo-area-budgets.ts";

/** Amsterdam-like: at most EUR 5,000, apply 8 weeks ahead, report within 8 weeks, a residents' advisory committee. */
const dijkstadRules: FundRules = {
  maxPerApplicationCents: 500_000,
  yearlyBudgetCents: 6_000_000,
  coFinancingPercent: null,
  hourValueCents: null,
  leadTimeDays: 56,
  decisionTermLength: 8,
  decisionTermUnit: "weeks",
  extensionLength: 4,
  intake: "continuous",
  decisionDates: [],
  criteria: ["Voor en door bewoners", "Goed voor de buurt", "Haalbaar en betaalbaar"],
  requiredDocuments: ["Activiteitenplan", "Begroting"],
  advancePercent: 80,
  reportTermWeeks: 8,
};

/** Oldambt-like: at most EUR 5,000, EUR 100,000 a year, initiators bring half in money or hours (EUR 15 an hour). */
const veenhovenRules: FundRules = {
  maxPerApplicationCents: 500_000,
  yearlyBudgetCents: 10_000_000,
  coFinancingPercent: 50,
  hourValueCents: 1_500,
  leadTimeDays: 28,
  decisionTermLength: 20,
  decisionTermUnit: "working-days",
  extensionLength: 10,
  intake: "continuous",
  decisionDates: [],
  criteria: ["Leefbaarheid van de kern", "Draagvlak in de kern", "Eigen inzet"],
  requiredDocuments: ["Begroting"],
  advancePercent: 80,
  reportTermWeeks: 12,
};

type DemoApplication = {
  title: string;
  description: string;
  requestedCents: number;
  totalCostCents: number;
  ownMoneyCents?: number;
  ownHours?: number;
  state: "incomplete" | "in-assessment" | "granted" | "refused";
};

const dijkstadApplications: DemoApplication[] = [
  {
    title: "Buurtmoestuin Dijkstad-Noord",
    description: "Een moestuin op het braakliggende veldje aan de Dijkweg, voor en door de buurt.",
    requestedCents: 320_000,
    totalCostCents: 380_000,
    ownMoneyCents: 60_000,
    state: "granted",
  },
  {
    title: "Straatfeest Havenkwartier",
    description: "Een straatfeest met muziek en een buurtmaaltijd.",
    requestedCents: 150_000,
    totalCostCents: 150_000,
    state: "in-assessment",
  },
  {
    title: "Repaircafé in het buurthuis",
    description: "Elke maand een middag samen spullen repareren.",
    requestedCents: 90_000,
    totalCostCents: 90_000,
    state: "incomplete",
  },
  {
    title: "Vuurwerkshow oud en nieuw",
    description: "Een vuurwerkshow op het plein.",
    requestedCents: 500_000,
    totalCostCents: 500_000,
    state: "refused",
  },
];

const veenhovenApplications: DemoApplication[] = [
  {
    title: "Jeu-de-boulesbaan bij het dorpshuis",
    description: "Een baan met twee bankjes; de dorpsvereniging legt hem zelf aan.",
    requestedCents: 240_000,
    totalCostCents: 480_000,
    ownMoneyCents: 90_000,
    ownHours: 100,
    state: "granted",
  },
];

/** A fund with demo applications in different states, through the domain functions, as of `now`. */
async function seedFund(
  tx: Tx,
  o: {
    tenantId: string;
    tenantSlug: string;
    slug: string;
    name: string;
    description: string;
    rules: FundRules;
    now: Date;
  },
  applications: readonly DemoApplication[],
  people: { applicant: string; staff: string; assessors: readonly string[] },
): Promise<Fund> {
  const { tenantId, now } = o;
  const fund = await createFund(tx, {
    ...o.rules,
    tenantId,
    slug: o.slug,
    name: o.name,
    description: o.description,
    actorPersonId: null,
    now,
  });
  const areas = (await listAreas(tx, { tenantId })).filter((a) => a.kind !== "municipality");
  const url = (id: string) => applicationUrl("", o.tenantSlug, id);
  for (const [i, demo] of applications.entries()) {
    const documents = [];
    for (const purpose of demo.state === "incomplete"
      ? o.rules.requiredDocuments.slice(0, 1)
      : o.rules.requiredDocuments) {
      const upload = await storeUpload(tx, {
        tenantId,
        bytes: receiptPdf(`${purpose}: ${demo.title}`),
        fileName: `${purpose.toLowerCase()}.pdf`,
        accept: receiptTypes,
        visibility: "internal",
        actorPersonId: people.applicant,
        now,
      });
      documents.push({ purpose, uploadId: upload.id });
    }
    const application = await applyToFund(tx, {
      tenantId,
      fundId: fund.id,
      applicantId: people.applicant,
      title: demo.title,
      description: demo.description,
      areaId: areas[i % Math.max(areas.length, 1)]?.id ?? null,
      activityOn: addDays(dutchDateOf(now), o.rules.leadTimeDays + 14 + i * 7),
      totalCostCents: demo.totalCostCents,
      requestedCents: demo.requestedCents,
      ownMoneyCents: demo.ownMoneyCents ?? 0,
      ownHours: demo.ownHours ?? 0,
      documents,
      idempotencyKey: `demo-${o.slug}-${i}`,
      url,
      now,
    });
    const step = { tenantId, applicationId: application.id, actorPersonId: people.staff, now };
    if (demo.state === "incomplete") continue;
    for (const [n, assessorId] of people.assessors.entries())
      if (demo.state !== "in-assessment" || n === 0)
        await assessApplication(tx, {
          ...step,
          assessorId,
          declaration: {
            conflict: false,
            scores: Object.fromEntries(o.rules.criteria.map((c, k) => [c, demo.state === "refused" ? 2 : 4 - (k % 2)])),
            remarks: demo.state === "refused" ? "Geen initiatief van bewoners voor de buurt." : "Sterk plan.",
          },
        });
    if (demo.state === "granted") {
      await decideApplication(tx, {
        ...step,
        tenantSlug: o.tenantSlug,
        url: url(application.id),
        decision: {
          outcome: "granted",
          amountCents: demo.requestedCents,
          conditions: "Vermeld de bijdrage van de gemeente op uw uitnodiging.",
        },
      });
      await payTranche(tx, { ...step, tranche: "advance" });
    } else if (demo.state === "refused") {
      await decideApplication(tx, {
        ...step,
        tenantSlug: o.tenantSlug,
        url: url(application.id),
        decision: {
          outcome: "refused",
          reasons:
            "Het fonds steunt activiteiten door en voor bewoners; een vuurwerkshow door een bedrijf past daar niet bij.",
        },
      });
    }
  }
  return fund;
}

/**
 * Dijkstad's initiatievenfonds (a residents' advisory committee assesses) and Veenhoven's leefbaarheidsbudget,
 * each with applications in different states. The demo mails are queued like real ones.
 */
export async function seedFunds(
  db: Database,
  tenantIds: ReadonlyMap<string, string>,
  people: ReadonlyMap<string, string>,
  now: Date,
): Promise<number> {
  const seeds = [
    {
      tenantSlug: "dijkstad",
      slug: "initiatievenfonds",
      name: "Initiatievenfonds Dijkstad",
      description:
        "Heeft u een idee voor uw buurt? Het initiatievenfonds geeft tot 5.000 euro. Een commissie van bewoners adviseert over elke aanvraag.",
      rules: dijkstadRules,
      applications: dijkstadApplications,
      assessors: ["commissie@dijkstad.example.org", "commissie2@dijkstad.example.org"],
    },
    {
      tenantSlug: "veenhoven",
      slug: "leefbaarheidsbudget",
      name: "Leefbaarheidsbudget Veenhoven",
      description:
        "Voor plannen die uw kern leefbaarder maken: tot 5.000 euro, als u zelf minstens de helft inbrengt, in geld of in uren.",
      rules: veenhovenRules,
      applications: veenhovenApplications,
      assessors: ["medewerker@veenhoven.example.org"],
    },
  ];
  for (const { applications, assessors, ...seed } of seeds) {
    const tenantId = tenantIds.get(seed.tenantSlug)!;
    await withTenant(db, { tenantId }, (tx) =>
      seedFund(tx, { ...seed, tenantId, now }, applications, {
        applicant: people.get(`inwoner@${seed.tenantSlug}.example.org`)!,
        staff: people.get(`medewerker@${seed.tenantSlug}.example.org`)!,
        assessors: assessors.map((email) => people.get(email)!),
      }),
    );
  }
  return seeds.length;
}
