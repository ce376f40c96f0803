import { defineMessages } from "../define-messages.ts";

export const municipality = defineMessages({
  nl: {
    "municipality.logoAlt": "Logo van {name}",
    "municipality.province": "Provincie {province}",
    "municipality.tools.title": "Wat u hier kunt doen",
    "municipality.tools.none": "Op dit moment is er niets om aan mee te doen.",
    "municipality.tools.initiatives.desk": "Een initiatief indienen of bekijken",
    "municipality.tools.initiatives.funds": "Geld aanvragen uit een fonds",
    "municipality.tools.initiatives.challenge": "Uitdaagrecht: een taak van de gemeente overnemen",
    "municipality.tools.councils.list": "De dorps- en wijkraden",
    "municipality.tools.councils.advice": "Adviezen van de raden en wat de gemeente ermee deed",
    "municipality.tools.councils.budgets": "Hoe het geld van elk gebied is besteed",
    "municipality.tools.rules.calendar": "Alle processen en hoe u kunt meedoen",
    "municipality.tools.initiatives": "Initiatievenloket en -fonds",
    "municipality.tools.initiatives.body":
      "Dien een idee voor uw buurt in, vraag hulp of een bijdrage uit het initiatievenfonds en volg wat er met uw aanvraag gebeurt.",
    "municipality.tools.budgeting": "Burgerbegroting",
    "municipality.tools.budgeting.body":
      "Stem mee over hoe een deel van het budget wordt besteed. De uitslag wordt eerlijk en controleerbaar berekend.",
    "municipality.tools.councils": "Dorps- en wijkraden",
    "municipality.tools.councils.body":
      "Zie wat uw dorps- of wijkraad doet, welk gebiedsbudget er is en hoe u een bijdrage aanvraagt.",
    "municipality.tools.rules": "Spelregels",
    "municipality.tools.rules.body":
      "Lees per project wie wat beslist, wanneer u invloed hebt en wat er met uw inbreng gebeurt.",
  },
  en: {
    "municipality.logoAlt": "Logo of {name}",
    "municipality.province": "Province of {province}",
    "municipality.tools.title": "What you can do here",
    "municipality.tools.none": "There is nothing to take part in at the moment.",
    "municipality.tools.initiatives.desk": "Submit or view an initiative",
    "municipality.tools.initiatives.funds": "Apply for money from a fund",
    "municipality.tools.initiatives.challenge": "Right to challenge: take over a municipal task",
    "municipality.tools.councils.list": "The village and neighbourhood councils",
    "municipality.tools.councils.advice": "The councils' advice and what the municipality did with it",
    "municipality.tools.councils.budgets": "How each area's money was spent",
    "municipality.tools.rules.calendar": "All processes and how you can take part",
    "municipality.tools.initiatives": "Initiatives desk and fund",
    "municipality.tools.initiatives.body":
      "Submit an idea for your neighbourhood, ask for help or a grant from the initiatives fund and follow what happens to your application.",
    "municipality.tools.budgeting": "Participatory budgeting",
    "municipality.tools.budgeting.body":
      "Vote on how part of the budget is spent. The outcome is calculated fairly and can be checked.",
    "municipality.tools.councils": "Village and neighbourhood councils",
    "municipality.tools.councils.body":
      "See what your village or neighbourhood council does, which area budget there is and how to apply for a grant.",
    "municipality.tools.rules": "Rules of the game",
    "municipality.tools.rules.body":
      "Read for every project who decides what, when you have a say and what happens to your input.",
  },
});
