import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * shared/ sits beside the repository (CI has it there too); it is read in place, never copied. A checkout elsewhere
 * (a git worktree) names it with SAMENSPEL_SHARED.
 */
const shared = process.env.SAMENSPEL_SHARED
  ? pathToFileURL(`${process.env.SAMENSPEL_SHARED.replace(/\/$/, "")}/`)
  : new URL("../../../../shared/", import.meta.url);
export const pabulibDir = fileURLToPath(new URL("pabulib/", shared));
export const expectedDir = fileURLToPath(new URL("pabulib-expected/", shared));

export function corpusFiles(): string[] {
  return existsSync(pabulibDir)
    ? readdirSync(pabulibDir)
        .filter((f) => f.endsWith(".pb"))
        .sort()
    : [];
}

export type Expected = { readonly rule: string; readonly selected: readonly string[]; readonly seconds: number };

/** Reference outcomes available for a file, by rule id (file_selected, the official outcome, is not a rule). */
export function expectedOutcomes(file: string): Expected[] {
  if (!existsSync(expectedDir)) return [];
  return readdirSync(expectedDir)
    .filter((f) => f.startsWith(`${file}.`) && f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(`${expectedDir}${f}`, "utf8")) as Expected)
    .filter((e) => e.rule !== "file_selected");
}
