import { index, layout, type RouteConfig, type RouteConfigEntry, route } from "@react-router/dev/routes";

/** Accounts, sign-in and the staff areas (ADR 0004). Staff pages live under `beheer`; the tenancy test finds them there. */
const identityRoutes = [
  route("inloggen", "routes/identity/sign-in.tsx"),
  route("inloggen/verstuurd", "routes/identity/sign-in-sent.tsx"),
  route("inloggen/link/:token", "routes/identity/magic-link.tsx"),
  route("inloggen/tweede-stap", "routes/identity/second-factor.tsx"),
  route("inloggen/oidc", "routes/identity/oidc-start.ts"),
  route("inloggen/oidc/terug", "routes/identity/oidc-callback.ts"),
  route("uitloggen", "routes/identity/sign-out.ts"),
  route("account", "routes/identity/account.tsx"),
  route("account/gegevens", "routes/identity/account-data.ts"),
  route("account/beveiliging", "routes/identity/security.tsx"),
  route("beheer", "routes/staff/staff-area.tsx", { id: "programme-staff-area" }),
  route("beheer/team", "routes/staff/team.tsx", { id: "programme-team" }),
  route(":gemeente/beheer", "routes/staff/staff-area.tsx", { id: "municipal-staff-area" }),
  route(":gemeente/beheer/team", "routes/staff/team.tsx", { id: "municipal-team" }),
];

/** The read-only open-data API (ADR 0009), described at /api/openapi.json. */
const openDataRoutes = [
  route("api/openapi.json", "routes/api/openapi.ts"),
  route("api/v1/catalogue", "routes/api/catalogue.ts"),
  route("api/v1/trajectories", "routes/api/trajectories.ts"),
  route("api/v1/trajectories/:slug", "routes/api/trajectory.ts"),
  route("api/v1/meetings", "routes/api/meetings.ts"),
  route("api/v1/meetings/:slug", "routes/api/meeting.ts"),
  route("api/v1/design-sessions", "routes/api/design-sessions.ts"),
  route("api/v1/workshops", "routes/api/workshops.ts"),
  route("api/v1/workshops/:slug", "routes/api/workshop.ts"),
  route("api/v1/municipalities/:slug/ledgers", "routes/api/ledgers.ts"),
  route("api/v1/municipalities/:slug/funds", "routes/api/funds.ts"),
  route("api/v1/municipalities/:slug/processes", "routes/api/processes.ts"),
  route("api/v1/municipalities/:slug/advice", "routes/api/advice.ts"),
];

/** Registration for tracks, calendar feeds and the newsletter (issue 3, items 2 and 6). */
const participationRoutes = [
  route("programma/bijeenkomsten/:slug/aanmelden", "routes/participation/sign-up.tsx"),
  route("programma/bijeenkomsten/:slug/afmelden", "routes/participation/withdraw.ts"),
  route("programma/mijn-aanmeldingen", "routes/participation/my-registrations.tsx"),
  route("programma/agenda.ics", "routes/participation/programme-feed.ts"),
  route("programma/trajecten/:slug/agenda.ics", "routes/participation/trajectory-feed.ts"),
  route("programma/mijn-agenda/:token", "routes/participation/personal-feed.ts"),
  route("nieuwsbrief", "routes/participation/newsletter.tsx"),
  route("nieuwsbrief/bevestigen/:token", "routes/participation/newsletter-confirm.tsx"),
  route("nieuwsbrief/afmelden/:token", "routes/participation/newsletter-unsubscribe.tsx"),
  route("beheer/nieuwsbrief", "routes/participation/newsletter-editions.tsx"),
  route("beheer/nieuwsbrief/:editie", "routes/participation/newsletter-deliveries.tsx"),
];

