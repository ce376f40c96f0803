import { defineMessages } from "../define-messages.ts";

export const home = defineMessages({
  nl: {
    "home.title": "Samenspel: samen werken aan lokale democratie",
    "home.intro":
      "Samenspel ondersteunt het programma Democratie in Actie en gemeenten die hun lokale democratie versterken: met ontwikkeltrajecten, bijeenkomsten en eigen instrumenten zoals een initiatievenloket, een burgerbegroting en dorps- en wijkraden.",
    "home.what.title": "Wat is Samenspel?",
    "home.what.body":
      "Samenspel is één platform voor het landelijke programma en voor gemeenten. Het programma biedt ontwikkeltrajecten, bijeenkomsten en workshops aan. Elke gemeente op Samenspel krijgt een eigen site in haar eigen huisstijl, met instrumenten waarmee inwoners, raad en gemeente samen beslissen.",
    "home.what.openSource":
      "Samenspel is open-source software. Gemeenten kunnen het zelf gebruiken, aanpassen en verbeteren.",
    "home.offer.title": "Het aanbod van Democratie in Actie",
    "home.offer.intro":
      "Democratie in Actie begeleidt gemeenten in ontwikkeltrajecten: samen met andere gemeenten leren, met lokaal maatwerk in de eigen gemeente.",
    "home.offer.all": "Bekijk het hele aanbod",
    "home.offer.empty": "Er staat nog geen aanbod op Samenspel.",
    "home.meetings.title": "Komende bijeenkomsten",
    "home.meetings.none": "Er zijn nu geen komende bijeenkomsten gepland.",
    "home.municipalities.title": "Gemeenten op Samenspel",
    "home.municipalities.empty": "Er zijn nog geen gemeenten aangesloten.",
  },
  en: {
    "home.title": "Samenspel: working together on local democracy",
    "home.intro":
      "Samenspel supports the Democratie in Actie programme and municipalities that strengthen their local democracy: with development trajectories, meetings and tools of their own such as an initiatives desk, participatory budgeting and village and neighbourhood councils.",
    "home.what.title": "What is Samenspel?",
    "home.what.body":
      "Samenspel is one platform for the national programme and for municipalities. The programme offers development trajectories, meetings and workshops. Every municipality on Samenspel gets a site of its own in its own house style, with tools that let residents, council and municipality decide together.",
    "home.what.openSource":
      "Samenspel is open-source software. Municipalities can use, adapt and improve it themselves.",
    "home.offer.title": "What Democratie in Actie offers",
    "home.offer.intro":
      "Democratie in Actie guides municipalities through development trajectories: learning together with other municipalities, with local support tailored to each municipality.",
    "home.offer.all": "See the whole offer",
    "home.offer.empty": "There is no offer on Samenspel yet.",
    "home.meetings.title": "Upcoming meetings",
    "home.meetings.none": "No upcoming meetings are planned at the moment.",
    "home.municipalities.title": "Municipalities on Samenspel",
    "home.municipalities.empty": "No municipalities have joined yet.",
  },
});
