import { eq } from "drizzle-orm";
import { type Database, schema, withTenant } from "../db/index.ts";
import {
  addAgendaItem,
  moveApplication,
  recordCostItem,
  reverseCostItem,
  setActionStatus,
  shareGroupContact,
  submitApplication,
} from "../domain/programme/index.ts";
import { dutchTime } from "../domain/shared/index.ts";
import { PROGRAMME_SLUG } from "./demo-accounts.ts";

type Step = "intake-scheduled" | "intake-held" | "admitted";

type DemoApplication = {
  municipality: "dijkstad" | "veenhoven";
  trajectory: string;
  /** Days in the programme's calendar: the application in the spring after the start session of 14 February 2019. */
  submittedOn: string;
  project: string;
  learningQuestion: string;
  commitment: { college: string; council: string; civilService: string };
  contact: { name: string; email: string; role: string };
  /** How far the application got: admitted ones keep a learning agenda and share the cost of local support. */
  reached: Step;
  questions?: string[];
  action?: { text: string; status: "planned" | "in-progress" | "done" };
  /** The coordinator lets the other municipalities of the learning group see the contact. */
  sharesContact?: true;
  costs?: { kind: "quote" | "invoice"; supplier: string; description: string; amountCents: number; on: string }[];
};

/**
 * Applications as staff meet them in the spring of 2019: Veenhoven admitted to Kernendemocratie with a learning
 * agenda, a local action under way and the cost of its local support (one invoice entered twice and reversed, as
 * corrections are made); Dijkstad admitted to Kernendemocratie too (its contact shared with the learning group) and
 * to Democratisch begroten, and with an intake planned for Faciliteren.
 * Without them the staff area, the cost statement and the supervisors' view of learning agendas start empty.
 */
const demoApplications: DemoApplication[] = [
  {
    municipality: "veenhoven",
    trajectory: "kernendemocratie",
    submittedOn: "2019-02-25",
    project:
      "Na de herindeling van 2018 telt Veenhoven twaalf kernen. Elke kern krijgt een dorpsraad met een eigen budget en een vaste termijn voor advies aan de gemeente.",
    learningQuestion: "Hoe geven we twaalf kernen echte zeggenschap, zonder dat de grootste kern de toon zet?",
    commitment: {
      college: "Wethouder Bakker (kernenbeleid) is bestuurlijk trekker.",
      council: "De raad heeft in januari 2019 een motie voor kernendemocratie aangenomen.",
      civilService: "Twee gebiedsregisseurs, samen 24 uur per week.",
    },
    contact: { name: "Coördinator Veenhoven", email: "coordinator@veenhoven.example.org", role: "coördinator" },
    reached: "admitted",
    questions: [
      "Hoe verdelen we het leefbaarheidsbudget eerlijk over grote en kleine kernen?",
      "Welke termijn voor advies houden dorpsraden met vrijwilligers vol?",
    ],
    action: { text: "Eerste dorpsavond in Aldeveen over de rol van de dorpsraad", status: "in-progress" },
    costs: [
      {
        kind: "quote",
        supplier: "Common Eye",
        description: "Lokaal maatwerk: begeleiding van drie dorpsavonden",
        amountCents: 720_000,
        on: "2019-04-01",
      },
      {
        kind: "invoice",
        supplier: "Common Eye",
        description: "Eerste dorpsavond Aldeveen",
        amountCents: 240_000,
        on: "2019-05-20",
      },
      {
        kind: "invoice",
        supplier: "Common Eye",
        description: "Eerste dorpsavond Aldeveen",
        amountCents: 240_000,
        on: "2019-05-20",
      },
    ],
  },
  {
    municipality: "dijkstad",
    trajectory: "kernendemocratie",
    submittedOn: "2019-02-26",
    project: "Vijf wijkraden krijgen een vaste plek in de besluitvorming over hun wijk, met een eigen wijkbudget.",
    learningQuestion: "Hoe maken we van wijkraden gesprekspartners met gezag, niet alleen klankborden?",
    commitment: {
      college: "Wethouder De Jong (wijken) is bestuurlijk trekker.",
      council: "De raad vroeg in het coalitieakkoord om sterkere wijkraden.",
      civilService: "De vijf wijkmanagers.",
    },
    contact: { name: "Coördinator Dijkstad", email: "coordinator@dijkstad.example.org", role: "coördinator" },
    reached: "admitted",
    action: { text: "Een adviesregeling voor wijkraden met vaste termijnen", status: "planned" },
    sharesContact: true,
  },
  {
    municipality: "dijkstad",
    trajectory: "democratisch-begroten",
    submittedOn: "2019-02-27",
    project:
      "Dijkstad wil in 2020 een deel van het wijkbudget door inwoners laten verdelen, te beginnen in Dijkstad-Noord.",
    learningQuestion: "Hoe zorgen we dat ook inwoners die nooit naar een inspraakavond komen meebeslissen?",
    commitment: {
      college: "Wethouder De Jong (financiën) draagt het voorstel.",
      council: "De auditcommissie volgt het traject.",
      civilService: "Team begroting en de wijkmanager van Dijkstad-Noord.",
    },
    contact: { name: "Coördinator Dijkstad", email: "coordinator@dijkstad.example.org", role: "coördinator" },
    reached: "admitted",
    questions: ["Welke regel voor het tellen past bij een wijkbudget?"],
    action: { text: "Spelregels voor de burgerbegroting Dijkstad-Noord opstellen met de wijkraad", status: "planned" },
  },
  {
    municipality: "dijkstad",
    trajectory: "faciliteren-van-lokaal-maatschappelijk-initiatief",
    submittedOn: "2019-03-04",
    project: "Een initiatievenloket dat bewoners binnen twee weken antwoord geeft.",
    learningQuestion: "Hoe houden we als gemeente los zonder initiatiefnemers alleen te laten?",
    commitment: {
      college: "De burgemeester (participatie) is opdrachtgever.",
      council: "Het presidium heeft het traject besproken.",
      civilService: "Het nieuwe team initiatieven.",
    },
    contact: { name: "Medewerker Dijkstad", email: "medewerker@dijkstad.example.org", role: "loketcoördinator" },
    reached: "intake-scheduled",
  },
];

