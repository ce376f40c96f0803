import { readFileSync } from "node:fs";

/**
 * An offline check of the dependency tree, for CI where `npm audit` (and `npm audit signatures`) cannot reach the
 * registry. What it checks: every installed package in package-lock.json carries a sha512 integrity hash (npm then
 * refuses a tarball that differs from the one locked), comes from the npm registry (no git, file or http sources),
 * is not a version on the hand-kept list of known malicious releases (`security/known-bad-packages.json`), and
 * every direct dependency in package.json is pinned to an exact version. What it cannot check: advisories
 * published for ordinary vulnerable versions; that needs `npm audit` with network access.
 */
export type LockFile = {
  packages: Record<string, { version?: string; integrity?: string; resolved?: string; link?: boolean }>;
};
export type PackageJson = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
export type KnownBad = { packages: Record<string, { versions: string[]; reason: string }> };

export function checkLockfile(lock: LockFile, pkg: PackageJson, knownBad: KnownBad): string[] {
  const problems: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.includes("node_modules/") || entry.link) continue; // the root and workspace folders
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    if (!entry.integrity?.startsWith("sha512-")) problems.push(`${path}: no sha512 integrity hash`);
    if (entry.resolved && !entry.resolved.startsWith("https://registry.npmjs.org/")) {
      problems.push(`${path}: comes from ${entry.resolved}, not the npm registry`);
    }
    const bad = knownBad.packages[name];
    if (bad && entry.version && bad.versions.includes(entry.version)) {
      problems.push(`${name}@${entry.version}: known malicious release (${bad.reason})`);
    }
  }
  for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range))
      problems.push(`package.json: ${name} is "${range}", not an exact version`);
  }
  return problems;
}

if (import.meta.main) {
  const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), "utf8"));
  const lock = read("package-lock.json") as LockFile;
  const problems = checkLockfile(lock, read("package.json"), read("security/known-bad-packages.json"));
  const count = Object.keys(lock.packages).filter((path) => path.includes("node_modules/")).length;
  if (problems.length > 0) {
    process.stderr.write(
      `lock file check: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join("\n")}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `lock file check: ${count} packages, all with sha512 integrity, from the npm registry, none on the known-bad list; ` +
      "advisories for vulnerable versions are NOT checked offline (npm audit needs the registry)\n",
  );
}