/** Issue 3: applications, intake and admission, the learning group, cost sharing, workshop requests, dashboard. */
const applicationRoutes = [
  route("programma/trajecten/:slug/aanmelden", "routes/applications/apply.tsx"),
  route("programma/trajecten/:slug/aanmelden/verstuurd", "routes/applications/apply-sent.tsx"),
  route("beheer/trajecten", "routes/applications/staff-trajectories.tsx"),
  route("beheer/trajecten/:slug", "routes/applications/staff-trajectory.tsx"),
  route("beheer/trajecten/:slug/export.csv", "routes/applications/export-applications.ts", { id: "export-csv" }),
  route("beheer/trajecten/:slug/export.xlsx", "routes/applications/export-applications.ts", { id: "export-xlsx" }),
  route("beheer/trajecten/:slug/ontwerpers", "routes/applications/staff-designers.tsx"),
  route("beheer/trajecten/:slug/ontwerpers.csv", "routes/applications/export-designers.ts", { id: "designers-csv" }),
  route("beheer/trajecten/:slug/ontwerpers.xlsx", "routes/applications/export-designers.ts", { id: "designers-xlsx" }),
  route("beheer/trajecten/:slug/kosten/:applicationId", "routes/applications/cost-statement.tsx", {
    id: "staff-cost-statement",
  }),
  route("programma/workshops/:slug/aanvragen", "routes/applications/request-workshop.tsx"),
  route("beheer/workshops", "routes/applications/workshop-requests.tsx", { id: "staff-workshop-requests" }),
  route(":gemeente/beheer/workshops", "routes/applications/workshop-requests.tsx", {
    id: "municipal-workshop-requests",
  }),
  route(":gemeente/beheer/aanmeldingen", "routes/applications/municipal-applications.tsx"),
  route(":gemeente/beheer/aanmeldingen/leergroep", "routes/applications/learning-groups.tsx"),
  route("beheer/bijeenkomsten", "routes/meetings/staff-meetings.tsx"),
  route("beheer/bijeenkomsten/nieuw", "routes/meetings/staff-meeting.tsx", { id: "meeting-new" }),
  route("beheer/bijeenkomsten/:slug", "routes/meetings/staff-meeting.tsx", { id: "meeting-edit" }),
  route("beheer/bijeenkomsten/:slug/export.csv", "routes/meetings/export-registrations.ts", { id: "meeting-csv" }),
  route("beheer/bijeenkomsten/:slug/export.xlsx", "routes/meetings/export-registrations.ts", { id: "meeting-xlsx" }),
  route(":gemeente/beheer/aanmeldingen/kosten/:applicationId", "routes/applications/cost-statement.tsx", {
    id: "municipal-cost-statement",
  }),
];

/** Issue 10: the municipality's areas (CBS import, postcodes). */
const areaRoutes = [route(":gemeente/beheer/gebieden", "routes/areas/staff-areas.tsx")];
/** Area budgets on the money ledger (issue 10, item 4). */
const areaBudgetRoutes = [
  route(":gemeente/beheer/gebiedsbudgetten", "routes/area-budgets/staff-budgets.tsx"),
  route(":gemeente/beheer/gebiedsbudgetten/export.csv", "routes/area-budgets/export.ts"),
  route(":gemeente/beheer/gebiedsbudgetten/:areaId", "routes/area-budgets/staff-budget.tsx"),
];

/** Councils for staff: create and change them, seat members and end terms (issue 10, item 2). */
const councilStaffRoutes = [
  route(":gemeente/beheer/raden", "routes/councils/staff-councils.tsx"),
  route(":gemeente/beheer/raden/:raad", "routes/councils/staff-council.tsx"),
];

/** The advice register (issue 10, item 3). */
const adviceRoutes = [
  route(":gemeente/beheer/advies", "routes/advice/staff-advice.tsx"),
  route(":gemeente/beheer/advies/:adviceId", "routes/advice/staff-advice-item.tsx"),
  route(":gemeente/advies/export.csv", "routes/advice/register-csv.ts"),
];

/** A council's meetings (issue 10, item 2): staff pages, the calendar feed and the documents (files, no layout). */
const councilMeetingRoutes = [
  route(":gemeente/beheer/raden/:raad/vergaderingen", "routes/councils/meetings.tsx", { id: "staff-council-meetings" }),
  route(":gemeente/beheer/raden/:raad/vergaderingen/:vergadering", "routes/councils/meeting.tsx", {
    id: "staff-council-meeting",
  }),
  route(":gemeente/raden/:raad/agenda.ics", "routes/councils/meetings-feed.ts"),
  route(":gemeente/raden/:raad/vergaderingen/:vergadering/documenten/:document", "routes/councils/meeting-document.ts"),
  route("api/v1/municipalities/:slug/councils", "routes/api/councils.ts"),
];

/** The municipality's own days off, which every term of every instrument skips. */
const termRoutes = [route(":gemeente/beheer/vrije-dagen", "routes/terms/staff-days-off.tsx")];

