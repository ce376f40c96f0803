import { defineMessages } from "../define-messages.ts";

export const home = defineMessages({
  nl: {
    "home.title": "Samenspel: samen werken aan lokale democratie",
    "home.intro":
      "Samenspel ondersteunt het programma Democratie in Actie en gemeenten die hun lokale democratie versterken: met ontwikkeltrajecten, bijeenkomsten en eigen instrumenten zoals een initiatievenloket, een burgerbegroting en dorps- en wijkraden.",
    "home.municipalities.title": "Gemeenten op Samenspel",
    "home.municipalities.empty": "Er zijn nog geen gemeenten aangesloten.",
  },
  en: {
    "home.title": "Samenspel: working together on local democracy",
    "home.intro":
      "Samenspel supports the Democratie in Actie programme and municipalities that strengthen their local democracy: with development trajectories, meetings and tools of their own such as an initiatives desk, participatory budgeting and village and neighbourhood councils.",
    "home.municipalities.title": "Municipalities on Samenspel",
    "home.municipalities.empty": "No municipalities have joined yet.",
  },
});
