import type { CreateTenantOptions } from "../domain/tenancy/index.ts";

/** Two fictional municipalities, each with its own theme (public/themes/<slug>.css) and logo. */
export const demoMunicipalities = [
  {
    slug: "dijkstad",
    name: "Gemeente Dijkstad",
    kind: "municipality",
    province: "Zuid-Holland",
    themeClass: "dijkstad-theme",
    logoPath: "/themes/dijkstad/logo.svg",
    introNl:
      "Dijkstad is een fictieve stad aan de rivier met 48.000 inwoners. De gemeente werkt met inwoners aan een initiatievenfonds en een burgerbegroting voor de wijken langs de dijk.",
    introEn:
      "Dijkstad is a fictional riverside town of 48,000 people. The municipality works with its residents on an initiatives fund and participatory budgeting for the neighbourhoods along the dike.",
  },
  {
    slug: "veenhoven",
    name: "Gemeente Veenhoven",
    kind: "municipality",
    province: "Drenthe",
    themeClass: "veenhoven-theme",
    logoPath: "/themes/veenhoven/logo.svg",
    introNl:
      "Veenhoven is een fictieve plattelandsgemeente van twaalf dorpen in het veen. Elk dorp heeft een dorpsraad met een eigen dorpsbudget; samen maken ze de spelregels voor kernendemocratie.",
    introEn:
      "Veenhoven is a fictional rural municipality of twelve villages in the peat lands. Every village has a village council with a budget of its own; together they write the rules of the game for village democracy.",
  },
] as const satisfies readonly CreateTenantOptions[];
