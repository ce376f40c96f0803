export { DEMO_PASSWORD, demoAccounts, PROGRAMME_SLUG } from "./demo-accounts.ts";
export { demoMunicipalities } from "./demo-municipalities.ts";
export { START_SESSION_TRACK_CAPACITY } from "./programme-content.ts";
export { type SeedReport, seedDemo } from "./seed-demo.ts";
