import { z } from "zod";
import { meetingKinds } from "../../src/domain/programme/index.ts";

/**
 * The open-data contract: every response is parsed with these schemas before it leaves, and the OpenAPI document
 * is generated from them, so the documentation cannot drift from what the API sends.
 */
export const registry = z.registry<{ id: string; description?: string }>();

const calendarDate = z.iso.date().nullable();
const instant = z.iso.datetime({ offset: true });

export const Supervisor = z
  .object({ name: z.string(), organisation: z.string() })
  .register(registry, { id: "Supervisor", description: "A begeleider of a trajectory" });

export const MeetingSummary = z
  .object({
    slug: z.string(),
    kind: z.enum(meetingKinds),
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    allDay: z.boolean().describe("Announced by date only; the times are not known yet"),
    region: z.string().nullable(),
    city: z.string().nullable(),
    venue: z.string().nullable(),
    address: z.string().nullable(),
    url: z.url().describe("The meeting's page on the website"),
    api: z.url(),
  })
  .register(registry, { id: "MeetingSummary", description: "A bijeenkomst of the programme" });

export const Slot = z
  .object({
    kind: z.enum(["walk-in", "track", "plenary"]),
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    capacity: z.int().nullable().describe("Places in a track; null where there is no sign-up"),
    trajectory: z.string().nullable().describe("Slug of the trajectory the track belongs to"),
  })
  .register(registry, { id: "Slot", description: "A part of a meeting's programme: a walk-in or a parallel track" });

export const Meeting = MeetingSummary.extend({
  description: z.string(),
  trajectory: z.string().nullable(),
  slots: z.array(Slot),
}).register(registry, { id: "Meeting", description: "A meeting with its programme" });

const trajectoryFields = {
  slug: z.string(),
  title: z.string(),
  theme: z.string(),
  summary: z.string(),
  startsOn: calendarDate,
  endsOn: calendarDate,
  durationMonths: z.int().nullable(),
  minMunicipalities: z.int().nullable(),
  maxMunicipalities: z.int().nullable(),
  applicationDeadlineOn: calendarDate,
  url: z.url(),
  api: z.url(),
};

export const TrajectorySummary = z
  .object(trajectoryFields)
  .register(registry, { id: "TrajectorySummary", description: "An ontwikkeltraject in the offer" });

export const Trajectory = z
  .object({
    ...trajectoryFields,
    description: z.string(),
    weOffer: z.array(z.string()),
    weAsk: z.array(z.string()),
    targetGroups: z.array(z.string()),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
    supervisors: z.array(Supervisor),
    meetings: z.array(MeetingSummary),
  })
  .register(registry, { id: "Trajectory", description: "A trajectory with its supervisors and meetings" });

export const Workshop = z
  .object({
    slug: z.string(),
    title: z.string(),
    format: z.literal("in-company"),
    themes: z.array(z.string()),
    targetGroups: z.array(z.string()),
    maxParticipants: z.int(),
    dayparts: z.int(),
    investment: z.literal("on-request").describe('Priced per request ("op aanvraag")'),
    summary: z.string(),
    description: z.string(),
    questions: z.array(z.string()),
    url: z.url(),
    api: z.url(),
  })
  .register(registry, { id: "Workshop", description: "An in-company workshop on request" });

export const Catalogue = z
  .object({
    trajectories: z.array(TrajectorySummary),
    meetings: z.array(MeetingSummary),
    workshops: z.array(Workshop),
  })
  .register(registry, { id: "Catalogue", description: "The programme's whole public offer" });

const cents = z.int().describe("Whole euro cents");

export const AreaLedger = z
  .object({
    areaId: z.uuid().describe("The area (kern, wijk or buurt) the budget belongs to"),
    year: z.int(),
    allocation: cents.describe("The municipality's decisions, net of corrections"),
    carryOver: cents.describe("Carried over from the year before under the municipality's rule"),
    committed: cents.describe("What the council's open commitments still reserve"),
    spent: cents.describe("Paid out, net of corrections"),
    balance: cents.describe("allocation + carryOver − spent"),
    available: cents.describe("balance − committed"),
    closed: z.boolean().describe("The year has ended: its unused money was carried over or lapsed"),
  })
  .register(registry, { id: "AreaLedger", description: "An area's budget for one year, derived from its ledger" });