/** Issue 11: burgerbegroting rounds, plans, voting with postal codes, results. */
const budgetingRoutes = [
  route(":gemeente/beheer/burgerbegroting", "routes/budgeting/staff-rounds.tsx"),
  route(":gemeente/beheer/burgerbegroting/nieuw", "routes/budgeting/staff-round-new.tsx"),
  route(":gemeente/beheer/burgerbegroting/:ronde", "routes/budgeting/staff-round.tsx"),
  route(":gemeente/beheer/burgerbegroting/:ronde/codes/:batch", "routes/budgeting/code-batch-csv.ts"),
  route(":gemeente/beheer/burgerbegroting/:ronde/uitvoering", "routes/budgeting/staff-realisation.tsx"),
  route(":gemeente/burgerbegroting/:ronde/uitvoering", "routes/budgeting/realisation.tsx"),
  route(":gemeente/beheer/burgerbegroting/:ronde/codes/:batch/brieven.pdf", "routes/budgeting/code-batch-letters.ts"),
  route("api/v1/municipalities/:slug/budgets/:round/result", "routes/api/budget-result.ts"),
  route(":gemeente/burgerbegroting/:ronde/pabulib/:gebied", "routes/budgeting/pabulib-export.ts"),
  // A voter of a round that identifies with DigiD leaves for the provider from here (a form post, no page).
  route(":gemeente/burgerbegroting/:ronde/stemmen/digid", "routes/budgeting/vote-oidc.ts"),
];

/** Issue 13: democratic processes with their rules of the game (spelregels), the ladder and feedback. */
const processRoutes = [
  route(":gemeente/beheer/processen", "routes/processes/staff-processes.tsx"),
  route(":gemeente/beheer/processen/:proces", "routes/processes/staff-process.tsx"),
  route(":gemeente/processen/agenda.ics", "routes/processes/feed.ts"),
  route(":gemeente/processen/:proces/kaart.pdf", "routes/processes/card-pdf.ts"),
];

/** Issue 12: the initiatives desk and the uitdaagrecht (the fund has its own list). */
const initiativeRoutes = [
  route(":gemeente/beheer/initiatieven", "routes/initiatives/staff-initiatives.tsx"),
  route(":gemeente/beheer/initiatieven/:initiativeId", "routes/initiatives/staff-initiative.tsx"),
  route("api/v1/municipalities/:slug/initiatives", "routes/api/initiatives.ts"),
  route(":gemeente/beheer/uitdaagrecht", "routes/initiatives/staff-challenges.tsx"),
  route(":gemeente/beheer/uitdaagrecht/:challengeId", "routes/initiatives/staff-challenge.tsx"),
  route("api/v1/municipalities/:slug/challenges", "routes/api/challenges.ts"),
];

/** Issue 12: initiatives funds (staff and assessors; the letter and the fairness CSV are files). */
const fundRoutes = [
  route(":gemeente/beheer/fondsen", "routes/initiative-funds/staff-funds.tsx"),
  route(":gemeente/beheer/fondsen/aanvragen/:aanvraag", "routes/initiative-funds/staff-application.tsx"),
  route(":gemeente/beheer/fondsen/nieuw", "routes/initiative-funds/staff-fund.tsx", { id: "fund-new" }),
  route(":gemeente/beheer/fondsen/:fonds", "routes/initiative-funds/staff-fund.tsx", { id: "fund-edit" }),
  route(":gemeente/fondsen/aanvraag/:aanvraag/besluit.pdf", "routes/initiative-funds/decision-letter.ts"),
  route(":gemeente/fondsen/:fonds/eerlijkheid.csv", "routes/initiative-funds/fairness-csv.ts"),
];

