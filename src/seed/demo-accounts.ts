import type { Role } from "../domain/identity/index.ts";

export type DemoAccount = { email: string; displayName: string; tenant: string; role: Role };

export const PROGRAMME_SLUG = "democratie-in-actie";

/** Every demo account signs in with this password (or a mailed link); demo databases only, never a real one. */
export const DEMO_PASSWORD = "samenspel-demo";

/** One person per role and tenant; sign in with the address (the sign-in link is written to the log without SMTP). */
export const demoAccounts: readonly DemoAccount[] = [
  { email: "programma@example.org", displayName: "Pieter Programma", tenant: PROGRAMME_SLUG, role: "programme-staff" },
  { email: "begeleider@example.org", displayName: "Bea Begeleider", tenant: PROGRAMME_SLUG, role: "supervisor" },
  ...(["dijkstad", "veenhoven"] as const).flatMap((tenant) => {
    const town = tenant === "dijkstad" ? "Dijkstad" : "Veenhoven";
    return [
      { email: `coordinator@${tenant}.example.org`, displayName: `Coördinator ${town}`, role: "municipal-coordinator" },
      { email: `medewerker@${tenant}.example.org`, displayName: `Medewerker ${town}`, role: "municipal-staff" },
      { email: `raadslid@${tenant}.example.org`, displayName: `Raadslid ${town}`, role: "council-member" },
      // The secretary of the demo council that the two council-member accounts sit on (src/seed/demo-councils.ts).
      { email: `secretaris@${tenant}.example.org`, displayName: `Secretaris ${town}`, role: "council-member" },
      { email: `inwoner@${tenant}.example.org`, displayName: `Inwoner ${town}`, role: "resident" },
    ].map((account) => ({ ...account, tenant }) as DemoAccount);
  }),
  // Two residents on the advisory committee of Dijkstad's initiatives fund.
  { email: "commissie@dijkstad.example.org", displayName: "Cor Commissie", tenant: "dijkstad", role: "fund-committee" },
  {
    email: "commissie2@dijkstad.example.org",
    displayName: "Carla Commissie",
    tenant: "dijkstad",
    role: "fund-committee",
  },
];
