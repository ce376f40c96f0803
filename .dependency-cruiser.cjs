/** The architecture's dependency rule (docs/decisions/0001-stack-and-architecture.md); `npm run lint` fails on a violation. */
module.exports = {
  forbidden: [
    {
      name: "pb-is-standalone",
      comment: "packages/pb could be published tomorrow: it imports nothing from the repository.",
      severity: "error",
      from: { path: "^packages/pb/" },
      to: { path: "^(app|src|server|tests|bench|scripts)/" },
    },
    {
      name: "domain-is-framework-free",
      comment: "Business rules never see React, React Router, HTTP or the web layer.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "(^app/|^server/|node_modules/(react|react-dom|react-router|@react-router|express)/)" },
    },
    {
      name: "domain-contexts-meet-through-index",
      comment:
        "Another context is used through its public index.ts only; shared/errors.ts (DomainError) is the one leaf every context's errors.ts takes directly, so code in the browser bundle that names an error class does not bring the database.",
      severity: "error",
      from: { path: "^src/domain/([^/]+)/" },
      to: {
        path: "^src/domain/([^/]+)/.+",
        pathNot: ["^src/domain/$1/", "^src/domain/[^/]+/index\\.ts$", "^src/domain/shared/errors\\.ts$"],
      },
    },
    {
      name: "db-knows-no-domain",
      severity: "error",
      from: { path: "^src/db/" },
      to: { path: "^src/domain/" },
    },
    {
      name: "nothing-outside-app-imports-app",
      comment: "Only the HTTP server may reach into app/server for the request context it hands over.",
      severity: "error",
      from: { path: "^(src|packages)/" },
      to: { path: "^app/" },
    },
    {
      name: "production-code-never-imports-tests",
      severity: "error",
      from: { path: "^(app|src|server|packages)/", pathNot: "\\.test\\.tsx?$" },
      to: { path: "^tests/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^build/|^\\.react-router/|/node_modules/)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
