/**
 * Builds the publishable package: JavaScript and `.d.ts` files compiled by tsc from `src/` (tests left out), the
 * published manifest and the documents, in one folder that `npm pack` turns into the tarball.
 *
 *   node scripts/build.ts [--out DIR] [--no-check]     (default: dist/)
 *   npm pack ./dist
 *
 * `--no-check` emits without type-checking (tsc --noCheck: the same files, a third less time), for the package test
 * and the bench, which build it again and again; the repository's typecheck checks the same sources.
 *
 * The workspace manifest (package.json) points at the TypeScript sources, so that the rest of the repository runs
 * them without a build step (Node strips the types); the published manifest points at the compiled files. ADR 0010 (docs/decisions).
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const out = resolve(args.includes("--out") ? args[args.indexOf("--out") + 1]! : join(root, "dist"));
const lib = join(out, "lib");

rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const noCheck = args.includes("--no-check") ? ["--noCheck"] : [];
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", lib, ...noCheck], {
  stdio: "inherit",
});

/** Declarations keep the sources' `.ts` specifiers; a consumer resolves the compiled `.js` beside each `.d.ts`. */
function rewriteDeclarations(folder: string): void {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) rewriteDeclarations(path);
    else if (name.endsWith(".d.ts")) {
      const text = readFileSync(path, "utf8");
      writeFileSync(path, text.replace(/(from\s+["']\.{1,2}\/[^"']*?)\.ts(["'])/g, "$1.js$2"));
    }
  }
}
rewriteDeclarations(lib);
chmodSync(join(lib, "cli", "main.js"), 0o755);

const source = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Record<string, unknown>;
const entry = (path: string) => ({ types: `./lib/${path}.d.ts`, default: `./lib/${path}.js` });
const manifest = {
  name: source.name,
  version: source.version,
  description: source.description,
  keywords: source.keywords,
  license: source.license,
  type: "module",
  engines: { node: ">=20" },
  exports: {
    ".": entry("index"),
    "./read-file": entry("pabulib/read-file"),
    "./package.json": "./package.json",
  },
  main: "./lib/index.js",
  types: "./lib/index.d.ts",
  bin: { pb: "./lib/cli/main.js" },
  files: ["lib", "README.md", "CHANGELOG.md"],
  sideEffects: ["./lib/cli/main.js"],
};
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
for (const file of ["README.md", "CHANGELOG.md"]) copyFileSync(join(root, file), join(out, file));
