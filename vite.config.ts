import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { messageKeys } from "./app/i18n/catalogue.ts";
import { dropDisplayNames } from "./scripts/vite/drop-display-names.ts";
import { precompress } from "./scripts/vite/precompress.ts";
import { pruneUtrechtCss } from "./scripts/vite/prune-css.ts";
import { routeMessages } from "./scripts/vite/route-messages.ts";

export default defineConfig({
  // The server bundle's entry is our HTTP app, so it and the routes share one copy of every module.
  environments: { ssr: { build: { rollupOptions: { input: "./server/app.ts" } } } },
  // Each page's browser table holds only the messages its routes can show; unused design-system components and
  // their CSS are left out; scripts and stylesheets get Brotli and gzip copies (ADR 0038).
  plugins: [routeMessages(messageKeys), dropDisplayNames(), reactRouter(), pruneUtrechtCss(), precompress()],
});
