/**
 * First path segments the platform itself uses (`/programma`, `/inloggen`, static files). A municipality lives at
 * `/{slug}`, so a tenant with one of these slugs would be hidden behind the platform's own page. A test in the web
 * layer checks that every static route is listed here.
 */
export const reservedSlugs: ReadonlySet<string> = new Set([
  "account",
  "api",
  "assets",
  "beheer",
  "healthz",
  "inloggen",
  "kennisbank",
  "nieuwsbrief",
  "privacy",
  "programma",
  "taal",
  "themes",
  "toegankelijkheid",
  "uitloggen",
]);