const DAY = 86_400_000;

/** Seeds the applications above through the same use cases as the application form and the staff's steps. */
export async function seedApplications(
  db: Database,
  tenantIds: Map<string, string>,
  peopleIds: Map<string, string>,
): Promise<number> {
  const programmeTenantId = tenantIds.get(PROGRAMME_SLUG)!;
  const staffId = peopleIds.get("programma@example.org")!;
  for (const demo of demoApplications) {
    const municipalityId = tenantIds.get(demo.municipality)!;
    const coordinatorId = peopleIds.get(`coordinator@${demo.municipality}.example.org`)!;
    const submittedAt = dutchTime(demo.submittedOn, "10:00");
    const asMunicipality = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
      withTenant(db, { tenantId: municipalityId, personId: coordinatorId }, work);
    const asProgramme = <T>(work: Parameters<typeof withTenant<T>>[2]) =>
      withTenant(db, { tenantId: programmeTenantId, personId: staffId }, work);

    const application = await asMunicipality(async (tx) => {
      const [trajectory] = await tx
        .select({ id: schema.trajectories.id })
        .from(schema.trajectories)
        .where(eq(schema.trajectories.slug, demo.trajectory));
      return submitApplication(tx, {
        programmeTenantId,
        trajectoryId: trajectory!.id,
        municipalityId,
        personId: coordinatorId,
        project: demo.project,
        learningQuestion: demo.learningQuestion,
        commitment: demo.commitment,
        contacts: [demo.contact],
        now: submittedAt,
      });
    });

    const steps: Step[] = ["intake-scheduled", "intake-held", "admitted"];
    const intakeAt = new Date(submittedAt.getTime() + 10 * DAY);
    for (const [i, to] of steps.slice(0, steps.indexOf(demo.reached) + 1).entries()) {
      await asProgramme((tx) =>
        moveApplication(tx, {
          programmeTenantId,
          applicationId: application.id,
          to,
          actorPersonId: staffId,
          intakeAt: to === "intake-scheduled" ? intakeAt : undefined,
          now: new Date(submittedAt.getTime() + (i === 0 ? 1 : 10 + 4 * i) * DAY),
        }),
      );
    }
    if (demo.reached !== "admitted") continue;
    if (demo.sharesContact)
      await asMunicipality((tx) =>
        shareGroupContact(tx, {
          municipalityId,
          applicationId: application.id,
          share: true,
          actorPersonId: coordinatorId,
        }),
      );

    const agendaAt = new Date(submittedAt.getTime() + 30 * DAY);
    await asMunicipality(async (tx) => {
      for (const text of demo.questions ?? [])
        await addAgendaItem(tx, {
          programmeTenantId,
          applicationId: application.id,
          kind: "question",
          text,
          actorPersonId: coordinatorId,
          now: agendaAt,
        });
    });
    if (demo.action) {
      const { text, status } = demo.action;
      const action = await asMunicipality((tx) =>
        addAgendaItem(tx, {
          programmeTenantId,
          applicationId: application.id,
          kind: "action",
          text,
          actorPersonId: coordinatorId,
          now: agendaAt,
        }),
      );
      if (status !== "planned")
        await asProgramme((tx) =>
          setActionStatus(tx, {
            programmeTenantId,
            itemId: action.id,
            status,
            actorPersonId: staffId,
            now: new Date(agendaAt.getTime() + 21 * DAY),
          }),
        );
    }

    await asProgramme(async (tx) => {
      let previous: { description: string; on: string } | undefined;
      for (const cost of demo.costs ?? []) {
        const recordedAt = dutchTime(cost.on, "14:00");
        const item = await recordCostItem(tx, {
          programmeTenantId,
          applicationId: application.id,
          kind: cost.kind,
          supplier: cost.supplier,
          description: cost.description,
          amountCents: cost.amountCents,
          eligible: true,
          documentOn: cost.on,
          actorPersonId: staffId,
          now: recordedAt,
        });
        // The same invoice entered twice is corrected the way staff correct it: a reversing line with the reason.
        if (previous && previous.description === cost.description && previous.on === cost.on)
          await reverseCostItem(tx, {
            programmeTenantId,
            applicationId: application.id,
            itemId: item.id,
            reason: "Factuur per abuis twee keer ingevoerd.",
            actorPersonId: staffId,
            now: new Date(recordedAt.getTime() + DAY),
          });
        previous = { description: cost.description, on: cost.on };
      }
    });
  }
  return demoApplications.length;
}
