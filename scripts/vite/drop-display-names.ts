import type { Plugin } from "vite";

/**
 * The design-system React packages set `Component.displayName = '…'` on every component at the top level of one
 * large module. To the bundler such a write is a side effect, so every component of `@utrecht/component-library-react`
 * reached the browser (247 kB) though pages use about twenty. The names only serve React's developer tools; without
 * them the unused components are shaken out (ADR 0038).
 */
export function dropDisplayNames(): Plugin {
  return {
    name: "samenspel:drop-display-names",
    apply: "build",
    transform: {
      filter: { id: /node_modules\/@(utrecht|nl-design-system-candidate)\/[^/]+-react\/dist\/.+\.m?js(\?.*)?$/ },
      handler(code) {
        if (!code.includes(".displayName = ")) return null;
        return { code: code.replace(/^[\w$]+\.displayName = (['"])[^'"\n]*\1;$/gm, ""), map: null };
      },
    },
  };
}
