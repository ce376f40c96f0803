import type { CreateTrajectoryOptions, TargetGroup } from "../domain/programme/index.ts";

/**
 * The programme's real offer, transcribed from the source documents in `shared/seeds/` (000–004). Text is kept as
 * written; only the structure (lists, dates, supervisors with their organisation) is made explicit.
 */

type TrajectorySeed = Omit<CreateTrajectoryOptions, "tenantId"> & {
  supervisors: readonly { name: string; organisation: string }[];
};

/** Everyone the 14 February 2019 start session invites (document 001). */
const START_SESSION_AUDIENCE: readonly TargetGroup[] = [
  "civil-servants",
  "clerks",
  "town-secretaries",
  "mayors",
  "aldermen",
  "councillors",
];

const START_SESSION_ASK = [
  "Een concreet project of plan in de eigen gemeente en openheid voor een gezamenlijke aanpak.",
  "Input voorafgaand aan de opstartsessie van 14 februari 2019.",
];

const COST_SHARING =
  "De kosten voor het gezamenlijk leren, dat deel uitmaakt van elk Ontwikkeltraject, worden gedragen door het Democratie in Actie programma. Daarnaast ontvangt elke gemeente individuele ondersteuning in de vorm van 'lokaal maatwerk'. Het Democratie in Actie programma draagt maximaal 50% van de kosten voor het lokaal maatwerk bij (maar in ieder geval niet meer dan 5000 euro.) De overige kosten worden gedragen door de gemeente.";

const START_SESSION_OFFER = [
  "Gezamenlijk leren met andere gemeenten; de kosten daarvan draagt het Democratie in Actie programma.",
  "Individuele ondersteuning in de vorm van 'lokaal maatwerk': het programma draagt maximaal 50% van de kosten bij, en niet meer dan 5000 euro.",
];

/**
 * The four trajectories document 001 introduces together share their start (the 14 February start session), their
 * audience, what the programme offers and asks, the cost sharing and the service desk as contact.
 */
function startSessionTrajectory(
  seed: Pick<TrajectorySeed, "slug" | "title" | "theme" | "summary" | "supervisors" | "moreText"> & {
    text: string;
    extraOffer?: string;
  },
): TrajectorySeed {
  const { text, extraOffer, ...rest } = seed;
  return {
    ...rest,
    description: [text, COST_SHARING].join("\n\n"),
    weOffer: extraOffer ? [...START_SESSION_OFFER, extraOffer] : START_SESSION_OFFER,
    weAsk: START_SESSION_ASK,
    targetGroups: START_SESSION_AUDIENCE,
    startsOn: "2019-02-14",
    contactName: "Democratie in Actie",
    contactEmail: "diaservicepunt@vng.nl",
  };
}