const routes: RouteConfigEntry[] = [
  index("routes/home.tsx"),
  route("programma", "routes/programme/catalogue.tsx"),
  route("programma/trajecten/:slug", "routes/programme/trajectory.tsx"),
  route("programma/bijeenkomsten/:slug", "routes/programme/meeting.tsx"),
  route("programma/ontwerpsessies", "routes/programme/design-sessions.tsx"),
  route("programma/workshops/:slug", "routes/programme/workshop.tsx"),
  route("kennisbank", "routes/programme/knowledge.tsx"),
  route("beheer/kennisbank", "routes/staff/lessons.tsx"),
  route("beheer/kennisbank/:les", "routes/staff/lesson.tsx"),
  route("toegankelijkheid", "routes/legal/accessibility.tsx"),
  route("privacy", "routes/legal/privacy.tsx"),
  route("taal", "routes/language.tsx"),
  ...openDataRoutes,
  ...identityRoutes,
  ...participationRoutes,
  ...applicationRoutes,
  ...budgetingRoutes,
  ...areaRoutes,
  ...areaBudgetRoutes,
  ...termRoutes,
  ...processRoutes,
  ...initiativeRoutes,
  ...councilStaffRoutes,
  ...adviceRoutes,
  ...councilMeetingRoutes,
  ...fundRoutes,
  // A municipality's stored files (receipts, documents, photos), served after the tenant and visibility check.
  route(":gemeente/bestanden/:uploadId", "routes/uploads/file.ts"),
  // A municipality's own site; static paths above always win over a slug.
  route(":gemeente", "routes/municipality/layout.tsx", { id: "municipality" }, [
    index("routes/municipality/home.tsx"),
    route("volgen/bevestigen/:token", "routes/following/confirm.tsx"),
    route("volgen/afmelden/:token", "routes/following/unsubscribe.tsx"),
    route("burgerbegroting/:ronde", "routes/budgeting/round.tsx"),
    route("burgerbegroting/:ronde/plan-indienen", "routes/budgeting/submit-plan.tsx"),
    route("burgerbegroting/:ronde/stemmen", "routes/budgeting/vote.tsx", { id: "budgeting-vote" }),
    route("burgerbegroting/:ronde/stem-wijzigen", "routes/budgeting/vote.tsx", { id: "budgeting-change-vote" }),
    route("burgerbegroting/:ronde/gestemd", "routes/budgeting/voted.tsx"),
    route("burgerbegroting/:ronde/uitslag", "routes/budgeting/results.tsx"),
    route("burgerbegroting/:ronde/uitslag/:plan", "routes/budgeting/result-plan.tsx"),
    route("processen", "routes/processes/calendar.tsx"),
    route("processen/:proces", "routes/processes/card.tsx"),
    route("gebiedsbudgetten", "routes/area-budgets/public-budgets.tsx"),
    route("gebiedsbudgetten/:areaId", "routes/area-budgets/public-budget.tsx"),
    route("fondsen", "routes/initiative-funds/public-funds.tsx"),
    route("fondsen/:fonds/aanvragen", "routes/initiative-funds/apply.tsx"),
    route("fondsen/:fonds/eerlijkheid", "routes/initiative-funds/fairness.tsx"),
    route("fondsen/aanvraag/:aanvraag", "routes/initiative-funds/my-application.tsx"),
    route("raden", "routes/councils/public-councils.tsx"),
    route("raden/:raad", "routes/councils/public-council.tsx"),
    // A council's workspace: only for those who hold a seat on it today (the tenancy test covers it).
    route("raad/:raad", "routes/councils/workspace.tsx"),
    route("raad/:raad/vergaderingen", "routes/councils/meetings.tsx", { id: "council-meetings" }),
    route("raad/:raad/vergaderingen/:vergadering", "routes/councils/meeting.tsx", { id: "council-meeting" }),
    route("raden/:raad/vergaderingen/:vergadering", "routes/councils/public-meeting.tsx"),
    route("initiatieven", "routes/initiatives/showcase.tsx"),
    route("initiatieven/indienen", "routes/initiatives/submit.tsx"),
    route("initiatieven/link-kwijt", "routes/initiatives/lost-link.tsx"),
    route("initiatieven/mijn/:token", "routes/initiatives/initiator.tsx"),
    route("uitdaagrecht", "routes/initiatives/challenges.tsx"),
    route("uitdaagrecht/indienen", "routes/initiatives/challenge-submit.tsx"),
    route("raad/:raad/advies", "routes/advice/council-advice.tsx"),
    route("raad/:raad/budget/:areaId", "routes/councils/workspace-budget.tsx"),
    route("advies", "routes/advice/public-register.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
];

const inStaffArea = (entry: RouteConfigEntry) => entry.path?.split("/").includes("beheer") === true;

/** The staff area's routes under one parent without a path, which gives them their breadcrumbs (`routes/staff/layout.tsx`). */
export default [
  ...routes.filter((entry) => !inStaffArea(entry)),
  layout("routes/staff/layout.tsx", routes.filter(inStaffArea)),
] satisfies RouteConfig;
