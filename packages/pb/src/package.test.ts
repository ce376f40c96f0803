import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The published package, as a stranger gets it: built, packed, installed from the tarball into an empty folder, then
 * used from plain Node, from a TypeScript project and from a browser bundle.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "pb-package-"));
const run = (command: string, args: string[], cwd = work) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const node = (args: string[], cwd = work) => run(process.execPath, args, cwd);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the published package", () => {
  let files: string[] = [];
  const app = join(work, "app");

  it("builds, packs without tests, bench or test support, and installs from the tarball", () => {
    node([join(root, "scripts/build.ts"), "--out", join(work, "dist"), "--no-check"], root);
    const [packed] = JSON.parse(run("npm", ["pack", join(work, "dist"), "--json", "--pack-destination", work])) as {
      filename: string;
      files: { path: string }[];
    }[];
    files = packed!.files.map((f) => f.path);
    expect(files).toContain("lib/index.js");
    expect(files).toContain("lib/index.d.ts");
    expect(files).toContain("lib/cli/main.js");
    expect(files).toContain("CHANGELOG.md");
    expect(files.filter((f) => /test|bench|support/.test(f))).toEqual([]);

    cpSync(join(root, "examples"), app, { recursive: true });
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    run("npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, packed!.filename)], app);
    expect(readdirSync(join(app, "node_modules/@samenspel/pb"))).toContain("lib");
  });

  it("runs the README example in plain Node", () => {
    expect(node(["quick-start.js"], app)).toBe("equal shares: 1, 3\nmost votes:   1, 2\n");
  });

  it("runs the pb command", () => {
    const bin = join(app, "node_modules/.bin/pb");
    expect(node([bin, "--help"], app)).toContain("Usage: pb outcome FILE.pb");
  });

  it("type-checks in a TypeScript project without special flags, with neither DOM nor Node types", () => {
    // The declarations must need neither, and leaving out the DOM library makes this check three times faster.
    const compilerOptions = { strict: true, module: "nodenext", noEmit: true, lib: ["es2023"], types: [] };
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["typed.ts"] }));
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    node([tsc, "-p", "tsconfig.json"], app);
  });

  it("bundles for the browser without Node built-ins", async () => {
    const { build } = await import("vite");
    await build({
      root: join(app, "browser"),
      logLevel: "silent",
      configFile: false,
      build: { outDir: join(work, "bundle"), minify: false },
    });
    const bundle = readdirSync(join(work, "bundle/assets")).find((f) => f.endsWith(".js"))!;
    const code = run("cat", [join(work, "bundle/assets", bundle)]);
    expect(code).toContain("equalShares");
    expect(code).not.toMatch(/from "node:|require\("(node:)?fs"\)/);
  });
});
