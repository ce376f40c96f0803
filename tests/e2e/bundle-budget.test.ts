import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

/**
 * Issue 15's budget: a public page's scripts under 100 kB compressed on a first visit (ADR 0035). Read from the
 * build the e2e setup made, so the figure is exact and the same on every machine: gzip at level 9 of every
 * script the route manifest lists for the page (the entry, the matched routes and all their imports).
 */
const assets = "build/client/assets";
type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { parentId?: string; module: string; imports?: string[] }>;
};

function manifest(): Manifest {
  const file = readdirSync(assets).find((name) => /^manifest-.+\.js$/.test(name));
  if (!file) throw new Error("no route manifest in the build");
  return JSON.parse(readFileSync(`${assets}/${file}`, "utf8").replace(/^window\.__reactRouterManifest=|;\s*$/g, ""));
}

function scriptsOf(routeId: string, m: Manifest): Set<string> {
  const files = new Set([m.entry.module, ...m.entry.imports]);
  for (let id: string | undefined = routeId; id; id = m.routes[id]?.parentId) {
    const route = m.routes[id];
    if (!route) throw new Error(`no route ${id} in the manifest`);
    for (const file of [route.module, ...(route.imports ?? [])]) files.add(file);
  }
  return files;
}

const gzipBytes = (files: Set<string>) =>
  [...files].reduce((sum, file) => sum + gzipSync(readFileSync(`build/client${file}`), { level: 9 }).length, 0);

describe("public pages' scripts", () => {
  it.each([
    ["the home page", "routes/home"],
    ["a municipality's home", "routes/municipality/home"],
    ["a trajectory", "routes/programme/trajectory"],
  ])("stay under 100 kB gzip on %s", (_name, routeId) => {
    const m = manifest();
    const files = scriptsOf(routeId, m);
    expect(gzipBytes(files), [...files].join(" ")).toBeLessThan(100_000);
  });

  it("hold no message catalogue: a page's messages come with its data", () => {
    const m = manifest();
    const all = new Set(Object.keys(m.routes).flatMap((id) => [...scriptsOf(id, m)]));
    // Two sentences of the catalogue, one per language, that no page component spells out.
    const leaks = [...all].filter((file) =>
      /Controleer wat u heeft ingevuld|Please check what you entered/.test(readFileSync(`build/client${file}`, "utf8")),
    );
    expect(leaks).toEqual([]);
  });
});