export const trajectorySeeds: readonly TrajectorySeed[] = [
  startSessionTrajectory({
    slug: "faciliteren-van-lokaal-maatschappelijk-initiatief",
    moreText: [
      "## Waar gaat het om?",
      "Steeds meer inwoners nemen zelf het initiatief: een buurtmoestuin, een dorpshuis dat bewoners zelf runnen, een zorgcoöperatie. Gemeenten willen die initiatieven ruimte geven, maar merken dat een loket of een fonds alleen niet genoeg is. Het vraagt een andere houding van raad, college en ambtenaren: meebewegen in plaats van voorschrijven.",
      "## Hoe werkt het traject?",
      "Elke deelnemende gemeente brengt een eigen vraagstuk in, bijvoorbeeld de inrichting van een initiatievenloket of de rol van een contactfunctionaris. Samen met de begeleiders van de Erasmus Universiteit Rotterdam en de VNG werkt u aan dat vraagstuk in uw eigen gemeente (lokaal maatwerk). In gezamenlijke bijeenkomsten leren de gemeenten van elkaars aanpak.",
      "- Een opstartsessie op 14 februari 2019, waar u uw vraagstuk scherp maakt;\n- lokaal maatwerk in uw eigen gemeente, met een vaste begeleider;\n- uitwisselingsbijeenkomsten met de andere gemeenten in de leergroep;\n- een slotbijeenkomst waarin de geleerde lessen worden gebundeld.",
      "## Voor wie?",
      "Voor gemeenten die al een vorm in gedachten hebben en die nu **in de praktijk** willen laten werken. Meld u aan via deze website; heeft u eerst vragen, mail dan het [Democratie in Actie-servicepunt](mailto:diaservicepunt@vng.nl).",
    ].join("\n\n"),
    title: "Faciliteren van lokaal maatschappelijk initiatief",
    theme: "Maatschappelijk initiatief",
    summary:
      "Uw gemeente wil actief aan de slag met het ondersteunen van bewonersinitiatieven en heeft ook al een vorm daarvoor in gedachten.",
    text: "Uw gemeente wil actief aan de slag met het ondersteunen van bewonersinitiatieven en heeft ook al een vorm daarvoor in gedachten (zoals een initiatievenloket, leefbaarheids-/initiatievenfonds, beleidsnota, contactfunctionaris/accountmanager). Dat vaststellen en opschrijven is één ding, maar het goed neerzetten van een andere manier van denken en doen is vaak nog een hele uitdaging. Want hoe doe je dat nu, het goed ondersteunen van initiatieven uit de samenleving? Welke stappen kun je zetten? Democratie in Actie ondersteunt en begeleidt gemeenten met hun eigen vraagstukken op dit gebied.",
    supervisors: [
      { name: "Arwin van Buuren", organisation: "Erasmus Universiteit Rotterdam" },
      { name: "Jitske van Popering-Verkerk", organisation: "Erasmus Universiteit Rotterdam" },
      { name: "Mathilde van de Ven", organisation: "VNG" },
    ],
  }),
  startSessionTrajectory({
    slug: "spelregels-voor-democratische-processen",
    moreText: [
      "## Waar gaat het om?",
      "Inwoners, raad en college hebben ieder een eigen rol in een democratisch proces. Als niet vooraf duidelijk is wie waarover beslist en wanneer inwoners invloed hebben, lopen verwachtingen uiteen en haakt men teleurgesteld af. Goede spelregels voorkomen dat.",
      "## Hoe werkt het traject?",
      "In dit ontwikkeltraject werken gemeenten aan een concreet proces dat binnenkort start, zoals een gebiedsvisie, een omgevingsvisie of de herinrichting van een plein. Met de begeleiders brengt u het speelveld in kaart, legt u de rollen en de beïnvloedingsmomenten vast en spreekt u af hoe de raad zijn kaderstellende rol invult.",
      "- Een opstartsessie op 14 februari 2019;\n- begeleiding bij het opstellen van spelregels voor uw eigen proces;\n- uitwisseling met andere gemeenten over wat werkt en wat niet;\n- een slotbijeenkomst waarin de lessen worden gedeeld.",
      "## Voor wie?",
      "Voor gemeenten die een democratisch proces gaan starten en **vooraf** heldere afspraken willen maken met inwoners, raad en college. Vragen? Mail het [Democratie in Actie-servicepunt](mailto:diaservicepunt@vng.nl).",
    ].join("\n\n"),
    title: "Spelregels voor democratische processen",
    theme: "Spelregels",
    summary:
      "Hoe organiseer je een goed democratisch proces met onder andere zicht op het gehele speelveld, duidelijke spelregels en duidelijkheid over rollen en beïnvloedingsmomenten?",
    text: "Hoe organiseer je een goed democratisch proces met onder andere zicht op het gehele speelveld, duidelijke spelregels en duidelijkheid over rollen en beïnvloedingsmomenten? Dit is de vraag die centraal staat bij het ontwikkeltraject spelregels voor democratische processen.",
    supervisors: [
      { name: "Manon Veroude", organisation: "gemeente Middelburg" },
      { name: "Jornt van Zuylen", organisation: "VNG" },
    ],
  }),
  startSessionTrajectory({
    slug: "democratisch-begroten",
    moreText: [
      "## Waar gaat het om?",
      "Met een deel van het budget in handen van inwoners ontstaat een ander gesprek over de buurt of het dorp. Dat kan klein beginnen, met een initiatievenpotje, en uitgroeien tot een burgerbegroting waarin inwoners zelf voorstellen doen en erover stemmen.",
      "## Hoe werkt het traject?",
      "Gemeenten die hiermee willen beginnen of die vastlopen, werken met begeleiding van Rode Wouw aan hun eigen vorm van democratisch begroten. Aan bod komen onder meer:",
      "- welk budget u vrijmaakt en welke regels daarvoor gelden;\n- hoe inwoners voorstellen indienen, en wie ze toetst;\n- hoe de stemming verloopt en hoe de raad het resultaat overneemt;\n- hoe u verantwoordt wat er met het geld is gedaan.",
      "In de gezamenlijke bijeenkomsten delen de gemeenten hun ervaringen en hun valkuilen.",
      "## Voor wie?",
      "Voor gemeenten die participatie van inwoners willen stimuleren door **budget vrij te maken**. Vragen? Mail het [Democratie in Actie-servicepunt](mailto:diaservicepunt@vng.nl).",
    ].join("\n\n"),
    title: "Democratisch begroten: van initiatievenpotje tot burgerbegroting",
    theme: "Democratisch begroten",
    summary:
      "Dit ontwikkeltraject is gericht op gemeenten die participatie van burgers willen stimuleren door middel van het vrijmaken van budget.",
    text: "Dit ontwikkeltraject is gericht op gemeenten die participatie van burgers willen stimuleren door middel van het vrijmaken van budget. Gemeenten die hiermee worstelen of hieraan willen beginnen kunnen dan ook deelnemen aan dit Democratie in Actie-ontwikkeltraject.",
    supervisors: [{ name: "Joop Hofman", organisation: "Rode Wouw BV" }],
  }),
  startSessionTrajectory({
    slug: "veranderprocessen-in-de-lokale-democratie",
    moreText: [
      "## Waar gaat het om?",
      "De verhouding tussen gemeente en inwoners verandert: inwoners willen meedenken en meedoen, en verwachten een gemeente die daarop is ingericht. Dat vraagt meer dan een nieuw beleidsstuk. Het raakt de manier waarop de organisatie werkt, besluit en samenwerkt.",
      "## Hoe werkt het traject?",
      "Met de adviseurs van Pentascope en de VNG onderzoekt u hoe uw gemeente interne processen kan vormgeven om met deze veranderingen om te gaan. U krijgt advies op maat, en u wisselt kennis uit met andere gemeenten in de regio.",
      "- Een opstartsessie op 14 februari 2019;\n- advies van experts bij uw eigen veranderopgave;\n- regionale uitwisseling met andere gemeenten;\n- een slotbijeenkomst waarin de lessen worden gebundeld.",
      "## Voor wie?",
      "Voor gemeenten die hun organisatie willen laten **meebewegen** met een samenleving die zelf aan de slag gaat. Vragen? Mail het [Democratie in Actie-servicepunt](mailto:diaservicepunt@vng.nl).",
    ].join("\n\n"),
    title: "Veranderprocessen in de lokale democratie",
    theme: "Organisatieontwikkeling",
    summary:
      "Het ontwikkeltraject organisatieontwikkeling gaat over de veranderende verhouding tussen de gemeente en haar inwoners.",
    text: "Het ontwikkeltraject organisatieontwikkeling gaat over de veranderende verhouding tussen de gemeente en haar inwoners. Hoe kan uw gemeente interne processen vormgeven om met deze veranderingen om te gaan? Naast advies van experts op dit thema, biedt Democratie in Actie de gemeenten ook de kans om kennis uit te wisselen met andere gemeenten in de regio.",
    extraOffer: "Advies van experts en kennisuitwisseling met andere gemeenten in de regio.",
    supervisors: [
      { name: "Sonja Bollen", organisation: "Pentascope" },
      { name: "Engbert Breuker", organisation: "Pentascope" },
      { name: "Jornt van Zuylen", organisation: "VNG" },
    ],
  }),
  {
    slug: "kernendemocratie",
    moreText: [
      "## Waar gaat het om?",
      "Na een herindeling of fusie bestaat een gemeente vaak uit tientallen kernen, elk met een eigen karakter. Hoe geef je die kernen invloed en zeggenschap, zonder dat het ene dorp meer te zeggen krijgt dan het andere?",
      "## Hoe werkt het traject?",
      "Met minimaal tien gemeenten onderzoeken we welke stappen zij kunnen zetten. Elke gemeente brengt een eigen project in; samen kijken we naar de rode draden.",
      "- **Lokaal maatwerk**: een ervaren begeleider van Common Eye of Essen Sociale Strategie werkt met u aan uw eigen project;\n- **drie regionale uitwisselingsbijeenkomsten**, waarvan de data in overleg met de deelnemende gemeenten worden vastgesteld;\n- **werkbezoeken** aan gemeenten met veel ervaring met dorps- en wijkraden, gebiedscommissies of kernbeheer;\n- **een slotbijeenkomst**, waar de geleerde lessen worden gebundeld.",
      "Met elke gemeente werken we aan ten minste één concrete actie in de eigen omgeving.",
      "## Aanmelden",
      "Na uw aanmelding volgt een lokale intake. Daarna wordt de leergroep samengesteld. Vragen? Mail [Emma Klever](mailto:Emma.Klever@VNG.nl).",
    ].join("\n\n"),
    title: "Kernendemocratie",
    theme: "Kernendemocratie",
    summary: "Invloed en zeggenschap van/in dorpen, buurten en wijken.",
    description: [
      "Veel gemeenten (gaan) werken meteen dorps-, wijk- of buurtraad, een vorm van wijk- of dorpsbudget of kernenbeleid. Sommige gefuseerde gemeenten bestaan tegenwoordig uit meer dan 50 kernen. Uit een analyse van de nieuwe collegeakkoorden blijkt dit een groot aandachtspunt bij veel gemeenten.",
      "In dit ontwikkeltraject gaan we met minimaal 10 gemeenten onderzoeken welke stappen zij kunnen zetten om te werken aan hun kernen-, dorps- of -wijkdemocratie, met aandacht voor de verschillende vormen van invloed en zeggenschap die de kernen kunnen krijgen. Denk aan dorps- en wijkraden, gebiedscommissies, burgerbegrotingen, kernbeheer en allerlei vormen van burger- en overheidsparticipatie. Hoe kan je als gemeente slim van elkaar leren? Elke deelnemende gemeente brengt een eigen project in. Gezamenlijk kijken we naar de rode draden. We worden daarbij geïnspireerd door de ervaringen van andere gemeenten met veel ervaring op dit terrein, o.a. middels werkbezoeken. Met elke deelnemende gemeente werken we in ieder geval aan één concrete actie in de eigen omgeving. De geleerde lessen uit het ontwikkeltraject bundelen we zodat deze ook na afloop gebruikt kunnen worden en als inspiratie kunnen dienen voor andere gemeenten.",
      "Wij zoeken gemeenten die de komende periode aan de slag gaan met een vorm van kernen-, dorps- of wijkdemocratie; bijvoorbeeld gemeenten die te maken hebben met een herindeling of fusie.",
      "Is jouw gemeente geïnteresseerd? Meld je dan aan voor een intakegesprek. Na een lokale intake worden de vraagstukken verzameld en wordt de leergroep samengesteld.",
      "De doorlooptijd van het ontwikkeltraject is in principe 1 jaar, met de startbijeenkomst begin 2019. Het ontwikkeltraject bestaat uit lokaal maatwerk, rond 3 (regionale) uitwisselingsbijeenkomsten, en een slotbijeenkomst. Deze zijn in overleg met de deelnemende gemeenten vast te stellen.",
    ].join("\n\n"),
    weOffer: [
      "Advies op maat in het eigen traject door een ervaren begeleider;",
      "Een netwerk om kennis en ervaring mee uit te wisselen rondom concrete vraagstukken.",
    ],
    weAsk: [
      "Commitment binnen de gemeente (college, raad en ambtenaren) voor deelname aan het ontwikkeltraject;",
      "Lokale input in de vorm van een concreet project of projectplan;",
      "Een enthousiaste bijdrage aan de verschillende onderdelen van het traject.",
    ],
    targetGroups: START_SESSION_AUDIENCE,
    // "met de startbijeenkomst begin 2019": its start is the Kernendemocratie track of the 14 February start session.
    startsOn: "2019-02-14",
    durationMonths: 12,
    minMunicipalities: 10,
    contactName: "Emma Klever",
    contactEmail: "Emma.Klever@VNG.nl",
    contactPhone: "06-45478963",
    supervisors: [
      { name: "Freek van Berkel", organisation: "Common Eye" },
      { name: "Ben van Essen", organisation: "Essen Sociale Strategie" },
    ],
  },
  {
    slug: "anders-werken-aan-stad-dorp-en-land-2",
    moreText: [
      "## Waar gaat het om?",
      "Gemeenten, bewoners, ondernemers en culturele organisaties werken samen aan de toekomst van hun stad, dorp of landschap. Stadmakers en ontwerpers helpen daarbij: met concrete interventies in de praktijk maken zij zichtbaar wat er kan, en mobiliseren ze de energie van de lokale gemeenschap.",
      "## Hoe werkt het traject?",
      "Het ontwikkeltraject loopt van september 2019 tot en met januari 2020 en biedt ruimte aan 15 gemeenten.",
      "- **Kick-off** op vrijdag 11 oktober 2019: de deelnemers verkennen hun leeropgaven en stellen hun leeragenda op;\n- **netwerkbijeenkomsten** waarin gemeenten en stadmakers kennis en ervaring uitwisselen;\n- **leerateliers** rond de gezamenlijke vragen uit de leeragenda's;\n- **creatieve interventies op locatie**, in de gemeenten zelf.",
      "Op basis van de leeragenda's krijgt het traject zijn definitieve vorm.",
      "## Ontwerpers",
      "Bent u ontwerper of stadmaker en wilt u meedoen? Dan werkt u samen met een deelnemende gemeente en haar partners aan een interventie op locatie. Meld u, net als de gemeenten, uiterlijk 9 september aan.",
      "## Ervaringen",
      "De gemeenten Bergen op Zoom en Rotterdam deden mee aan de eerste editie. Hun ervaringen staan in de artikelen ‘Samen werken aan de leefomgeving’ en ‘Bouwen aan een duurzame samenwerking’.",
    ].join("\n\n"),
    title: "Anders werken aan stad, dorp en land #2",
    theme: "Stad, dorp en land",
    summary:
      "Met een rijk programma van netwerkbijeenkomsten, gezamenlijke leerateliers en creatieve interventies op locatie richt het ontwikkeltraject zich niet alleen op kennisoverdracht, maar met name op het doen en ervaren.",
    description: [
      "Het ontwikkeltraject Anders werken aan stad, dorp en land sluit aan bij het programma Democratie in Actie, een uitvoeringsprogramma van VNG, het ministerie van BZK en de beroeps- en belangenverenigingen van raadsleden, burgemeesters, wethouders, gemeentesecretarissen en griffiers.",
      "Het ontwikkeltraject Anders werken aan stad, dorp en land biedt ruimte aan in totaal 15 gemeenten. De looptijd van het traject is van september 2019 t/m januari 2020. Met een rijk programma van netwerkbijeenkomsten, gezamenlijke leerateliers en creatieve interventies op locatie richt het ontwikkeltraject zich niet alleen op kennisoverdracht, maar met name op het doen en ervaren. De start van het ontwikkeltraject vindt plaats met een kick-off bijeenkomst op vrijdag 11 oktober. Tijdens deze bijeenkomst verkennen de deelnemers hun individuele leeropgaven en stellen zij hun leeragenda op. Op basis van deze leeragenda zal het ontwikkeltraject definitief vorm krijgen, waarbij niet alleen het leerproces van gemeenten en lokale partners binnen de lokale context gefaciliteerd wordt, maar ook de onderlinge uitwisseling van kennis en ervaring tussen alle gemeenten en stadmakers.",
      "Stadmakers en ontwerpers zijn als geen ander in staat met concrete interventies in de praktijk de energie en kracht van de lokale gemeenschap te mobiliseren. Laat je inspireren en meld je uiterlijk 9 september aan om samen met betrokken bewoners, ondernemers en maatschappelijke of culturele organisaties uit jouw eigen gemeente te werken aan de toekomst van stad, dorp of land.",
    ].join("\n\n"),
    weOffer: ["Netwerkbijeenkomsten", "Gezamenlijke leerateliers", "Creatieve interventies op locatie"],
    weAsk: [
      "Samenwerking met betrokken bewoners, ondernemers en maatschappelijke of culturele organisaties uit de eigen gemeente.",
    ],
    targetGroups: ["civil-servants", "residents", "designers"],
    startsOn: "2019-09-01",
    endsOn: "2020-01-31",
    maxMunicipalities: 15,
    applicationDeadlineOn: "2019-09-09",
    // "Stadmakers en ontwerpers … meld je uiterlijk 9 september aan": designers sign up too, by the same date.
    takesDesignerSignUps: true,
    supervisors: [],
  },
];

