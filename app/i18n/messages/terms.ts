import { defineMessages } from "../define-messages.ts";

/** Terms: the municipality's own days off, which every term of every instrument skips. */
export const terms = defineMessages({
  nl: {
    "terms.daysOff.nav": "Vrije dagen",
    "terms.daysOff.added": "De vrije dag is toegevoegd.",
    "terms.daysOff.removed": "De vrije dag is verwijderd.",
    "terms.daysOff.title": "Vrije dagen voor termijnen – {tenant}",
    "terms.daysOff.lead":
      "Termijnen in werkdagen slaan weekends, feestdagen en deze dagen over. Een termijn die op zo'n dag eindigt, schuift door naar de volgende werkdag. Nieuwe dagen gelden voor termijnen die vanaf nu beginnen.",
    "terms.daysOff.caption": "Brugdagen van het Koninklijk Besluit en eigen vrije dagen",
    "terms.daysOff.col.date": "Datum",
    "terms.daysOff.col.reason": "Reden",
    "terms.daysOff.col.source": "Vastgesteld door",
    "terms.daysOff.decree": "Koninklijk Besluit (Algemene termijnenwet)",
    "terms.daysOff.decreeReason": "Brugdag",
    "terms.daysOff.municipality": "De gemeente",
    "terms.daysOff.add": "Vrije dag toevoegen",
    "terms.daysOff.date": "Datum",
    "terms.daysOff.reason": "Reden",
    "terms.daysOff.submit": "Toevoegen",
    "terms.daysOff.remove": "Verwijderen: {date}",
    "terms.error.alreadyDayOff":
      "Deze dag is al vrij: een weekend, een feestdag, een brugdag of al eerder toegevoegd. Er is niets veranderd.",
    "terms.error.dayOffNotFound": "Deze vrije dag bestaat niet (meer). Er is niets veranderd.",
    "audit.terms.day-off-added": "Vrije dag toegevoegd",
    "audit.terms.day-off-removed": "Vrije dag verwijderd",
  },
  en: {
    "terms.daysOff.nav": "Days off",
    "terms.daysOff.added": "The day off has been added.",
    "terms.daysOff.removed": "The day off has been removed.",
    "terms.daysOff.title": "Days off for terms – {tenant}",
    "terms.daysOff.lead":
      "Terms in working days skip weekends, public holidays and these days. A term that ends on such a day moves to the next working day. New days apply to terms that start from now on.",
    "terms.daysOff.caption": "Bridge days of the royal decree and the municipality's own days off",
    "terms.daysOff.col.date": "Date",
    "terms.daysOff.col.reason": "Reason",
    "terms.daysOff.col.source": "Set by",
    "terms.daysOff.decree": "Royal decree (Algemene termijnenwet)",
    "terms.daysOff.decreeReason": "Bridge day",
    "terms.daysOff.municipality": "The municipality",
    "terms.daysOff.add": "Add a day off",
    "terms.daysOff.date": "Date",
    "terms.daysOff.reason": "Reason",
    "terms.daysOff.submit": "Add",
    "terms.daysOff.remove": "Remove: {date}",
    "terms.error.alreadyDayOff":
      "This day is already off: a weekend, a public holiday, a bridge day or added before. Nothing was changed.",
    "terms.error.dayOffNotFound": "This day off does not exist (any more). Nothing was changed.",
    "audit.terms.day-off-added": "Day off added",
    "audit.terms.day-off-removed": "Day off removed",
  },
});
