import { whenText } from "./when-text.ts";

export type MailLocale = "nl" | "en";

/** Every mail the platform sends and the parameters it needs. */
export type MailTemplates = {
  "magic-link": { url: string; minutes: number };
  /** A burgerbegroting round whose voters identify by e-mail: the single-use link to the ballot. */
  "pb-voting-link": { round: string; url: string; hours: number };
  "registration-confirmed": { meeting: string; track: string; when: string; url: string };
  "registration-wait-listed": { meeting: string; track: string; position: number; url: string };
  "registration-promoted": { meeting: string; track: string; when: string; url: string };
  /** A place at a meeting whose places staff confirm one by one: held, not yet final, no `.ics` yet. */
  "registration-provisional": { meeting: string; track: string; when: string; url: string };
  /** Staff declined a provisional place. */
  "registration-declined": { meeting: string; track: string; when: string; url: string };
  /** A meeting's date, time or place changed (`when` and `where` are the new ones); a place gets the updated `.ics`. */
  "meeting-moved": MeetingChangeMail;
  /** A meeting was called off; a place gets the cancelling `.ics`. */
  "meeting-cancelled": MeetingChangeMail;
  /** A council's published meeting moved (date, time or place); followers get the updated `.ics`. */
  "council-meeting-moved": CouncilMeetingMail;
  /** A council's published meeting was called off; followers get the cancelling `.ics`. */
  "council-meeting-cancelled": CouncilMeetingMail & { reason: string };
  "newsletter-confirm": { themes: string; url: string };
  /** A designer signed up for a trajectory on its public page; `contact` is the trajectory's contact address. */
  "designer-signed-up": { trajectory: string; name: string; url: string; contact: string | null };
  "newsletter-edition": { subject: string; body: string; unsubscribeUrl: string };
  "application-status": {
    trajectory: string;
    municipality: string;
    status: ApplicationMailStatus;
    /** ISO instant of the intake, when one is planned. */
    intakeAt: string | null;
    note: string | null;
    url: string;
  };
  "workshop-request-status": { workshop: string; municipality: string; status: WorkshopMailStatus; url: string };
  "follow-confirm": { subject: string; url: string };
  /** `closesAt`: ISO instant, or null for a moment without an end. */
  "process-moment-opened": ProcessMomentMail;
  "process-moment-closing": ProcessMomentMail;
  "process-feedback-published": { process: string; moment: string; url: string; unsubscribeUrl: string };
  /** Staff posted news on a funded plan of a burgerbegroting; `happenedOn` is the day it is about (YYYY-MM-DD). */
  "budgeting-plan-update": {
    round: string;
    plan: string;
    status: PlanUpdateMailStatus;
    happenedOn: string;
    body: string;
    url: string;
    /** What the reader follows: the plan itself, or its whole round (the unsubscribe line names it). */
    followed: "plan" | "round";
    unsubscribeUrl: string;
  };
  /** Voting opened in a burgerbegroting the reader follows; `closesAt`: ISO instant, or null without a date. */
  "budgeting-voting-opened": { round: string; closesAt: string | null; url: string; unsubscribeUrl: string };
  /** Staff published the result of a burgerbegroting the reader follows. */
  "budgeting-result-published": { round: string; url: string; unsubscribeUrl: string };
  /** `dueOn`: the date (YYYY-MM-DD) the next step is due, when there is one. */
  "fund-application": {
    fund: string;
    reference: string;
    step: FundMailStep;
    dueOn: string | null;
    /** Staff's reason, with an extension of the term. */
    reason: string | null;
    url: string;
  };
  /** `assignDueOn`: the Dutch date (YYYY-MM-DD) by which the municipality assigns a contact person. */
  "initiative-received": InitiatorMail & { assignDueOn: string };
  "initiative-update": InitiatorMail & {
    kind: "message" | "assigned" | "status";
    contact: string | null;
    status: InitiativeMailStatus | null;
    reason: string | null;
  };
  "initiative-message-staff": InitiativeMail;
  /** `decisionDueOn`: the Dutch date by which the municipality decides. */
  "challenge-status": {
    municipality: string;
    reference: string;
    task: string;
    status: "received" | "assessing" | "honoured" | "refused";
    decisionDueOn: string;
    reason: string | null;
    url: string;
  };
  /** The one extension of the decision term on an uitdaagrecht request: the new date and why. */
  "challenge-extended": {
    municipality: string;
    reference: string;
    task: string;
    decisionDueOn: string;
    reason: string;
    url: string;
  };
  /** "Send my link again": the way back to each initiative, fund application and uitdaagrecht request of an address. */
  "initiator-links": {
    municipality: string;
    links: { kind: "initiative" | "application" | "challenge"; reference: string; title: string; url: string }[];
  };
  /** A council's advice: requested, given, responded to, a deadline near (`reminder`) or past (`escalation`). */
  "advice-notice": {
    event: "requested" | "given" | "responded" | "reminder" | "escalation";
    side: "advice" | "response";
    council: string;
    subject: string;
    /** The deadline (YYYY-MM-DD) the notice is about, if any. */
    dueOn: string | null;
    url: string;
  };
  /** A visitor's message through a council's public contact form, to its secretary; the reply goes to `email`. */
  "council-contact": { council: string; name: string; email: string; message: string; url: string };
};
/** `startsAt`, `endsAt`: ISO instants, written out in the follower's language. */
type CouncilMeetingMail = {
  council: string;
  meeting: string;
  startsAt: string;
  endsAt: string;
  where: string;
  url: string;
  unsubscribeUrl: string;
};
type PlanUpdateMailStatus = "planned" | "in-progress" | "realised" | "dropped";
const planUpdateStatus: Record<MailLocale, Record<PlanUpdateMailStatus, string>> = {
  nl: { planned: "gepland", "in-progress": "in uitvoering", realised: "gerealiseerd", dropped: "vervallen" },
  en: { planned: "planned", "in-progress": "in progress", realised: "realised", dropped: "dropped" },
};
type MeetingChangeMail = { meeting: string; track: string; when: string; where: string; url: string };
type FundMailStep =
  | "received"
  | "incomplete"
  | "complete"
  | "extended"
  | "granted"
  | "refused"
  | "report-reminder"
  | "recovery";
