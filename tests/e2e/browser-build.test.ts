import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * What the browser build leaves out (ADR 0038), read from the build the e2e setup made. Sizes are measured by
 * `npm run bench:browser`, not here.
 */
const assets = "build/client/assets";
const files = readdirSync(assets);
const read = (suffix: string) =>
  files
    .filter((name) => name.endsWith(suffix))
    .map((name) => [name, readFileSync(`${assets}/${name}`, "utf8")] as const);

describe("the browser build", () => {
  it("is React's production build, as visitors get it, also when built under vitest's NODE_ENV=test", () => {
    const js = read(".js");
    // A warning only the development build of React has, and the error-page address only the production build has.
    expect(js.filter(([, code]) => code.includes("Invalid hook call")).map(([name]) => name)).toEqual([]);
    expect(js.some(([, code]) => code.includes("react.dev/errors/"))).toBe(true);
  });

  it("holds no message catalogue: a page's messages come with its data", () => {
    // The generic text in both languages: every page's table holds it, no component spells it out.
    const leaks = read(".js").filter(([, code]) =>
      /Controleer wat u heeft ingevuld|Please check what you entered/.test(code),
    );
    expect(leaks.map(([name]) => name)).toEqual([]);
  });

  it("holds no design-system component, and no rule of its CSS, that no page uses", () => {
    // The accordion is one of the library's components that no page renders.
    expect(
      read(".js")
        .filter(([, code]) => code.includes("utrecht-accordion"))
        .map(([name]) => name),
    ).toEqual([]);
    const css = read(".css");
    expect(css.length).toBeGreaterThan(0);
    expect(css.filter(([, code]) => code.includes(".utrecht-accordion")).map(([name]) => name)).toEqual([]);
    // While the components pages do use keep their rules.
    expect(css.some(([, code]) => code.includes(".utrecht-button--primary-action"))).toBe(true);
  });

  type Entry = { module: string; imports?: string[] };
  const [, manifestCode] = read(".js").find(([name]) => name.startsWith("manifest-"))!;
  const manifest = JSON.parse(manifestCode.replace(/^window\.__reactRouterManifest=|;$/g, "")) as {
    entry: Entry;
    routes: Record<string, Entry>;
  };
  /** The scripts a page with these routes loads: what its HTML preloads. */
  const scriptsOf = (...routes: string[]) =>
    [manifest.entry, ...routes.map((id) => manifest.routes[id]!)]
      .flatMap((e) => [e.module, ...(e.imports ?? [])])
      .map((path) => readFileSync(`build/client${path}`, "utf8"))
      .join("\n");

  it("loads on every page only the design-system components the page shell renders", () => {
    const code = scriptsOf("root");
    // Components that pages render but the shell does not (`scripts/vite/split-design-system.ts`), and the field
    // packages the library module imports for its own composite fields.
    expect(
      ["utrecht-table", "utrecht-alert", "utrecht-data-list", "utrecht-textbox", "utrecht-form-field"].filter((name) =>
        code.includes(name),
      ),
    ).toEqual([]);
    // And what the shell does render.
    expect(code).toContain("utrecht-page-header");
  });

  it("holds no schema library: pages read their forms' limits from plain-data modules (`app/forms/*-limits.ts`)", () => {
    // zod names its types in its code; no page, public or staff, validates in the browser.
    expect(
      read(".js")
        .filter(([, code]) => code.includes("ZodString"))
        .map(([name]) => name),
    ).toEqual([]);
    // The trajectory page's designer sign-up form still states its length limits.
    expect(scriptsOf("root", "routes/programme/trajectory")).toMatch(/maxLength:\d+/);
  });

  it("has a Brotli and a gzip copy of every script and stylesheet worth compressing", () => {
    const worth = files.filter((name) => /\.(js|css)$/.test(name) && readFileSync(`${assets}/${name}`).length >= 512);
    expect(worth.length).toBeGreaterThan(0);
    expect(worth.filter((name) => !files.includes(`${name}.br`) || !files.includes(`${name}.gz`))).toEqual([]);
  });
});
