import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("programma", "routes/programme/catalogue.tsx"),
  route("programma/trajecten/:slug", "routes/programme/trajectory.tsx"),
  route("programma/bijeenkomsten/:slug", "routes/programme/meeting.tsx"),
  route("programma/ontwerpsessies", "routes/programme/design-sessions.tsx"),
  route("programma/workshops/:slug", "routes/programme/workshop.tsx"),
  route("toegankelijkheid", "routes/legal/accessibility.tsx"),
  route("privacy", "routes/legal/privacy.tsx"),
  route("taal", "routes/language.tsx"),
  route("healthz", "routes/healthz.ts"),
  // A municipality's own site; static paths above always win over a slug.
  route(":gemeente", "routes/municipality/layout.tsx", { id: "municipality" }, [index("routes/municipality/home.tsx")]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
