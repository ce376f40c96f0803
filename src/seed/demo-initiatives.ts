import { type Database, withPlatform, withTenant } from "../db/index.ts";
import { listAreas } from "../domain/areas/index.ts";
import { findOrCreatePerson } from "../domain/identity/index.ts";
import {
  assignContactPerson,
  type InitiativeStatus,
  type InitiativeSupportKind,
  moveInitiative,
  postInitiativeMessage,
  submitChallenge,
  submitInitiative,
  takeChallengeStep,
} from "../domain/initiatives/index.ts";

type DemoInitiative = {
  key: string;
  title: string;
  description: string;
  area: string;
  location: string;
  involved: string;
  support: InitiativeSupportKind[];
  supportNote: string;
  initiator: [name: string, email: string];
  showcase: boolean;
  /** Days before the seed's `now` that it came in. */
  daysAgo: number;
  assign: boolean;
  thread: ReadonlyArray<readonly ["initiator" | "municipality", string]>;
  steps: ReadonlyArray<readonly [InitiativeStatus, string]>;
};

/** Dijkstad's desk: one initiative in each state, and one still waiting for a contact person past its term. */
const demoInitiatives: readonly DemoInitiative[] = [
  {
    key: "demo-initiatief-moestuin-0001",
    title: "Moestuin bij de Molenwijk",
    description:
      "Op het grasveld achter de flats willen wij een moestuin maken. Buren kweken er samen groente, en de basisschool komt één keer per week helpen.",
    area: "Molenwijk",
    location: "Grasveld achter de Molenstraat",
    involved: "Twaalf buren en basisschool De Wiekslag",
    support: ["money", "space", "advice"],
    supportNote: "Ongeveer 2.500 euro voor hout, aarde en zaden, en toestemming om het grasveld te gebruiken.",
    initiator: ["Yasmina Bakker", "yasmina.bakker@example.org"],
    showcase: true,
    daysAgo: 40,
    assign: true,
    thread: [
      ["municipality", "Wat een mooi plan! Mogen wij langskomen om het grasveld samen te bekijken?"],
      ["initiator", "Graag. Dinsdagavond om zeven uur kan iedereen."],
    ],
    steps: [
      ["in-progress", "Wij bekijken samen met u het grasveld en de kosten."],
      [
        "supported",
        "De gemeente steunt de moestuin: u mag het grasveld gebruiken en krijgt hulp van de wijkbeheerder.",
      ],
    ],
  },
  {
    key: "demo-initiatief-buurtbieb-0002",
    title: "Buurtbieb in de Vogelbuurt",
    description: "Een kastje met boeken op het pleintje, waar iedereen een boek kan brengen en halen.",
    area: "Vogelbuurt",
    location: "Pleintje aan de Merelstraat",
    involved: "De bewonersvereniging Vogelbuurt",
    support: ["permit", "advice"],
    supportNote: "Mag het kastje op het plein staan?",
    initiator: ["Tom de Wit", "tom.dewit@example.org"],
    showcase: true,
    daysAgo: 12,
    assign: true,
    thread: [["initiator", "Moet het kastje een vaste plek hebben, of mag het ook op wieltjes?"]],
    steps: [["in-progress", "Wij zoeken uit welke vergunning nodig is. U hoort het binnen twee weken."]],
  },
  {
    key: "demo-initiatief-skatebaan-0003",
    title: "Skatebaan bij het sportpark",
    description: "Jongeren uit Polderzoom willen een kleine skatebaan bij het sportpark.",
    area: "Polderzoom-Oost",
    location: "Sportpark De Zoom",
    involved: "Jongeren uit Polderzoom",
    support: ["money", "space"],
    supportNote: "",
    initiator: ["Daan Smit", "daan.smit@example.org"],
    showcase: true,
    daysAgo: 25,
    assign: true,
    thread: [],
    steps: [
      ["in-progress", "Wij bespreken het plan met de sportverenigingen."],
      [
        "referred",
        "Het sportpark is van Stichting Sport Dijkstad. Zij gaan over nieuwe plekken. Wij hebben u met hen in contact gebracht.",
      ],
    ],
  },
  {
    key: "demo-initiatief-straatfeest-0004",
    title: "Straatfeest aan de Kade",
    description: "Een straatfeest voor de hele Kade, met muziek en een lange tafel.",
    area: "Kade",
    location: "De Kade, tussen nummer 1 en 40",
    involved: "Bewoners van de Kade",
    support: ["permit", "contacts"],
    supportNote: "Een vergunning om de straat af te sluiten.",
    initiator: ["Ans Meijer", "ans.meijer@example.org"],
    showcase: false,
    daysAgo: 14,
    assign: false,
    thread: [],
    steps: [],
  },
];