const fundSteps: Record<MailLocale, Record<FundMailStep, (dueOn: string) => string>> = {
  nl: {
    received: () => "Uw aanvraag is ontvangen. Wij kijken of alles erbij zit.",
    incomplete: () =>
      "Uw aanvraag is nog niet compleet. Op de pagina van uw aanvraag staat wat er ontbreekt. De termijn voor het besluit begint pas als de aanvraag compleet is.",
    complete: (d) => `Uw aanvraag is compleet. U krijgt uiterlijk ${d} een besluit.`,
    extended: (d) => `De gemeente heeft meer tijd nodig voor het besluit. U krijgt nu uiterlijk ${d} een besluit.`,
    granted: () => "Uw aanvraag is toegekend. In de besluitbrief staan het bedrag en de voorwaarden.",
    refused: () => "Uw aanvraag is afgewezen. In de besluitbrief staan de redenen.",
    "report-reminder": (d) =>
      `Denk aan het verslag van uw activiteit, met bonnetjes en foto's. Stuur het uiterlijk ${d}.`,
    recovery: () =>
      "Wij hebben het verslag van uw activiteit niet op tijd ontvangen. Daarom vorderen wij de subsidie terug. Neem contact met ons op als u denkt dat dit niet klopt.",
  },
  en: {
    received: () => "Your application has been received. We are checking that it is complete.",
    incomplete: () =>
      "Your application is not complete yet. The page of your application says what is missing. The decision term starts only when the application is complete.",
    complete: (d) => `Your application is complete. You will have a decision by ${d} at the latest.`,
    extended: (d) => `The municipality needs more time for the decision. You will now have it by ${d} at the latest.`,
    granted: () => "Your application has been granted. The decision letter gives the amount and the conditions.",
    refused: () => "Your application has been refused. The decision letter gives the reasons.",
    "report-reminder": (d) => `Remember the report on your activity, with receipts and photos. Send it by ${d}.`,
    recovery: () =>
      "We did not receive the report on your activity in time, so we are reclaiming the grant. Please contact us if you think this is wrong.",
  },
};
type InitiativeMail = { municipality: string; reference: string; title: string; url: string };
/** A mail to the initiator; `lostLinkUrl`: where to ask for a fresh link when this one is lost or has expired. */
type InitiatorMail = InitiativeMail & { lostLinkUrl: string };
const linkKinds: Record<MailLocale, Record<MailTemplates["initiator-links"]["links"][number]["kind"], string>> = {
  nl: { initiative: "Initiatief", application: "Aanvraag", challenge: "Verzoek (uitdaagrecht)" },
  en: { initiative: "Initiative", application: "Application", challenge: "Request (right to challenge)" },
};
type InitiativeMailStatus = "received" | "in-progress" | "supported" | "referred" | "declined";
type AdviceNotice = MailTemplates["advice-notice"];
type ProcessMomentMail = {
  process: string;
  moment: string;
  closesAt: string | null;
  url: string;
  unsubscribeUrl: string;
};
type ApplicationMailStatus =
  | "submitted"
  | "intake-scheduled"
  | "intake-held"
  | "admitted"
  | "wait-listed"
  | "declined"
  | "withdrawn";
type WorkshopMailStatus = "requested" | "quoted" | "accepted" | "scheduled" | "declined" | "cancelled";
export type MailTemplate = keyof MailTemplates;

export type RenderedMail = { subject: string; text: string; html: string };

type Copy<P> = (params: P) => {
  subject: string;
  /** Left out where the body is a letter with its own salutation (a newsletter edition). */
  greeting?: string;
  lines: string[];
  action?: [label: string, url: string];
};

/**
 * Mail copy lives here and not in the web catalogue: the worker sends mail outside any request, and `src/` may not
 * import `app/`. Same rule as the catalogue: Dutch and English, every template in both.
 */
const applicationStatus: Record<MailLocale, Record<ApplicationMailStatus, string>> = {
  nl: {
    submitted: "De aanmelding is ontvangen.",
    "intake-scheduled": "Er is een intakegesprek gepland.",
    "intake-held": "Het intakegesprek heeft plaatsgevonden. U hoort binnenkort of uw gemeente kan deelnemen.",
    admitted: "Uw gemeente is toegelaten tot het traject en hoort nu bij de leergroep.",
    "wait-listed": "Het traject is vol. Uw gemeente staat op de wachtlijst.",
    declined: "Uw gemeente kan helaas niet deelnemen aan dit traject.",
    withdrawn: "De aanmelding is ingetrokken.",
  },
  en: {
    submitted: "The application has been received.",
    "intake-scheduled": "An intake conversation has been planned.",
    "intake-held": "The intake conversation took place. You will soon hear whether your municipality can take part.",
    admitted: "Your municipality has been admitted to the trajectory and is now part of the learning group.",
    "wait-listed": "The trajectory is full. Your municipality is on the waiting list.",
    declined: "Unfortunately your municipality cannot take part in this trajectory.",
    withdrawn: "The application has been withdrawn.",
  },
};

const workshopStatus: Record<MailLocale, Record<WorkshopMailStatus, string>> = {
  nl: {
    requested: "De aanvraag is ontvangen. U krijgt een offerte.",
    quoted: "Er staat een offerte voor u klaar. Bekijk en accepteer die in het beheer van uw gemeente.",
    accepted: "De offerte is geaccepteerd. Wij plannen de workshop.",
    scheduled: "De workshop is ingepland.",
    declined: "De aanvraag is afgewezen.",
    cancelled: "De aanvraag is ingetrokken.",
  },
  en: {
    requested: "The request has been received. You will get a quote.",
    quoted: "A quote is ready for you. View and accept it in your municipality's administration.",
    accepted: "The quote was accepted. We will schedule the workshop.",
    scheduled: "The workshop has been scheduled.",
    declined: "The request was declined.",
    cancelled: "The request was cancelled.",
  },
};