export const Fund = z
  .object({
    slug: z.string().describe("The fund's address: /{municipality}/fondsen/{slug}"),
    name: z.string(),
    description: z.string(),
    rules: z.object({
      maxPerApplication: cents.describe("The most one application can get"),
      yearlyBudget: cents,
      coFinancingPercent: z.int().nullable().describe("The share of the cost initiators bring themselves"),
      hourValue: cents.nullable().describe("What one volunteer hour counts for towards that share"),
      leadTimeDays: z.int().describe("Calendar days between applying and the activity, at least"),
      decisionTerm: z.object({
        length: z.int(),
        unit: z.enum(["calendar-days", "weeks", "working-days"]),
        extension: z.int().describe("The one extension, in the same unit; 0 when none"),
      }),
      intake: z.enum(["continuous", "decision-dates"]),
      decisionDates: z.array(z.iso.date()),
      criteria: z.array(z.string()),
      requiredDocuments: z.array(z.string()),
      advancePercent: z.int().describe("Paid on the grant; the rest after the report"),
      reportTermWeeks: z.int().describe("Weeks after the activity within which the report is due"),
    }),
    year: z.int(),
    budget: cents.describe("The year's budget, as credited in the fund's ledger"),
    granted: cents.describe("Granted in the year"),
    paid: cents.describe("Paid out in the year"),
    available: cents.describe("budget − paid − what grants still reserve; never below 0"),
  })
  .register(registry, {
    id: "Fund",
    description: "A municipality's initiatives fund: its rules and this year's money",
  });

const areaRef = z
  .object({ code: z.string().describe("CBS code (WK…, BU…)"), name: z.string() })
  .nullable()
  .describe("The area it is about; null for the whole municipality");

export const Initiative = z
  .object({
    reference: z.string().describe("The desk's reference, e.g. INI-2026-0001"),
    title: z.string(),
    description: z.string(),
    area: areaRef,
    support: z
      .array(z.enum(["money", "permit", "space", "advice", "contacts"]))
      .describe("What the initiators ask for"),
    status: z.enum(["received", "in-progress", "supported", "referred", "declined"]),
    submittedOn: z.iso.date(),
  })
  .strict()
  .register(registry, {
    id: "Initiative",
    description:
      "A residents' initiative in the municipality's public showcase (its initiators opted in); no personal data",
  });

export const Challenge = z
  .object({
    reference: z.string().describe("The request's reference, e.g. UDR-2026-0001"),
    task: z.string().describe("The municipal task the requesters want to take over"),
    requester: z.enum(["residents", "organisation"]),
    organisation: z.string().nullable().describe("The requesting organisation; null for a group of residents"),
    area: areaRef,
    budget: cents.describe("The budget asked for, in cents"),
    status: z.enum(["received", "assessing", "honoured", "refused"]),
    submittedOn: z.iso.date(),
    decisionDueOn: z.iso.date().describe("The last day of the decision term (the new one when it was extended)"),
    extended: z.boolean().describe("Whether the municipality extended the decision term (this can happen once)"),
    decidedOn: z.iso.date().nullable(),
    decisionReason: z.string().nullable().describe("The reasons for the decision, once decided"),
  })
  .strict()
  .register(registry, {
    id: "Challenge",
    description: "An uitdaagrecht request in the municipality's public register; no personal data",
  });

const dutchDate = z.iso.date().describe("A Dutch calendar date, YYYY-MM-DD");
const term = z.object({ length: z.int().min(1), unit: z.enum(["calendar-days", "weeks", "working-days"]) });

export const Advice = z
  .object({
    id: z.uuid(),
    councilId: z.uuid().describe("The council that gave (or is asked for) the advice"),
    council: z.string().describe("The council's name"),
    year: z.int().describe("The year it was requested, or given unasked"),
    kind: z.enum(["solicited", "unsolicited"]),
    status: z.enum(["requested", "advised", "responded"]),
    subject: z.string(),
    question: z.string().nullable().describe("The municipality's question; null for unsolicited advice"),
    requestedOn: dutchDate.nullable(),
    adviceTerm: term.nullable().describe("The council's term, as it was when the request was made"),
    adviceDueOn: dutchDate.nullable().describe("The last day for the council's advice"),
    advice: z.string().nullable(),
    advisedOn: dutchDate.nullable(),
    responseTerm: term.nullable().describe("The municipality's term, as it was when the advice came in"),
    responseDueOn: dutchDate.nullable().describe("The last day for the municipality's response"),
    response: z
      .object({
        outcome: z.enum(["adopted", "partly-adopted", "not-adopted"]),
        reasons: z.string(),
        respondedOn: dutchDate,
      })
      .nullable(),
    adviceLate: z.boolean().nullable().describe("The council answered after its last day, or has not and it is over"),
    overdue: z.boolean().describe("No response yet, and the municipality's last day is over"),
    late: z.boolean().describe("The municipality's response came after its last day, or is overdue"),
    attachments: z
      .array(
        z
          .object({
            side: z
              .enum(["request", "advice", "response"])
              .describe("Whose part it belongs to: the municipality's question, the council's advice, the response"),
            name: z.string().describe("The file's name"),
            size: z.int().min(1).describe("The file's size in bytes"),
            contentType: z.literal("application/pdf"),
            url: z.url().describe("Where the file is served"),
          })
          .strict(),
      )
      .describe("The PDFs of the parts that are public, oldest first; a file taken off is not listed"),
  })
  .strict()
  .register(registry, {
    id: "Advice",
    description: "A council's advice with its deadlines and the municipality's response; no person is named",
  });