export const START_SESSION_SLUG = "opstartsessie-ontwikkeltrajecten-2019";
/** Seats per parallel track of the start session; the source says only "beperkte plaatsen". */
export const START_SESSION_TRACK_CAPACITY = 25;

export const startSession = {
  slug: START_SESSION_SLUG,
  title: "Opstartsessie Ontwikkeltrajecten Democratie in Actie",
  description: [
    "Speciaal voor geïnteresseerde gemeenten organiseert Democratie in Actie op 14 februari 2019 een opstartsessie waarin dieper wordt ingegaan op ontwikkeltrajecten. Na deze middag bent u voorbereid voor de start van het ontwikkeltraject waar u aan mee wilt doen! Ambtenaren, griffiers, gemeentesecretarissen, burgemeesters, wethouders en raadsleden worden uitgenodigd om actief deel te nemen aan de workshop.",
    "Deze sessie is alleen bedoeld en geschikt voor gemeenten die een concreet project of plan in gedachten hebben en openstaan voor een gezamenlijke aanpak. Voorafgaand aan de bijeenkomst vragen wij uw input. Op 14 februari zullen we dieper ingaan op het onderwerp en de input van de deelnemende gemeenten, en zetten we een eerste stap naar het formuleren van een gezamenlijke agenda.",
    "Let op: er zijn slechts beperkte plaatsen beschikbaar voor de opstartsessies. Democratie in Actie neemt daarom na aanmelding contact met u op voor definitieve aanmelding en het exacte programma.",
  ].join("\n\n"),
  on: "2019-02-14",
  from: "09:30",
  until: "16:00",
  /** In the order of the announcement; a track names the trajectory it starts. */
  programme: [
    { kind: "walk-in", from: "09:30", until: "10:00", title: "Inloop" },
    {
      kind: "track",
      from: "10:00",
      until: "12:30",
      title: "Opstartsessie Faciliteren van lokaal maatschappelijk initiatief",
      trajectory: "faciliteren-van-lokaal-maatschappelijk-initiatief",
    },
    {
      kind: "track",
      from: "10:00",
      until: "12:30",
      title: "Opstartsessie Spelregels voor democratische processen",
      trajectory: "spelregels-voor-democratische-processen",
    },
    {
      kind: "track",
      from: "10:00",
      until: "12:30",
      title: "Opstartsessie Kernendemocratie",
      trajectory: "kernendemocratie",
    },
    { kind: "walk-in", from: "13:00", until: "13:30", title: "Inloop" },
    {
      kind: "track",
      from: "13:30",
      until: "16:00",
      title: "Opstartsessie Democratisch begroten",
      trajectory: "democratisch-begroten",
    },
    {
      kind: "track",
      from: "13:30",
      until: "16:00",
      title: "Opstartsessie Veranderprocessen in de lokale democratie",
      trajectory: "veranderprocessen-in-de-lokale-democratie",
    },
  ],
} as const;