const initiativeStatus: Record<MailLocale, Record<InitiativeMailStatus, string>> = {
  nl: {
    received: "Uw initiatief is ontvangen.",
    "in-progress": "De gemeente is met uw initiatief aan de slag.",
    supported: "De gemeente steunt uw initiatief.",
    referred: "De gemeente verwijst u door naar een andere plek die u beter kan helpen.",
    declined: "De gemeente kan uw initiatief helaas niet steunen.",
  },
  en: {
    received: "Your initiative has been received.",
    "in-progress": "The municipality is working on your initiative.",
    supported: "The municipality supports your initiative.",
    referred: "The municipality refers you to another place that can help you better.",
    declined: "Unfortunately the municipality cannot support your initiative.",
  },
};

const challengeStatus: Record<MailLocale, Record<MailTemplates["challenge-status"]["status"], string>> = {
  nl: {
    received: "Uw verzoek is ontvangen.",
    assessing: "De gemeente beoordeelt uw verzoek nu.",
    honoured: "De gemeente honoreert uw verzoek: u kunt de taak overnemen.",
    refused: "De gemeente wijst uw verzoek af.",
  },
  en: {
    received: "Your request has been received.",
    assessing: "The municipality is now assessing your request.",
    honoured: "The municipality grants your request: you can take over the task.",
    refused: "The municipality refuses your request.",
  },
};

const calendarDay = (locale: MailLocale, date: string) =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));

const span = (locale: MailLocale, startsAt: string, endsAt: string) =>
  whenText(locale, new Date(startsAt), new Date(endsAt));

const amsterdam = (locale: MailLocale, iso: string) =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));

