import { describe, expect, it } from "vitest";
import { checkLockfile } from "./check-lockfile.ts";

const knownBad = { packages: { "event-stream": { versions: ["3.3.6"], reason: "backdoor" } } };
const good = { version: "1.0.0", integrity: "sha512-abc" };

describe("checkLockfile", () => {
  it("passes a locked, hashed, pinned tree", () => {
    const lock = { packages: { "": {}, "packages/pb": {}, "node_modules/a": good, "node_modules/@s/b": good } };
    expect(checkLockfile(lock, { dependencies: { a: "1.0.0" } }, knownBad)).toEqual([]);
  });

  it("names a missing hash, a source outside the registry, a known-bad release and a loose range", () => {
    const lock = {
      packages: {
        "node_modules/a": { version: "1.0.0" },
        "node_modules/b": { ...good, resolved: "git+https://example.org/b.git" },
        "node_modules/x/node_modules/event-stream": { version: "3.3.6", integrity: "sha512-x" },
      },
    };
    expect(checkLockfile(lock, { devDependencies: { c: "^2.0.0" } }, knownBad)).toEqual([
      "node_modules/a: no sha512 integrity hash",
      "node_modules/b: comes from git+https://example.org/b.git, not the npm registry",
      "event-stream@3.3.6: known malicious release (backdoor)",
      'package.json: c is "^2.0.0", not an exact version',
    ]);
  });
});