export const CouncilMeeting = z
  .object({
    id: z.uuid(),
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    place: z.string(),
    onlineUrl: z.url().nullable().describe("Where to watch online, if the council streams the meeting"),
    report: z
      .enum(["minutes", "decisions"])
      .nullable()
      .describe("What was published after the meeting: minutes (notulen) or a list of decisions (besluitenlijst)"),
    cancelled: z.boolean().describe("Called off; the meeting stays listed so a published date is not silently lost"),
    agenda: z.array(
      z.object({
        position: z.int(),
        visibility: z.enum(["public", "closed"]),
        title: z
          .string()
          .nullable()
          .describe("Null for a closed (besloten) item: only its place on the agenda is public"),
        withdrawn: z.boolean().describe("Taken off the published agenda (vervallen); always false for a closed item"),
      }),
    ),
    url: z.url().describe("The meeting's page, with its documents"),
  })
  .strict()
  .register(registry, { id: "CouncilMeeting", description: "A published meeting of a council" });

export const Council = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum([
      "village-council",
      "district-council",
      "neighbourhood-council",
      "area-committee",
      "district-platform",
    ]),
    areas: z.array(z.object({ code: z.string(), name: z.string() })),
    members: z.array(
      z.object({ name: z.string(), role: z.enum(["chair", "secretary", "treasurer", "member"]) }).strict(),
    ),
    meetings: z.array(CouncilMeeting).describe("Published meetings, by date; drafts never appear"),
    calendar: z.url().describe("The council's meetings as an iCalendar feed"),
    url: z.url(),
  })
  .strict()
  .register(registry, {
    id: "Council",
    description: "A village or neighbourhood council: its kind, areas, today's members by name and role, its meetings",
  });

export const Problem = z
  .object({ type: z.string(), title: z.string(), status: z.int(), detail: z.string().optional() })
  .register(registry, { id: "Problem", description: "An error, as RFC 9457 problem details" });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), count: z.int() });

export const BudgetResult = z
  .object({
    rule: z.enum(["greedy", "greedy-no-skip", "equal-shares-add1", "equal-shares-add1-full", "phragmen"]),
    areas: z.array(
      z.object({
        area: z.string(),
        budget: z.int().describe("Whole euros"),
        selected: z.array(z.string()).describe("Reference numbers of the funded plans, in the order chosen"),
      }),
    ),
  })
  .register(registry, { id: "BudgetResult", description: "The published result of a participatory budgeting round" });

const ladderLevel = z
  .enum(["informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen"])
  .describe("The level on the participation ladder of the municipality's participation ordinance");

export const ProcessSummary = z
  .object({
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    fixed: z.string().describe("What is fixed (kaders): budget, law, earlier decisions"),
    open: z.string().describe("What is open to influence"),
    decidedBy: z.enum(["council", "executive", "mayor"]),
    responsible: z.string().describe("Who is responsible in the administration"),
    currentPhase: z.string().nullable().describe("The stage the process is in today; null before it starts"),
    closed: z.boolean(),
    url: z.url().describe("The public rules-of-the-game card"),
    cardPdf: z.url().describe("The printable one-page card (PDF)"),
    phases: z.array(
      z.object({
        stage: z.enum(["set-up", "ideas", "design", "decision", "realisation", "evaluation"]),
        title: z.string(),
        startsOn: z.iso.date(),
        endsOn: z.iso.date(),
        level: ladderLevel,
        participants: z.array(z.string()),
        moments: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            subject: z.string().describe("What can be influenced"),
            method: z.enum(["meeting", "survey", "online", "pb-round", "council-advice", "fund-round"]),
            methodDetail: z.string(),
            budgetRound: z
              .object({ slug: z.string(), title: z.string(), phase: z.string() })
              .nullable()
              .describe("The burgerbegroting round this moment is"),
            advice: z
              .object({
                id: z.uuid(),
                council: z.string(),
                subject: z.string(),
                status: z.enum(["requested", "advised", "responded"]),
                adviceDueOn: z.iso.date().nullable(),
              })
              .nullable()
              .describe("The council's advice request this moment is; see the municipality's advice register"),
            fund: z
              .object({ slug: z.string(), name: z.string() })
              .nullable()
              .describe("The initiatives fund this moment is"),
            opensAt: z.iso.datetime({ offset: true }),
            closesAt: z.iso.datetime({ offset: true }),
            feedbackOn: z.iso.date(),
            feedbackHow: z.string(),
            feedbackPublishedAt: z.iso.datetime({ offset: true }).nullable(),
            feedback: z
              .array(
                z.object({
                  point: z.string(),
                  outcome: z.enum(["taken-over", "partly", "not"]),
                  reason: z.string(),
                }),
              )
              .describe("What was done with the input, point by point; empty until published"),
          }),
        ),
      }),
    ),
  })
  .register(registry, { id: "Process", description: "A democratic process with its rules of the game" });
