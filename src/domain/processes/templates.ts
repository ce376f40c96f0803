import type { Decider, LadderLevel, MomentMethod, ProcessStage } from "./ladder.ts";

export type TemplatePhase = {
  stage: ProcessStage;
  title: string;
  /** Days after the process's start date, and the phase's length in days. */
  offsetDays: number;
  days: number;
  level: LadderLevel;
  participants: string[];
  moments: { title: string; subject: string; method: MomentMethod; methodDetail: string; feedbackHow: string }[];
};

export type ProcessTemplate = {
  id: "burgerbegroting" | "omgevingsvergunning" | "dorpsvisie" | "herindeling";
  description: string;
  fixed: string;
  open: string;
  decidedBy: Decider;
  decisionKind: string;
  phases: TemplatePhase[];
};

const feedbackHow = "Op deze pagina, per punt, en per e-mail aan wie het proces volgt.";

/** Four starting points staff adapt: every phase, level and moment can be changed before publishing. */
export const processTemplates: readonly ProcessTemplate[] = [
  {
    id: "burgerbegroting",
    description: "Inwoners bedenken plannen voor hun buurt en kiezen samen welke plannen worden uitgevoerd.",
    fixed: "Het budget dat de raad beschikbaar stelt. Plannen moeten passen binnen de wet en het beleid.",
    open: "Welke plannen er komen en welke plannen worden uitgevoerd.",
    decidedBy: "council",
    decisionKind: "burgerbegroting",
    phases: [
      {
        stage: "set-up",
        title: "Spelregels en budget",
        offsetDays: 0,
        days: 30,
        level: "informeren",
        participants: ["inwoners"],
        moments: [],
      },
      {
        stage: "ideas",
        title: "Plannen indienen",
        offsetDays: 30,
        days: 42,
        level: "coproduceren",
        participants: ["inwoners", "verenigingen", "ondernemers"],
        moments: [
          {
            title: "Plannen indienen",
            subject: "Welke plannen meedoen",
            method: "online",
            methodDetail: "Dien uw plan in op de website.",
            feedbackHow,
          },
        ],
      },
      {
        stage: "design",
        title: "Plannen uitwerken en toetsen",
        offsetDays: 72,
        days: 28,
        level: "adviseren",
        participants: ["indieners", "gemeente"],
        moments: [],
      },
      {
        stage: "decision",
        title: "Stemmen",
        offsetDays: 100,
        days: 21,
        level: "meebeslissen",
        participants: ["inwoners vanaf 16 jaar"],
        moments: [
          {
            title: "Stemmen op plannen",
            subject: "Welke plannen worden uitgevoerd",
            method: "pb-round",
            methodDetail: "De burgerbegroting van de gemeente.",
            feedbackHow,
          },
        ],
      },
      {
        stage: "realisation",
        title: "Uitvoering",
        offsetDays: 121,
        days: 180,
        level: "informeren",
        participants: ["inwoners"],
        moments: [],
      },
      {
        stage: "evaluation",
        title: "Terugblik",
        offsetDays: 301,
        days: 30,
        level: "raadplegen",
        participants: ["inwoners", "indieners"],
        moments: [],
      },
    ],
  },
  {
    id: "omgevingsvergunning",
    description: "Participatie bij een aanvraag voor een omgevingsvergunning onder de Omgevingswet.",
    fixed:
      "De regels van het omgevingsplan en de Omgevingswet. De aanvrager beslist over het plan; de gemeente over de vergunning.",
    open: "Hoe het plan rekening houdt met de omgeving: inrichting, hinder, groen en verkeer.",
    decidedBy: "executive",
    decisionKind: "omgevingsvergunning",
    phases: [
      {
        stage: "set-up",
        title: "Aankondiging",
        offsetDays: 0,
        days: 14,
        level: "informeren",
        participants: ["omwonenden"],
        moments: [],
      },
      {
        stage: "ideas",
        title: "Gesprek met de omgeving",
        offsetDays: 14,
        days: 28,
        level: "raadplegen",
        participants: ["omwonenden", "ondernemers", "belangengroepen"],
        moments: [
          {
            title: "Omgevingsgesprek",
            subject: "Zorgen en wensen over het plan",
            method: "meeting",
            methodDetail: "Een avond in de buurt, georganiseerd door de aanvrager.",
            feedbackHow: "In het participatieverslag bij de aanvraag.",
          },
        ],
      },
      {
        stage: "decision",
        title: "Aanvraag en besluit",
        offsetDays: 42,
        days: 56,
        level: "informeren",
        participants: ["omwonenden"],
        moments: [],
      },
    ],
  },
  {
    id: "dorpsvisie",
    description: "Inwoners maken samen een visie op de toekomst van hun dorp.",
    fixed: "Wettelijke regels en besluiten die de raad al heeft genomen.",
    open: "Wat het dorp belangrijk vindt en wat er de komende jaren moet gebeuren.",
    decidedBy: "council",
    decisionKind: "dorpsvisie",
    phases: [
      {
        stage: "set-up",
        title: "Start en spelregels",
        offsetDays: 0,
        days: 30,
        level: "informeren",
        participants: ["inwoners", "dorpsraad"],
        moments: [],
      },
      {
        stage: "ideas",
        title: "Ideeën ophalen",
        offsetDays: 30,
        days: 60,
        level: "raadplegen",
        participants: ["inwoners", "jongeren", "ondernemers", "verenigingen"],
        moments: [
          {
            title: "Dorpsavond",
            subject: "Wat u belangrijk vindt voor het dorp",
            method: "meeting",
            methodDetail: "In het dorpshuis.",
            feedbackHow,
          },
          {
            title: "Enquête",
            subject: "Wat u belangrijk vindt voor het dorp",
            method: "survey",
            methodDetail: "Online en op papier in het dorpshuis.",
            feedbackHow,
          },
        ],
      },
      {
        stage: "design",
        title: "Visie schrijven",
        offsetDays: 90,
        days: 60,
        level: "coproduceren",
        participants: ["dorpsraad", "werkgroep inwoners"],
        moments: [
          {
            title: "Werkgroep schrijft mee",
            subject: "De tekst van de visie",
            method: "meeting",
            methodDetail: "Vier avonden met de werkgroep.",
            feedbackHow,
          },
        ],
      },
      {
        stage: "decision",
        title: "Besluit van de raad",
        offsetDays: 150,
        days: 45,
        level: "adviseren",
        participants: ["dorpsraad"],
        moments: [
          {
            title: "Advies van de dorpsraad",
            subject: "De visie zoals die naar de raad gaat",
            method: "council-advice",
            methodDetail: "Adviesaanvraag aan de dorpsraad.",
            feedbackHow: "In het raadsvoorstel staat per punt wat met het advies is gedaan.",
          },
        ],
      },
      {
        stage: "realisation",
        title: "Aan de slag",
        offsetDays: 195,
        days: 365,
        level: "coproduceren",
        participants: ["inwoners", "dorpsraad"],
        moments: [],
      },
      {
        stage: "evaluation",
        title: "Evaluatie",
        offsetDays: 560,
        days: 30,
        level: "raadplegen",
        participants: ["inwoners"],
        moments: [],
      },
    ],
  },
  {
    id: "herindeling",
    description: "Inwoners praten mee over een mogelijke samenvoeging van gemeenten (herindeling).",
    fixed: "De Wet algemene regels herindeling (Wet arhi). Het laatste besluit neemt de wetgever.",
    open: "De naam, de dienstverlening dicht bij huis en de rol van dorpen en wijken.",
    decidedBy: "council",
    decisionKind: "herindeling",
    phases: [
      {
        stage: "set-up",
        title: "Verkenning",
        offsetDays: 0,
        days: 60,
        level: "informeren",
        participants: ["inwoners"],
        moments: [],
      },
      {
        stage: "ideas",
        title: "Inwonersonderzoek",
        offsetDays: 60,
        days: 60,
        level: "raadplegen",
        participants: ["inwoners", "ondernemers", "dorps- en wijkraden"],
        moments: [
          {
            title: "Inwonerspeiling",
            subject: "Wat u belangrijk vindt in een nieuwe gemeente",
            method: "survey",
            methodDetail: "Online en op papier.",
            feedbackHow,
          },
        ],
      },
      {
        stage: "decision",
        title: "Herindelingsontwerp en zienswijzen",
        offsetDays: 120,
        days: 56,
        level: "adviseren",
        participants: ["inwoners", "organisaties"],
        moments: [
          {
            title: "Zienswijze indienen",
            subject: "Het herindelingsontwerp",
            method: "online",
            methodDetail: "Schriftelijk of online.",
            feedbackHow: "In de nota van beantwoording, per zienswijze.",
          },
        ],
      },
    ],
  },
];

export const findTemplate = (id: string) => processTemplates.find((t) => t.id === id);
