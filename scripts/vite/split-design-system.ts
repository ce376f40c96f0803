import type { Plugin } from "vite";

const library = "@utrecht/component-library-react";
const importOfLibrary = /import\s*\{([^}]*)\}\s*from\s*["']@utrecht\/component-library-react["'];?/g;

/**
 * `@utrecht/component-library-react` defines its components in one module, and a bundler never splits a module
 * between chunks: every component any page used went into one chunk that every page loaded. In the browser build
 * each named import becomes an import of one copy of the module per component (`…?component=Name`), from which the
 * bundler keeps that component alone; a page then loads the components it renders. Every page imports the same
 * copy of a component, and the module keeps no state (no context, no registry), so nothing can tell the copies
 * apart (ADR 0038, addendum). The server build keeps the one module.
 */
export function splitDesignSystem(): Plugin[] {
  const common = {
    apply: "build",
    applyToEnvironment: (environment: { name: string }) => environment.name === "client",
  } as const;
  return [
    {
      ...common,
      name: "samenspel:split-design-system",
      // After TypeScript and JSX are compiled away, so only imports that are still there are split.
      enforce: "post",
      transform: {
        filter: { id: /\/app\/.+\.tsx?(\?.*)?$/, code: library },
        handler(code) {
          const split = code.replace(importOfLibrary, (_, names: string) =>
            names
              .split(",")
              .map((name) => name.trim())
              .filter((name) => name && !name.startsWith("type "))
              .map((name) => {
                const [imported, local = imported] = name.split(/\s+as\s+/);
                return `import { ${imported} as ${local} } from "${library}?component=${imported}";`;
              })
              .join("\n"),
          );
          return split === code ? null : { code: split, map: null };
        },
      },
    },
    {
      ...common,
      name: "samenspel:design-system-without-side-effects",
      // Before Vite's own resolver, which would otherwise answer first.
      enforce: "pre",
      resolveId: {
        filter: { id: /^@(utrecht|nl-design-system-candidate)\/[^/?]+-react(\?|$)/ },
        async handler(id, importer) {
          const [bare, query] = id.split("?");
          const resolved = await this.resolve(bare!, importer, { skipSelf: true });
          if (!resolved) return null;
          // The component packages only define components (their CSS is imported apart), but do not say so in their
          // package.json: one a component imports would come along with it even when it uses nothing from it.
          return { ...resolved, id: query ? `${resolved.id}?${query}` : resolved.id, moduleSideEffects: false };
        },
      },
    },
  ];
}