export const kickoff = {
  slug: "kick-off-anders-werken-aan-stad-dorp-en-land-2",
  title: "Kick-off Anders werken aan stad, dorp en land #2",
  description:
    "Tijdens deze bijeenkomst verkennen de deelnemers hun individuele leeropgaven en stellen zij hun leeragenda op.",
  on: "2019-10-11",
  dayAfter: "2019-10-12",
  trajectory: "anders-werken-aan-stad-dorp-en-land-2",
} as const;

const DESIGN_SESSION_TEXT = [
  "Op steeds meer terreinen moeten gemeenten samenwerken met inwoners, bedrijven en instellingen om ingewikkelde vraagstukken op te lossen, zoals de transitie naar gasloze wijken, veiligheid op straat, met werkgelegenheid en meer sociale cohesie in de wijk. Die samenwerking vraagt om een andere manier van werken. Een nieuw democratisch samenspel, met andere rollen en vaardigheden.",
  "Tijdens de ontwerpsessies praten we over de lokale maatschappelijke opgaven die spelen in uw gemeente en de democratische en bestuurlijke uitdagingen die daarbij horen.",
  "Deze uitnodiging is bedoeld voor raadsleden, lokale bestuurders, griffiers, gemeentesecretarissen, ambtenaren en betrokken bewoners. Aanmelden voor een ontwerpsessie? Dat doet u online, met het formulier ‘Aanmelden’ op de pagina van de sessie in uw regio. Vragen? Mail naar D-loket@VNG.nl.",
].join("\n\n");