/** A Dutch calendar date (YYYY-MM-DD) in words: "maandag 4 januari 2027". */
const longDate = (locale: MailLocale, on: string) =>
  new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${on}T00:00:00Z`),
  );

function adviceCopy(locale: MailLocale, { event, side, council, subject, dueOn, url }: AdviceNotice) {
  const due = dueOn ? longDate(locale, dueOn) : "";
  const nl = locale === "nl";
  const whose =
    side === "advice"
      ? nl
        ? "het advies van de raad"
        : "the council's advice"
      : nl
        ? "de reactie van de gemeente"
        : "the municipality's response";
  const copies = {
    requested: nl
      ? {
          subject: `Adviesaanvraag aan ${council}: ${subject}`,
          line: `De gemeente vraagt ${council} om advies over: ${subject}. Het advies is uiterlijk ${due} nodig.`,
        }
      : {
          subject: `Request for advice to ${council}: ${subject}`,
          line: `The municipality asks ${council} for advice on: ${subject}. The advice is due on ${due} at the latest.`,
        },
    given: nl
      ? {
          subject: `Advies ontvangen van ${council}: ${subject}`,
          line: `${council} heeft advies gegeven over: ${subject}. De gemeente reageert uiterlijk ${due}.`,
        }
      : {
          subject: `Advice received from ${council}: ${subject}`,
          line: `${council} has given advice on: ${subject}. The municipality responds by ${due} at the latest.`,
        },
    responded: nl
      ? {
          subject: `Reactie op uw advies: ${subject}`,
          line: `De gemeente heeft gereageerd op het advies van ${council} over: ${subject}.`,
        }
      : {
          subject: `Response to your advice: ${subject}`,
          line: `The municipality has responded to the advice of ${council} on: ${subject}.`,
        },
    reminder: nl
      ? { subject: `Herinnering: ${subject}`, line: `De termijn voor ${whose} over "${subject}" loopt af op ${due}.` }
      : { subject: `Reminder: ${subject}`, line: `The term for ${whose} on "${subject}" ends on ${due}.` },
    escalation: nl
      ? {
          subject: `Termijn verstreken: ${subject}`,
          line: `De termijn voor ${whose} over "${subject}" is verstreken op ${due}. Er is nog niets ontvangen.`,
        }
      : {
          subject: `Term expired: ${subject}`,
          line: `The term for ${whose} on "${subject}" expired on ${due}. Nothing has been received yet.`,
        },
  } as const;
  const c = copies[event];
  return {
    subject: c.subject,
    greeting: nl ? "Hallo," : "Hello,",
    lines: [c.line],
    action: [nl ? "Bekijk het advies" : "View the advice", url] as [string, string],
  };
}

const copy: { [L in MailLocale]: { [T in MailTemplate]: Copy<MailTemplates[T]> } } = {
  nl: {
    "magic-link": ({ url, minutes }) => ({
      subject: "Uw inloglink voor Samenspel",
      greeting: "Hallo,",
      lines: [
        "U vroeg om in te loggen op Samenspel. Klik op de knop hieronder om in te loggen.",
        `De link werkt ${minutes} minuten en maar één keer.`,
        "Heeft u niet om deze link gevraagd? Dan kunt u deze e-mail negeren. Er gebeurt dan niets.",
      ],
      action: ["Inloggen op Samenspel", url],
    }),
    "pb-voting-link": ({ round, url, hours }) => ({
      subject: `Uw link om te stemmen: ${round}`,
      greeting: "Hallo,",
      lines: [
        `U vroeg om te stemmen in "${round}". Klik op de knop hieronder. Dan ziet u het stembiljet.`,
        `De link werkt ${hours} uur. U kunt er één keer mee stemmen. Deel de link niet.`,
        "Heeft u niet om deze link gevraagd? Dan kunt u deze e-mail negeren. Er gebeurt dan niets.",
      ],
      action: ["Naar het stembiljet", url],
    }),
    "registration-confirmed": ({ meeting, track, when, url }) => ({
      subject: `Aangemeld: ${track}`,
      greeting: "Hallo,",
      lines: [
        `U bent aangemeld voor "${track}" tijdens ${meeting}, ${when}.`,
        "In de bijlage staat de afspraak voor uw agenda.",
        "Kunt u toch niet? Meld u dan af op de pagina van de bijeenkomst. Dan krijgt iemand anders uw plaats.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "registration-wait-listed": ({ meeting, track, position, url }) => ({
      subject: `Op de wachtlijst: ${track}`,
      greeting: "Hallo,",
      lines: [
        `"${track}" tijdens ${meeting} is vol. U staat op de wachtlijst, op plaats ${position}.`,
        "Komt er een plaats vrij? Dan krijgt u die vanzelf en sturen wij u een e-mail.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "registration-provisional": ({ meeting, track, when, url }) => ({
      subject: `Voorlopig aangemeld: ${track}`,
      greeting: "Hallo,",
      lines: [
        `U heeft een voorlopige plaats voor "${track}" tijdens ${meeting}, ${when}.`,
        "Democratie in Actie neemt contact met u op voor de definitieve aanmelding.",
        "Daarna krijgt u een mail met de afspraak voor uw agenda.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "registration-declined": ({ meeting, track, when, url }) => ({
      subject: `Geen plaats: ${track}`,
      greeting: "Hallo,",
      lines: [
        `U had een voorlopige plaats voor "${track}" tijdens ${meeting}, ${when}.`,
        "Democratie in Actie kan uw aanmelding helaas niet bevestigen. U heeft geen plaats.",
        "Heeft u vragen? Neem dan contact op met het programma.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "registration-promoted": ({ meeting, track, when, url }) => ({
      subject: `U heeft een plaats: ${track}`,
      greeting: "Hallo,",
      lines: [
        `Er is een plaats vrijgekomen. U bent nu aangemeld voor "${track}" tijdens ${meeting}, ${when}.`,
        "In de bijlage staat de afspraak voor uw agenda.",
        "Kunt u toch niet? Meld u dan af op de pagina van de bijeenkomst.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "meeting-moved": ({ meeting, track, when, where, url }) => ({
      subject: `Gewijzigd: ${meeting}`,
      greeting: "Hallo,",
      lines: [
        `${meeting} is gewijzigd. "${track}" is nu op ${when}${where ? `, in ${where}` : ""}.`,
        "In de bijlage staat de nieuwe afspraak. Uw agenda vervangt daarmee de oude.",
        "Kunt u niet meer? Meld u dan af op de pagina van de bijeenkomst. Dan krijgt iemand anders uw plaats.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "meeting-cancelled": ({ meeting, track, when, url }) => ({
      subject: `Gaat niet door: ${meeting}`,
      greeting: "Hallo,",
      lines: [
        `${meeting} gaat niet door. U was aangemeld voor "${track}", ${when}.`,
        "In de bijlage staat de afzegging voor uw agenda. U hoeft zich niet af te melden.",
      ],
      action: ["Naar de bijeenkomst", url],
    }),
    "council-meeting-moved": ({ council, meeting, startsAt, endsAt, where, url, unsubscribeUrl }) => ({
      subject: `Gewijzigd: ${meeting} van ${council}`,
      greeting: "Hallo,",
      lines: [
        `De vergadering "${meeting}" van ${council} is gewijzigd. Ze is nu op ${span("nl", startsAt, endsAt)}, in ${where}.`,
        "In de bijlage staat de nieuwe afspraak. Uw agenda vervangt daarmee de oude.",
        `Wilt u geen e-mail meer over deze raad? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Naar de vergadering", url],
    }),
    "council-meeting-cancelled": ({ council, meeting, startsAt, endsAt, reason, url, unsubscribeUrl }) => ({
      subject: `Gaat niet door: ${meeting} van ${council}`,
      greeting: "Hallo,",
      lines: [
        `De vergadering "${meeting}" van ${council} op ${span("nl", startsAt, endsAt)} gaat niet door.`,
        `De reden: ${reason}`,
        "In de bijlage staat de afzegging voor uw agenda.",
        `Wilt u geen e-mail meer over deze raad? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Naar de vergadering", url],
    }),
    "newsletter-confirm": ({ themes, url }) => ({
      subject: "Bevestig uw aanmelding voor de nieuwsbrief",
      greeting: "Hallo,",
      lines: [
        `U wilt de nieuwsbrief van Democratie in Actie ontvangen over: ${themes}.`,
        "Klik op de knop hieronder om dit te bevestigen. Zonder bevestiging sturen wij u niets.",
        "Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.",
      ],
      action: ["Aanmelding bevestigen", url],
    }),
    "designer-signed-up": ({ trajectory, name, url, contact }) => ({
      subject: `Aangemeld als ontwerper: ${trajectory}`,
      greeting: `Beste ${name},`,
      lines: [
        `Bedankt voor uw aanmelding als ontwerper voor het traject ${trajectory}.`,
        "Democratie in Actie leest uw aanmelding en neemt contact met u op.",
        `Wilt u iets veranderen of uw aanmelding intrekken? ${contact ? `Mail dan naar ${contact}.` : "Neem dan contact op met Democratie in Actie."}`,
        "Heeft u zich niet zelf aangemeld? Laat het ons dan weten. Wij halen uw gegevens dan weg.",
      ],
      action: ["Naar het traject", url],
    }),
    "newsletter-edition": ({ subject, body, unsubscribeUrl }) => ({
      subject,
      lines: [...body.split(/\n{2,}/), `Wilt u deze nieuwsbrief niet meer ontvangen? Afmelden: ${unsubscribeUrl}`],
    }),
    "application-status": ({ trajectory, municipality, status, intakeAt, note, url }) => ({
      subject: `Aanmelding ${municipality} voor ${trajectory}`,
      greeting: "Hallo,",
      lines: [
        `Er is nieuws over de aanmelding van ${municipality} voor het traject ${trajectory}.`,
        applicationStatus.nl[status],
        ...(status === "intake-scheduled" && intakeAt ? [`Het intakegesprek is op ${amsterdam("nl", intakeAt)}.`] : []),
        ...(note ? [`Toelichting: ${note}`] : []),
      ],
      action: ["Bekijk de aanmelding", url],
    }),
    "workshop-request-status": ({ workshop, municipality, status, url }) => ({
      subject: `Workshopaanvraag ${municipality}: ${workshop}`,
      greeting: "Hallo,",
      lines: [
        `Er is nieuws over de aanvraag van ${municipality} voor de workshop ${workshop}.`,
        workshopStatus.nl[status],
      ],
      action: ["Bekijk de aanvraag", url],
    }),
    "follow-confirm": ({ subject, url }) => ({
      subject: `Bevestig: u volgt ${subject}`,
      greeting: "Hallo,",
      lines: [
        `U wilt e-mail krijgen over: ${subject}.`,
        "Klik op de knop hieronder om dit te bevestigen. Zonder bevestiging sturen wij u niets.",
        "Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren.",
      ],
      action: ["Bevestigen", url],
    }),
    "process-moment-opened": ({ process, moment, closesAt, url, unsubscribeUrl }) => ({
      subject: `U kunt nu meedoen: ${moment}`,
      greeting: "Hallo,",
      lines: [
        `Bij ${process} kunt u nu meedoen: ${moment}.`,
        ...(closesAt ? [`Dat kan tot ${amsterdam("nl", closesAt)}.`] : []),
        `Wilt u geen e-mail meer over dit proces? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Lees hoe u kunt meedoen", url],
    }),
    "process-moment-closing": ({ process, moment, closesAt, url, unsubscribeUrl }) => ({
      subject: `Bijna gesloten: ${moment}`,
      greeting: "Hallo,",
      lines: [
        `Bij ${process} kunt u nog kort meedoen: ${moment}.`,
        ...(closesAt ? [`Dat kan tot ${amsterdam("nl", closesAt)}.`] : []),
        `Wilt u geen e-mail meer over dit proces? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Lees hoe u kunt meedoen", url],
    }),
    "process-feedback-published": ({ process, moment, url, unsubscribeUrl }) => ({
      subject: `Wat er met uw inbreng is gedaan: ${moment}`,
      greeting: "Hallo,",
      lines: [
        `Bij ${process} staat nu wat de gemeente heeft gedaan met de inbreng bij: ${moment}.`,
        "Per punt leest u of het is overgenomen, deels is overgenomen of niet, en waarom.",
        `Wilt u geen e-mail meer over dit proces? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Lees de terugkoppeling", url],
    }),
    "budgeting-plan-update": ({ round, plan, status, happenedOn, body, url, followed, unsubscribeUrl }) => ({
      subject: `Nieuws over ${plan}`,
      greeting: "Hallo,",
      lines: [
        `Er is nieuws over "${plan}" uit ${round}. Op ${calendarDay("nl", happenedOn)}: ${planUpdateStatus.nl[status]}.`,
        body,
        `Wilt u geen e-mail meer over ${followed === "plan" ? "dit plan" : round}? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Lees hoe het met de plannen gaat", url],
    }),
    "budgeting-voting-opened": ({ round, closesAt, url, unsubscribeUrl }) => ({
      subject: `U kunt nu stemmen: ${round}`,
      greeting: "Hallo,",
      lines: [
        `Bij ${round} kunt u nu stemmen op de plannen.`,
        ...(closesAt ? [`Dat kan tot ${amsterdam("nl", closesAt)}.`] : []),
        `Wilt u geen e-mail meer over ${round}? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Lees hoe u kunt stemmen", url],
    }),
    "budgeting-result-published": ({ round, url, unsubscribeUrl }) => ({
      subject: `De uitslag is bekend: ${round}`,
      greeting: "Hallo,",
      lines: [
        `De uitslag van ${round} is bekend. U leest welke plannen geld krijgen, en waarom.`,
        "Als de plannen worden uitgevoerd, krijgt u daar ook e-mail over.",
        `Wilt u geen e-mail meer over ${round}? Afmelden: ${unsubscribeUrl}`,
      ],
      action: ["Bekijk de uitslag", url],
    }),
    "fund-application": ({ fund, reference, step, dueOn, reason, url }) => ({
      subject: `${fund}: uw aanvraag ${reference}`,
      greeting: "Hallo,",
      lines: [fundSteps.nl[step](dueOn ? calendarDay("nl", dueOn) : ""), ...(reason ? [`Reden: ${reason}`] : [])],
      action: ["Naar uw aanvraag", url],
    }),
    "initiative-received": ({ municipality, reference, title, assignDueOn, url, lostLinkUrl }) => ({
      subject: `Uw initiatief is ontvangen (${reference})`,
      greeting: "Hallo,",
      lines: [
        `Bedankt voor uw initiatief "${title}" bij ${municipality}.`,
        `Uw referentienummer is ${reference}. Noem dit nummer als u contact opneemt met de gemeente.`,
        `Uiterlijk ${calendarDay("nl", assignDueOn)} krijgt u een vaste contactpersoon.`,
        "Via de knop hieronder ziet u hoe het met uw initiatief gaat. Daar kunt u ook berichten sturen. Deel deze link niet met anderen.",
        `Link kwijt of werkt hij niet meer? Vraag een nieuwe aan: ${lostLinkUrl}`,
      ],
      action: ["Bekijk uw initiatief", url],
    }),
    "initiative-update": ({ municipality, reference, title, kind, contact, status, reason, url, lostLinkUrl }) => ({
      subject: `Nieuws over uw initiatief (${reference})`,
      greeting: "Hallo,",
      lines: [
        `Er is nieuws over uw initiatief "${title}" bij ${municipality}.`,
        ...(kind === "message" ? ["De gemeente heeft u een bericht gestuurd."] : []),
        ...(kind === "assigned" && contact ? [`Uw contactpersoon bij de gemeente is ${contact}.`] : []),
        ...(kind === "status" && status ? [initiativeStatus.nl[status]] : []),
        ...(reason ? [`Toelichting: ${reason}`] : []),
        "Deel de link hieronder niet met anderen.",
        `Link kwijt of werkt hij niet meer? Vraag een nieuwe aan: ${lostLinkUrl}`,
      ],
      action: ["Bekijk uw initiatief", url],
    }),
    "initiative-message-staff": ({ municipality, reference, title, url }) => ({
      subject: `Nieuw bericht bij initiatief ${reference}`,
      greeting: "Hallo,",
      lines: [`De initiatiefnemer van "${title}" (${municipality}) heeft een bericht gestuurd.`],
      action: ["Lees het bericht", url],
    }),
    "challenge-status": ({ municipality, reference, task, status, decisionDueOn, reason, url }) => ({
      subject: `Uw verzoek om een taak over te nemen (${reference})`,
      greeting: "Hallo,",
      lines: [
        `Dit gaat over uw verzoek aan ${municipality} om deze taak over te nemen: ${task}.`,
        challengeStatus.nl[status],
        ...(status === "received" || status === "assessing"
          ? [`Uw referentienummer is ${reference}. De gemeente beslist uiterlijk ${calendarDay("nl", decisionDueOn)}.`]
          : []),
        ...(reason ? [`De redenen: ${reason}`] : []),
      ],
      action: ["Bekijk het openbare register", url],
    }),
    "challenge-extended": ({ municipality, reference, task, decisionDueOn, reason, url }) => ({
      subject: `Meer tijd voor het besluit over uw verzoek (${reference})`,
      greeting: "Hallo,",
      lines: [
        `Dit gaat over uw verzoek aan ${municipality} om deze taak over te nemen: ${task}.`,
        `De gemeente heeft meer tijd nodig. Zij beslist nu uiterlijk ${calendarDay("nl", decisionDueOn)}. Dit kan maar één keer.`,
        `De reden: ${reason}`,
      ],
      action: ["Bekijk het openbare register", url],
    }),
    "initiator-links": ({ municipality, links }) => ({
      subject: `Uw links bij ${municipality}`,
      greeting: "Hallo,",
      lines: [
        `U vroeg om uw links bij ${municipality}. Hier zijn ze:`,
        ...links.map(({ kind, reference, title, url }) => `${linkKinds.nl[kind]} ${reference}, "${title}": ${url}`),
        "Deel deze links niet met anderen. Oude links blijven werken tot ze verlopen.",
        "Een aanvraag bij een fonds opent u door in te loggen met dit e-mailadres. Een verzoek (uitdaagrecht) staat in het openbare register, onder het referentienummer.",
        "Heeft u niet om deze e-mail gevraagd? Dan kunt u hem negeren. Er verandert niets.",
      ],
    }),
    "advice-notice": (params) => adviceCopy("nl", params),
    "council-contact": ({ council, name, email, message, url }) => ({
      subject: `Bericht voor ${council} van ${name}`,
      greeting: "Hallo,",
      lines: [
        `${name} (${email}) stuurde ${council} dit bericht via het contactformulier op Samenspel:`,
        message,
        "Antwoord met 'Beantwoorden': uw antwoord gaat naar de afzender. Uw eigen e-mailadres heeft de afzender niet gezien.",
      ],
      action: ["De pagina van de raad", url],
    }),
  },
  en: {
    "magic-link": ({ url, minutes }) => ({
      subject: "Your sign-in link for Samenspel",
      greeting: "Hello,",
      lines: [
        "You asked to sign in to Samenspel. Click the button below to sign in.",
        `The link works for ${minutes} minutes and only once.`,
        "Did you not ask for this link? Then you can ignore this e-mail. Nothing will happen.",
      ],
      action: ["Sign in to Samenspel", url],
    }),
    "pb-voting-link": ({ round, url, hours }) => ({
      subject: `Your link to vote: ${round}`,
      greeting: "Hello,",
      lines: [
        `You asked to vote in "${round}". Click the button below to see the ballot.`,
        `The link works for ${hours} hours. You can vote with it once. Do not share it.`,
        "Did you not ask for this link? Then you can ignore this e-mail. Nothing will happen.",
      ],
      action: ["Go to the ballot", url],
    }),
    "registration-confirmed": ({ meeting, track, when, url }) => ({
      subject: `Registered: ${track}`,
      greeting: "Hello,",
      lines: [
        `You are registered for "${track}" at ${meeting}, ${when}.`,
        "The attachment holds the appointment for your calendar.",
        "Can you not come after all? Then cancel on the meeting's page, so someone else gets your place.",
      ],
      action: ["Go to the meeting", url],
    }),
    "registration-wait-listed": ({ meeting, track, position, url }) => ({
      subject: `On the wait-list: ${track}`,
      greeting: "Hello,",
      lines: [
        `"${track}" at ${meeting} is full. You are on the wait-list, at position ${position}.`,
        "When a place becomes free, you get it automatically and we send you an e-mail.",
      ],
      action: ["Go to the meeting", url],
    }),
    "registration-provisional": ({ meeting, track, when, url }) => ({
      subject: `Provisionally registered: ${track}`,
      greeting: "Hello,",
      lines: [
        `You have a provisional place for "${track}" at ${meeting}, ${when}.`,
        "Democratie in Actie will contact you to make your registration final.",
        "You will then get an e-mail with the appointment for your calendar.",
      ],
      action: ["Go to the meeting", url],
    }),
    "registration-declined": ({ meeting, track, when, url }) => ({
      subject: `No place: ${track}`,
      greeting: "Hello,",
      lines: [
        `You had a provisional place for "${track}" at ${meeting}, ${when}.`,
        "Unfortunately Democratie in Actie cannot confirm your registration. You do not have a place.",
        "Questions? Please contact the programme.",
      ],
      action: ["Go to the meeting", url],
    }),
    "registration-promoted": ({ meeting, track, when, url }) => ({
      subject: `You have a place: ${track}`,
      greeting: "Hello,",
      lines: [
        `A place became free. You are now registered for "${track}" at ${meeting}, ${when}.`,
        "The attachment holds the appointment for your calendar.",
        "Can you not come after all? Then cancel on the meeting's page.",
      ],
      action: ["Go to the meeting", url],
    }),
    "meeting-moved": ({ meeting, track, when, where, url }) => ({
      subject: `Changed: ${meeting}`,
      greeting: "Hello,",
      lines: [
        `${meeting} has changed. "${track}" is now on ${when}${where ? `, at ${where}` : ""}.`,
        "The attachment holds the new appointment. Your calendar replaces the old one with it.",
        "Can you no longer come? Then cancel on the meeting's page, so someone else gets your place.",
      ],
      action: ["Go to the meeting", url],
    }),
    "meeting-cancelled": ({ meeting, track, when, url }) => ({
      subject: `Cancelled: ${meeting}`,
      greeting: "Hello,",
      lines: [
        `${meeting} will not take place. You were registered for "${track}", ${when}.`,
        "The attachment holds the cancellation for your calendar. You do not need to cancel yourself.",
      ],
      action: ["Go to the meeting", url],
    }),
    "council-meeting-moved": ({ council, meeting, startsAt, endsAt, where, url, unsubscribeUrl }) => ({
      subject: `Changed: ${meeting} of ${council}`,
      greeting: "Hello,",
      lines: [
        `The meeting "${meeting}" of ${council} has changed. It is now on ${span("en", startsAt, endsAt)}, at ${where}.`,
        "The attachment holds the new appointment. Your calendar replaces the old one with it.",
        `No longer want e-mail about this council? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["Go to the meeting", url],
    }),
    "council-meeting-cancelled": ({ council, meeting, startsAt, endsAt, reason, url, unsubscribeUrl }) => ({
      subject: `Cancelled: ${meeting} of ${council}`,
      greeting: "Hello,",
      lines: [
        `The meeting "${meeting}" of ${council} on ${span("en", startsAt, endsAt)} will not take place.`,
        `The reason: ${reason}`,
        "The attachment holds the cancellation for your calendar.",
        `No longer want e-mail about this council? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["Go to the meeting", url],
    }),
    "newsletter-confirm": ({ themes, url }) => ({
      subject: "Confirm your newsletter subscription",
      greeting: "Hello,",
      lines: [
        `You want to receive the Democratie in Actie newsletter about: ${themes}.`,
        "Click the button below to confirm. Without confirmation we send you nothing.",
        "Did you not ask for this? Then you can ignore this e-mail.",
      ],
      action: ["Confirm subscription", url],
    }),
    "designer-signed-up": ({ trajectory, name, url, contact }) => ({
      subject: `Signed up as a designer: ${trajectory}`,
      greeting: `Dear ${name},`,
      lines: [
        `Thank you for signing up as a designer for the trajectory ${trajectory}.`,
        "Democratie in Actie will read your sign-up and contact you.",
        `Do you want to change something or withdraw? ${contact ? `Please e-mail ${contact}.` : "Please contact Democratie in Actie."}`,
        "Did you not sign up yourself? Please let us know. We will then remove your details.",
      ],
      action: ["To the trajectory", url],
    }),
    "newsletter-edition": ({ subject, body, unsubscribeUrl }) => ({
      subject,
      lines: [...body.split(/\n{2,}/), `No longer want this newsletter? Unsubscribe: ${unsubscribeUrl}`],
    }),
    "application-status": ({ trajectory, municipality, status, intakeAt, note, url }) => ({
      subject: `Application of ${municipality} for ${trajectory}`,
      greeting: "Hello,",
      lines: [
        `There is news about the application of ${municipality} for the trajectory ${trajectory}.`,
        applicationStatus.en[status],
        ...(status === "intake-scheduled" && intakeAt
          ? [`The intake conversation is on ${amsterdam("en", intakeAt)}.`]
          : []),
        ...(note ? [`Note: ${note}`] : []),
      ],
      action: ["View the application", url],
    }),
    "workshop-request-status": ({ workshop, municipality, status, url }) => ({
      subject: `Workshop request ${municipality}: ${workshop}`,
      greeting: "Hello,",
      lines: [
        `There is news about the request of ${municipality} for the workshop ${workshop}.`,
        workshopStatus.en[status],
      ],
      action: ["View the request", url],
    }),
    "follow-confirm": ({ subject, url }) => ({
      subject: `Confirm: you follow ${subject}`,
      greeting: "Hello,",
      lines: [
        `You want to receive e-mail about: ${subject}.`,
        "Click the button below to confirm. Without confirmation we send you nothing.",
        "Did you not ask for this? Then you can ignore this e-mail.",
      ],
      action: ["Confirm", url],
    }),
    "process-moment-opened": ({ process, moment, closesAt, url, unsubscribeUrl }) => ({
      subject: `You can take part now: ${moment}`,
      greeting: "Hello,",
      lines: [
        `In ${process} you can take part now: ${moment}.`,
        ...(closesAt ? [`You can do so until ${amsterdam("en", closesAt)}.`] : []),
        `No longer want e-mail about this process? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["Read how to take part", url],
    }),
    "process-moment-closing": ({ process, moment, closesAt, url, unsubscribeUrl }) => ({
      subject: `Closing soon: ${moment}`,
      greeting: "Hello,",
      lines: [
        `In ${process} there is little time left to take part: ${moment}.`,
        ...(closesAt ? [`You can do so until ${amsterdam("en", closesAt)}.`] : []),
        `No longer want e-mail about this process? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["Read how to take part", url],
    }),
    "process-feedback-published": ({ process, moment, url, unsubscribeUrl }) => ({
      subject: `What was done with your input: ${moment}`,
      greeting: "Hello,",
      lines: [
        `In ${process} the municipality has published what it did with the input on: ${moment}.`,
        "Point by point you can read whether it was taken over, partly taken over or not, and why.",
        `No longer want e-mail about this process? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["Read the feedback", url],
    }),
    "budgeting-plan-update": ({ round, plan, status, happenedOn, body, url, followed, unsubscribeUrl }) => ({
      subject: `News about ${plan}`,
      greeting: "Hello,",
      lines: [
        `There is news about "${plan}" from ${round}. On ${calendarDay("en", happenedOn)}: ${planUpdateStatus.en[status]}.`,
        body,
        `No longer want e-mail about ${followed === "plan" ? "this plan" : round}? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["Read how the plans are doing", url],
    }),
    "budgeting-voting-opened": ({ round, closesAt, url, unsubscribeUrl }) => ({
      subject: `You can vote now: ${round}`,
      greeting: "Hello,",
      lines: [
        `In ${round} you can now vote for the plans.`,
        ...(closesAt ? [`You can do so until ${amsterdam("en", closesAt)}.`] : []),
        `No longer want e-mail about ${round}? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["Read how to vote", url],
    }),
    "budgeting-result-published": ({ round, url, unsubscribeUrl }) => ({
      subject: `The result is out: ${round}`,
      greeting: "Hello,",
      lines: [
        `The result of ${round} is out. You can read which plans are funded, and why.`,
        "When the plans are carried out, you will get e-mail about that too.",
        `No longer want e-mail about ${round}? Unsubscribe: ${unsubscribeUrl}`,
      ],
      action: ["See the result", url],
    }),
    "fund-application": ({ fund, reference, step, dueOn, reason, url }) => ({
      subject: `${fund}: your application ${reference}`,
      greeting: "Hello,",
      lines: [fundSteps.en[step](dueOn ? calendarDay("en", dueOn) : ""), ...(reason ? [`Reason: ${reason}`] : [])],
      action: ["Go to your application", url],
    }),
    "initiative-received": ({ municipality, reference, title, assignDueOn, url, lostLinkUrl }) => ({
      subject: `Your initiative has been received (${reference})`,
      greeting: "Hello,",
      lines: [
        `Thank you for your initiative "${title}" at ${municipality}.`,
        `Your reference number is ${reference}. Please quote it when you contact the municipality.`,
        `By ${calendarDay("en", assignDueOn)} you will have a contact person.`,
        "The button below shows how your initiative is doing. You can also send messages there. Do not share this link.",
        `Lost the link, or does it no longer work? Ask for a new one: ${lostLinkUrl}`,
      ],
      action: ["View your initiative", url],
    }),
    "initiative-update": ({ municipality, reference, title, kind, contact, status, reason, url, lostLinkUrl }) => ({
      subject: `News about your initiative (${reference})`,
      greeting: "Hello,",
      lines: [
        `There is news about your initiative "${title}" at ${municipality}.`,
        ...(kind === "message" ? ["The municipality has sent you a message."] : []),
        ...(kind === "assigned" && contact ? [`Your contact person at the municipality is ${contact}.`] : []),
        ...(kind === "status" && status ? [initiativeStatus.en[status]] : []),
        ...(reason ? [`Note: ${reason}`] : []),
        "Do not share the link below.",
        `Lost the link, or does it no longer work? Ask for a new one: ${lostLinkUrl}`,
      ],
      action: ["View your initiative", url],
    }),
    "initiative-message-staff": ({ municipality, reference, title, url }) => ({
      subject: `New message on initiative ${reference}`,
      greeting: "Hello,",
      lines: [`The initiator of "${title}" (${municipality}) has sent a message.`],
      action: ["Read the message", url],
    }),
    "challenge-status": ({ municipality, reference, task, status, decisionDueOn, reason, url }) => ({
      subject: `Your request to take over a task (${reference})`,
      greeting: "Hello,",
      lines: [
        `This is about your request to ${municipality} to take over this task: ${task}.`,
        challengeStatus.en[status],
        ...(status === "received" || status === "assessing"
          ? [`Your reference number is ${reference}. The municipality decides by ${calendarDay("en", decisionDueOn)}.`]
          : []),
        ...(reason ? [`The reasons: ${reason}`] : []),
      ],
      action: ["View the public register", url],
    }),
    "challenge-extended": ({ municipality, reference, task, decisionDueOn, reason, url }) => ({
      subject: `More time for the decision on your request (${reference})`,
      greeting: "Hello,",
      lines: [
        `This is about your request to ${municipality} to take over this task: ${task}.`,
        `The municipality needs more time. It now decides by ${calendarDay("en", decisionDueOn)} at the latest. This can happen only once.`,
        `The reason: ${reason}`,
      ],
      action: ["View the public register", url],
    }),
    "initiator-links": ({ municipality, links }) => ({
      subject: `Your links at ${municipality}`,
      greeting: "Hello,",
      lines: [
        `You asked for your links at ${municipality}. Here they are:`,
        ...links.map(({ kind, reference, title, url }) => `${linkKinds.en[kind]} ${reference}, "${title}": ${url}`),
        "Do not share these links. Old links keep working until they expire.",
        "You open an application to a fund by signing in with this e-mail address. A request (right to challenge) is in the public register, under its reference number.",
        "Did you not ask for this e-mail? Then you can ignore it. Nothing changes.",
      ],
    }),
    "advice-notice": (params) => adviceCopy("en", params),
    "council-contact": ({ council, name, email, message, url }) => ({
      subject: `Message for ${council} from ${name}`,
      greeting: "Hello,",
      lines: [
        `${name} (${email}) sent ${council} this message through the contact form on Samenspel:`,
        message,
        "Use 'Reply': your answer goes to the sender. The sender has not seen your own e-mail address.",
      ],
      action: ["The council's page", url],
    }),
  },
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Plain text for every client, and simple HTML with the same words. */
export function renderMail<T extends MailTemplate>(
  template: T,
  locale: MailLocale,
  params: MailTemplates[T],
): RenderedMail {
  const c = (copy[locale][template] as Copy<MailTemplates[T]>)(params);
  const text = [
    ...(c.greeting ? [c.greeting, ""] : []),
    ...c.lines.flatMap((line) => [line, ""]),
    ...(c.action ? [`${c.action[0]}: ${c.action[1]}`, ""] : []),
    "Samenspel",
  ].join("\n");
  const paragraphs = [...(c.greeting ? [c.greeting] : []), ...c.lines].map((line) => `<p>${escapeHtml(line)}</p>`);
  const action = c.action ? `<p><a href="${escapeHtml(c.action[1])}">${escapeHtml(c.action[0])}</a></p>` : "";
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">${paragraphs.join("")}${action}<p>Samenspel</p></body></html>`;
  return { subject: c.subject, text, html };
}
