import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { messageKeys } from "./app/i18n/catalogue.ts";
import { browserFramework } from "./scripts/vite/browser-framework.ts";
import { dropDisplayNames } from "./scripts/vite/drop-display-names.ts";
import { precompress } from "./scripts/vite/precompress.ts";
import { pruneUtrechtCss } from "./scripts/vite/prune-css.ts";
import { routeMessages } from "./scripts/vite/route-messages.ts";
import { splitDesignSystem } from "./scripts/vite/split-design-system.ts";

export default defineConfig({
  // The server bundle's entry is our HTTP app, so it and the routes share one copy of every module.
  environments: {
    ssr: { build: { rollupOptions: { input: "./server/app.ts" } } },
    // One chunk for what every page runs (`browser-framework.ts`); React Router's file names, which giving `output`
    // replaces.
    client: {
      build: {
        rollupOptions: {
          output: {
            entryFileNames: "assets/[name]-[hash].js",
            codeSplitting: { groups: [{ name: browserFramework, priority: 20 }] },
          },
        },
      },
    },
  },
  // Each page's browser table holds only the messages its routes can show; unused design-system components and
  // their CSS are left out; scripts and stylesheets get
  // Brotli and gzip copies (ADR 0038).
  plugins: [
    routeMessages(messageKeys),
    dropDisplayNames(),
    splitDesignSystem(),
    reactRouter(),
    pruneUtrechtCss(),
    precompress(),
  ],
});