/** Document 002 (18 May 2018): "Regio Plaats Datum Tijd Locatie", the location split into venue and address. */
/**
 * People register for the design session in their own city ("geef aan in welke stad u aansluit"): one track as long
 * as the session. The source names no number of places; 40 is the demo's choice.
 */
export const DESIGN_SESSION_PLACES = 40;

export const designSessions = [
  ["Midden-west", "Utrecht", "2018-06-14", "09:00", "12:00", "Stadskantoor Utrecht", "Stadsplateau 1"],
  ["Noord-west", "Haarlem", "2018-06-21", "09:30", "12:30", "Seinwezen", "Kinderhuissingel 1"],
  ["Midden-oost", "Arnhem", "2018-06-22", "14:00", "17:00", "Provincie Gelderland", "Markt 11"],
  ["Noord-oost", "Assen", "2018-06-28", "14:00", "17:00", "Theatercafé Podium Zuidhaege", "Zuidhaege 2"],
  ["Zuid-oost", "Venlo", "2018-06-29", "14:00", "17:00", "Stadhuis Venlo", "Markt 2"],
  ["Zuid-west", "Breda", "2018-07-03", "14:00", "17:00", "Podium Bloos", "Speelhuislaan 153"],
].map(([region, city, on, from, until, venue, address]) => ({
  slug: `ontwerpsessie-${city!.toLowerCase()}-2018`,
  title: `Regionale ontwerpsessie ${region} in ${city}`,
  description: DESIGN_SESSION_TEXT,
  region: region!,
  city: city!,
  on: on!,
  from: from!,
  until: until!,
  venue: venue!,
  address: address!,
}));

