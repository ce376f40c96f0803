import type { Rolldown } from "vite";

const framework = /node_modules[\\/](react|react-dom|scheduler|react-router|@react-router)[\\/]/;
const rootRoute = /[\\/]app[\\/]root\.tsx(\?|$)/;

/**
 * One chunk for what every page runs: React, React DOM, React Router, and what the root route imports (the page
 * shell and what it renders). Split across many small files, as the bundler would, it costs a request and a
 * compression dictionary per file (ADR 0038, addendum). Route modules stay apart, each in its own chunk.
 */
export const browserFramework: Rolldown.CodeSplittingNameFunction = (id, ctx) => {
  if (framework.test(id)) return "framework";
  const info = ctx.getModuleInfo(id);
  // The root route itself stays in its chunk, with its stylesheets.
  if (!info || info.isEntry || rootRoute.test(id) || /\.css(\?|$)/.test(id)) return null;
  // Statically imported, through any chain of modules, by the root route.
  const seen = new Set<string>([id]);
  const queue = [...info.importers];
  while (queue.length > 0) {
    const importer = queue.pop()!;
    if (rootRoute.test(importer)) return "framework";
    if (seen.has(importer)) continue;
    seen.add(importer);
    const importerInfo = ctx.getModuleInfo(importer);
    if (importerInfo && !importerInfo.isEntry) queue.push(...importerInfo.importers);
  }
  return null;
};
