import { createHash } from "node:crypto";
import type { Plugin } from "vite";

/** A class test built from the browser code: the names it holds, and prefixes it completes at run time. */
export type ClassTest = (name: string) => boolean;

/**
 * The `utrecht-*` class names the browser code can set: the literal names, and every name under a prefix the code
 * completes at run time (`` `utrecht-alert--${type}` `` becomes `"utrecht-alert--"+e` or stays a template).
 */
export function usedClasses(codes: readonly string[]): ClassTest {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  for (const code of codes) {
    for (const [, name, completed] of code.matchAll(/(utrecht-[\w-]*)(\$\{|["'`]\s*\+)?/g)) {
      if (name === undefined) continue;
      if (completed || name.endsWith("-")) prefixes.add(name);
      else names.add(name);
    }
  }
  return (name) => names.has(name) || [...prefixes].some((prefix) => name.startsWith(prefix));
}

/**
 * Drops the selectors that need a `utrecht-*` class the pages never set, and the rules left without selectors.
 * The stylesheet is the design system's compiled CSS: rules and at-rule blocks, no nesting inside rules.
 */
export function pruneCss(css: string, isUsed: ClassTest): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const open = nextBrace(css, i);
    if (open === -1) {
      out += css.slice(i);
      break;
    }
    const prelude = css.slice(i, open);
    const close = matchingBrace(css, open);
    const body = css.slice(open + 1, close);
    const head = prelude.replace(/\/\*[\s\S]*?\*\//g, "").trim();
    if (head.startsWith("@")) {
      // @media, @supports, @layer: prune inside; @font-face, @keyframes, @property hold no selectors.
      const inner = /^@(media|supports|layer|container)\b/.test(head) ? pruneCss(body, isUsed) : body;
      if (inner.trim() !== "") out += `${head}{${inner}}`;
    } else {
      const kept = splitSelectors(head).filter((selector) =>
        [...selector.matchAll(/\.(utrecht-[\w-]+)/g)].every(([, name]) => name !== undefined && isUsed(name)),
      );
      if (kept.length > 0) out += `${kept.join(",")}{${body}}`;
    }
    i = close + 1;
  }
  return out;
}

function nextBrace(css: string, from: number): number {
  for (let i = from; i < css.length; i++) {
    const c = css[i];
    if (c === "{") return i;
    if (c === "/" && css[i + 1] === "*") i = css.indexOf("*/", i + 2) + 1 || css.length;
    else if (c === '"' || c === "'") i = endOfString(css, i);
  }
  return -1;
}

function matchingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
    else if (c === "/" && css[i + 1] === "*") i = css.indexOf("*/", i + 2) + 1 || css.length;
    else if (c === '"' || c === "'") i = endOfString(css, i);
  }
  throw new Error(`prune-css: unbalanced braces from offset ${open}`);
}

function endOfString(css: string, start: number): number {
  const quote = css[start];
  for (let i = start + 1; i < css.length; i++) {
    if (css[i] === "\\") i++;
    else if (css[i] === quote) return i;
  }
  return css.length;
}

/** Commas inside `:is(…)`, `:where(…)` or `:not(…)` do not separate selectors. */
function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts.filter((part) => part !== "");
}

/**
 * The Utrecht component library ships as one stylesheet of every component (577 kB with the theme). After the
 * browser build, the stylesheets keep only the rules for the `utrecht-*` classes its code can set (ADR 0038): a
 * component a page starts to use brings its class names into the bundle, and with them its rules. A pruned sheet
 * gets a name from its new content, since assets are cached for a year as immutable: the same sources with another
 * component in use must not keep the old name.
 */
export function pruneUtrechtCss(): Plugin {
  return {
    name: "samenspel:prune-utrecht-css",
    apply: "build",
    enforce: "post",
    applyToEnvironment: (environment) => environment.name === "client",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((file) => (file.type === "chunk" ? [file] : []));
      const isUsed = usedClasses(chunks.map((chunk) => chunk.code));
      for (const file of Object.values(bundle)) {
        if (file.type !== "asset" || !file.fileName.endsWith(".css")) continue;
        const source = pruneCss(String(file.source), isUsed);
        const hash = createHash("sha256").update(source).digest("base64url").slice(0, 8);
        const renamed = file.fileName.replace(/-[\w-]{8}\.css$/, `-${hash}.css`);
        delete bundle[file.fileName];
        this.emitFile({ type: "asset", fileName: renamed, source });
        // Vite's manifest (which React Router's is made from) lists each chunk's stylesheets from this set.
        for (const chunk of chunks) {
          const css = (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss;
          if (css?.delete(file.fileName)) css.add(renamed);
          if (chunk.code.includes(file.fileName)) chunk.code = chunk.code.replaceAll(file.fileName, renamed);
        }
      }
    },
  };
}