/** Document 004, a VNG Academie workshop. "1 Aantal dagen", given "in één dagdeel": one daypart. */
export const workshop = {
  slug: "van-burgerparticipatie-naar-overheidsparticipatie",
  title: "Workshop van Burgerparticipatie naar Overheidsparticipatie",
  format: "in-company",
  themes: ["Sociaal domein"],
  targetGroups: ["councillors"],
  maxParticipants: 20,
  dayparts: 1,
  investment: "on-request",
  summary:
    "Deze workshop biedt in één dagdeel zicht op de huidige ontwikkelingen rond de energieke samenleving en hoe u daar als ambtenaar op kunt inspelen.",
  description: [
    "Iedere gemeente wil graag veel en succesvolle maatschappelijke initiatieven. Initiatieven die bijdragen aan meer omzien naar elkaar, meer groen, meer ontmoeting, meer meedoen, meer duurzaamheid. Deze initiatieven komen van gemotiveerde actieve bewoners. Zij zijn in staat mensen te betrekken, die je als gemeente niet makkelijk bereikt. Als de initiatieven succesvol worden, brengen ze ook gemeentelijke doelen dichterbij. Initiatieven zijn uw partners. Wat is de waarde van maatschappelijk initiatief? Wat hebben initiatiefnemers nodig? Wat houdt initiatieven tegen? Wat zijn de belangrijkste consequenties van de groei van de burgerbeweging voor gemeenten? Deze workshop biedt antwoord op deze en vele andere vragen. Naast dit theoretische kader biedt de workshop praktische handvatten, bijvoorbeeld wat u minimaal moet regelen om maatschappelijk initiatief de ruimte te geven en hoe de gemeente maatschappelijk initiatief kan loswoelen en faciliteren. Samengevat biedt deze workshop in één dagdeel zicht op de huidige ontwikkelingen rond de energieke samenleving en hoe u daar als ambtenaar op kunt inspelen. Deze workshop laat aan de hand van heel veel voorbeelden zien wat er in het land gebeurt en hoe dat tot inspiratie kan zijn in de eigen gemeente.",
    "Om tijdens het programma een sterke koppeling tussen de theorie en praktijk te kunnen realiseren en waarborgen, werkt de VNG Academie met trainers die de gemeentelijke praktijk goed kennen en die zelf ook ervaring hebben als raadslid en/of wethouder. Zij beschikken - naast inhoudelijke kennis - over ruime didactische ervaring zodat aansluiting bij leerdoelen en leerwensen zijn gegarandeerd.",
    "De workshop wordt gegeven door experts met jarenlange ervaring in het begeleiden van maatschappelijk initiatief. Zij kennen de behoeften van initiatiefnemers van binnenuit. Daarnaast hebben zij een uitgebreide adviespraktijk voor ambtenaren en bestuurders van gemeenten door het hele land, over het stimuleren van maatschappelijk initiatief en een betere samenwerking tussen initiatief en gemeente. Workshopleider is zelf tevens raadslid.",
  ].join("\n\n"),
  questions: [
    "Hoe zorg je ervoor dat het voor iedereen gemakkelijk is om zelf ideeën te realiseren?",
    "Hoe nodig je mensen uit om in actie te komen rond specifieke thema’s?",
    "Hoe participeer je als gemeente in deze initiatieven?",
    "Hoe voorkom je dat die initiatieven gaan ‘hangen’ aan de gemeente?",
    "Hoe zorg je ervoor dat iedereen gelijke kansen krijgt?",
    "En dat de aandacht (in geld en middelen) goed wordt verdeeld?",
  ],
} as const;