const DAY = 86_400_000;

/**
 * Dijkstad's initiatives desk with initiatives in each state (one waits for a contact person past its term) and one
 * uitdaagrecht request being assessed, all made through the domain functions. Mails carry links under `publicUrl`.
 */
export async function seedInitiatives(
  db: Database,
  tenantId: string,
  { now, publicUrl }: { now: Date; publicUrl: string },
): Promise<number> {
  const contact = await withPlatform(db, (tx) =>
    findOrCreatePerson(tx, { email: "medewerker@dijkstad.example.org", displayName: "Medewerker Dijkstad" }),
  );
  const urls = {
    initiator: (token: string) => `${publicUrl}/dijkstad/initiatieven/mijn/${token}`,
    lostLink: `${publicUrl}/dijkstad/initiatieven/link-kwijt`,
    staff: (id: string) => `${publicUrl}/dijkstad/beheer/initiatieven/${id}`,
  };
  return withTenant(db, { tenantId }, async (tx) => {
    const areas = new Map((await listAreas(tx, { tenantId })).map((a) => [a.name, a.id]));
    for (const demo of demoInitiatives) {
      let at = new Date(now.getTime() - demo.daysAgo * DAY);
      const later = () => {
        at = new Date(at.getTime() + 2 * DAY);
        return at;
      };
      const { id } = await submitInitiative(tx, {
        tenantId,
        title: demo.title,
        description: demo.description,
        areaId: areas.get(demo.area) ?? null,
        location: demo.location,
        involved: demo.involved,
        support: demo.support,
        supportNote: demo.supportNote,
        initiatorName: demo.initiator[0],
        initiatorEmail: demo.initiator[1],
        locale: "nl",
        showcase: demo.showcase,
        submittedById: null,
        idempotencyKey: demo.key,
        urls,
        now: at,
      });
      const staff = { tenantId, initiativeId: id, actorPersonId: contact.id, urls };
      if (demo.assign) {
        await assignContactPerson(tx, {
          ...staff,
          contactPersonId: contact.id,
          expectedContactPersonId: null,
          now: later(),
        });
      }
      const [first, ...rest] = demo.steps;
      if (first) await moveInitiative(tx, { ...staff, to: first[0], reason: first[1], now: later() });
      for (const [index, [author, body]] of demo.thread.entries()) {
        await postInitiativeMessage(tx, {
          ...staff,
          author,
          actorPersonId: author === "municipality" ? contact.id : null,
          body,
          idempotencyKey: `${demo.key}-bericht-${index}`,
          now: later(),
        });
      }
      for (const [to, reason] of rest) await moveInitiative(tx, { ...staff, to, reason, now: later() });
    }
    const registerUrl = `${publicUrl}/dijkstad/uitdaagrecht`;
    const { id: challengeId } = await submitChallenge(tx, {
      tenantId,
      task: "Het onderhoud van het groen in het Havenkwartier",
      plan: "Wij onderhouden de plantsoenen en de bomenrij aan de haven met een vaste groep van vijftien vrijwilligers. Een hovenier uit de buurt begeleidt ons.",
      budgetCents: 1_800_000,
      neighbourhoodSupport: "126 handtekeningen van bewoners en vier ondernemers aan de haven.",
      areaId: areas.get("Havenkwartier") ?? null,
      requester: "organisation",
      organisation: "Stichting Groen Havenkwartier",
      contactName: "Femke Visser",
      contactEmail: "femke.visser@example.org",
      locale: "nl",
      idempotencyKey: "demo-uitdaagrecht-havenkwartier-0001",
      registerUrl,
      now: new Date(now.getTime() - 20 * DAY),
    });
    await takeChallengeStep(tx, {
      tenantId,
      challengeId,
      step: "assess",
      reason: "",
      actorPersonId: contact.id,
      registerUrl,
      now: new Date(now.getTime() - 15 * DAY),
    });
    return demoInitiatives.length;
  });
}
