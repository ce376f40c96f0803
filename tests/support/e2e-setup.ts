import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/**
 * Browser journeys run against the production build, as people get it. Vite takes its mode from `NODE_ENV`, which
 * vitest sets to `test`: built in that, the browser got React's development build (ADR 0038, addendum). A build
 * whose browser code pulls in server modules (a page component importing a context's index brings the database and
 * `node:crypto`) breaks those pages with JavaScript on: refuse it here, naming the chunks, before any journey runs.
 */
export default function buildOnce() {
  execFileSync("npx", ["react-router", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  const assets = "build/client/assets";
  const serverCode = readdirSync(assets).filter(
    (file) =>
      file.endsWith(".js") &&
      /["']node:|@electric-sql\/pglite|drizzle-orm/.test(readFileSync(`${assets}/${file}`, "utf8")),
  );
  if (serverCode.length > 0) {
    throw new Error(
      `The browser bundle holds server code in ${serverCode.join(", ")}: a page component imports a context's index.ts; import the leaf module, or pass the value from the loader.`,
    );
  }
}