/**
 * Demo lessons for the knowledge bundle. The sources contain no lessons learned yet, so these restate what the
 * trajectory pages themselves say and are marked as examples; the one municipal lesson is about a demo municipality.
 */
export const demoLessons = [
  {
    trajectory: "kernendemocratie",
    theme: "Kernendemocratie",
    title: "Voorbeeldles: elke kern vraagt een eigen vorm van invloed",
    body: "Sommige gefuseerde gemeenten bestaan uit meer dan 50 kernen. Er is niet één vorm die overal past: dorps- en wijkraden, gebiedscommissies, burgerbegrotingen en kernbeheer geven elk een andere mate van invloed en zeggenschap.\n\nDeze les is een voorbeeld in de demo-omgeving.",
  },
  {
    trajectory: "faciliteren-van-lokaal-maatschappelijk-initiatief",
    theme: "Maatschappelijk initiatief",
    title: "Voorbeeldles: een initiatievenloket is pas het begin",
    body: "Een loket, een initiatievenfonds of een beleidsnota vaststellen en opschrijven is één ding. Het goed neerzetten van een andere manier van denken en doen is vaak nog een hele uitdaging.\n\nDeze les is een voorbeeld in de demo-omgeving.",
  },
  {
    trajectory: "spelregels-voor-democratische-processen",
    municipality: "dijkstad",
    theme: "Spelregels",
    title: "Voorbeeldles: spelregels vooraf bekendmaken voorkomt teleurstelling",
    body: "In de demogemeente Dijkstad maakten raad en college bij de start van het proces bekend wie waarover beslist en op welke momenten inwoners invloed hebben. Inwoners wisten daardoor wat er met hun inbreng zou gebeuren.\n\nDeze les is verzonnen voor de demo-omgeving.",
  },
] as const;
