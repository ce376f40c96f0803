import { defineMessages } from "../define-messages.ts";

/** The accessibility statement and the privacy statement. */
export const legal = defineMessages({
  nl: {
    "accessibility.title": "Toegankelijkheidsverklaring",
    "accessibility.intro":
      "Iedereen moet Samenspel kunnen gebruiken: met een muis of alleen met het toetsenbord, met een schermlezer of vergroting, op een telefoon of een groot scherm.",
    "accessibility.target.title": "Ons doel: WCAG 2.2 niveau AA",
    "accessibility.target.body":
      "Samenspel wil voldoen aan de Web Content Accessibility Guidelines (WCAG) 2.2 op niveau A en AA, de norm die in Nederland voor overheidswebsites geldt (EN 301 549). We bouwen met de componenten en huisstijlen van NL Design System, die op toegankelijkheid getest zijn.",
    "accessibility.testing.title": "Hoe we testen",
    "accessibility.testing.axe":
      "Elke pagina die onze automatische browsertests bezoeken, wordt gecontroleerd met axe op alle WCAG 2.2 A- en AA-regels. Een fout laat de test mislukken, zodat een wijziging met een toegankelijkheidsfout niet online komt.",
    "accessibility.testing.noJs": "Formulieren testen we met en zonder JavaScript. Alles werkt ook zonder JavaScript.",
    "accessibility.testing.keyboard":
      "We controleren met de hand dat alles met het toetsenbord bereikbaar is, dat de focus altijd zichtbaar is, dat pagina's bij 400% vergroting leesbaar blijven zonder horizontaal te scrollen en dat kleuren genoeg contrast hebben.",
    "accessibility.limitations.title": "Wat nog niet goed is",
    "accessibility.limitations.dutch":
      "De teksten van het programma (ontwikkeltrajecten, bijeenkomsten, workshops) zijn alleen in het Nederlands beschikbaar. In de Engelse versie van de site zijn ze als Nederlandse tekst gemarkeerd, zodat een schermlezer ze goed uitspreekt.",
    "accessibility.limitations.audit":
      "Samenspel is nog niet door een onafhankelijke partij onderzocht. Automatische tests vinden niet elk probleem. Zodra een onderzoek is gedaan, publiceren we de uitkomst hier.",
    "accessibility.contact.title": "Iets werkt niet? Laat het ons weten",
    "accessibility.contact.body":
      "Loopt u tegen een probleem aan, of heeft u informatie in een andere vorm nodig? Mail naar toegankelijkheid@samenspel.example.org. U krijgt binnen vijf werkdagen antwoord.",
    "privacy.title": "Privacyverklaring",
    "privacy.intro":
      "Samenspel verwerkt zo min mogelijk persoonsgegevens: alleen wat nodig is om u te laten inloggen en mee te laten doen.",
    "privacy.what.title": "Welke gegevens we verwerken",
    "privacy.what.email": "Uw e-mailadres, om u een inloglink en berichten over uw aanmeldingen te sturen.",
    "privacy.what.name": "Uw naam, zodat begeleiders en medewerkers weten met wie ze te maken hebben.",
    "privacy.what.roles":
      "Uw rollen, bijvoorbeeld medewerker of raadslid van een gemeente, zodat u alleen ziet en doet wat bij uw rol hoort.",
    "privacy.what.sessions":
      "Uw sessies: een cookie met een willekeurige code houdt u ingelogd. We bewaren wanneer de sessie begon en met welke browser, zodat u andere sessies kunt beëindigen.",
    "privacy.what.audit":
      "Een logboek van belangrijke handelingen, zoals wie een besluit nam of een rol kreeg, zodat achteraf te controleren is wat er gebeurde.",
    "privacy.what.language":
      "Kiest u een taal, dan onthoudt een cookie die keuze. Deze cookie bevat niets anders en is nodig voor de werking van de site.",
    "privacy.why.title": "Waarom",
    "privacy.why.body":
      "Gemeenten en het programma Democratie in Actie gebruiken deze gegevens voor hun publieke taak: inwoners, raadsleden en medewerkers laten meedoen aan lokale democratie. We delen ze niet met anderen en gebruiken geen advertentie- of volgcookies.",
    "privacy.retention.title": "Hoe lang we gegevens bewaren",
    "privacy.retention.body":
      "Een sessie verloopt vanzelf na een vaste tijd, of eerder als u uitlogt; verlopen sessies worden verwijderd. Uw account bewaren we tot u het verwijdert. Het logboek bewaren we zeven jaar, zoals voor besluiten van de overheid gebruikelijk is; daarin staat alleen wie iets deed, niet meer.",
    "privacy.rights.title": "Uw rechten",
    "privacy.rights.body":
      "U mag uw gegevens inzien, laten verbeteren en laten verwijderen. Op Mijn account (/account) ziet u uw gegevens en rollen en kunt u uw account zelf verwijderen. Voor andere vragen, of een klacht, mailt u naar privacy@samenspel.example.org. U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.",
    "privacy.account": "Naar Mijn account",
  },
  en: {
    "accessibility.title": "Accessibility statement",
    "accessibility.intro":
      "Everyone should be able to use Samenspel: with a mouse or with the keyboard alone, with a screen reader or magnification, on a phone or on a large screen.",
    "accessibility.target.title": "Our goal: WCAG 2.2 level AA",
    "accessibility.target.body":
      "Samenspel aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at levels A and AA, the standard for government websites in the Netherlands (EN 301 549). We build with the components and themes of NL Design System, which are tested for accessibility.",
    "accessibility.testing.title": "How we test",
    "accessibility.testing.axe":
      "Every page our automated browser tests visit is checked with axe against all WCAG 2.2 A and AA rules. A violation fails the test, so a change with an accessibility error does not go live.",
    "accessibility.testing.noJs":
      "We test forms with and without JavaScript. Everything also works without JavaScript.",
    "accessibility.testing.keyboard":
      "We check by hand that everything can be reached with the keyboard, that the focus is always visible, that pages stay readable at 400% zoom without scrolling sideways and that colours have enough contrast.",
    "accessibility.limitations.title": "What is not right yet",
    "accessibility.limitations.dutch":
      "The programme's texts (development trajectories, meetings, workshops) are available in Dutch only. In the English version of the site they are marked as Dutch, so that a screen reader pronounces them correctly.",
    "accessibility.limitations.audit":
      "Samenspel has not yet been audited by an independent party. Automated tests do not find every problem. Once an audit has been done, we will publish its outcome here.",
    "accessibility.contact.title": "Something does not work? Let us know",
    "accessibility.contact.body":
      "If you run into a problem, or need information in another form, e-mail toegankelijkheid@samenspel.example.org. You will get an answer within five working days.",
    "privacy.title": "Privacy statement",
    "privacy.intro":
      "Samenspel processes as little personal data as it can: only what is needed to let you sign in and take part.",
    "privacy.what.title": "What data we process",
    "privacy.what.email": "Your e-mail address, to send you a sign-in link and messages about your registrations.",
    "privacy.what.name": "Your name, so that supervisors and staff know who they are dealing with.",
    "privacy.what.roles":
      "Your roles, for example staff member or councillor of a municipality, so that you only see and do what belongs to your role.",
    "privacy.what.sessions":
      "Your sessions: a cookie with a random code keeps you signed in. We keep when the session started and with which browser, so that you can end other sessions.",
    "privacy.what.audit":
      "A log of important actions, such as who took a decision or was given a role, so that what happened can be checked afterwards.",
    "privacy.what.language":
      "If you choose a language, a cookie remembers that choice. It holds nothing else and is needed for the site to work.",
    "privacy.why.title": "Why",
    "privacy.why.body":
      "Municipalities and the Democratie in Actie programme use this data for their public task: letting residents, councillors and staff take part in local democracy. We do not share it with others and use no advertising or tracking cookies.",
    "privacy.retention.title": "How long we keep data",
    "privacy.retention.body":
      "A session expires by itself after a fixed time, or earlier when you sign out; expired sessions are deleted. We keep your account until you delete it. The log is kept for seven years, as is usual for government decisions; it only records who did something, nothing more.",
    "privacy.rights.title": "Your rights",
    "privacy.rights.body":
      "You may see your data, have it corrected and have it deleted. On My account (/account) you see your data and roles and can delete your account yourself. For other questions, or a complaint, e-mail privacy@samenspel.example.org. You can also complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
    "privacy.account": "Go to My account",
  },
});
