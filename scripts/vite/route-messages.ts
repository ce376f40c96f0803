import type { Plugin } from "vite";

/**
 * The message keys a module's source can name: string literals that are keys, and every key under a prefix the
 * code completes at run time (`` `audit.${action}` ``, `"audit." + action`). Over-counting costs a few bytes;
 * missing one would show the generic text, so prefixes take the whole family.
 */
export function keysInSource(code: string, keys: readonly string[], keySet: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const [, , word] of code.matchAll(/(["'`])([A-Za-z][\w.-]*)\1/g)) {
    if (word === undefined) continue;
    if (keySet.has(word)) found.add(word);
    else if (word.endsWith(".")) addPrefixed(found, keys, word);
  }
  for (const [, prefix] of code.matchAll(/`([A-Za-z][\w.-]*\.)\$\{/g)) {
    if (prefix !== undefined) addPrefixed(found, keys, prefix);
  }
  return found;
}

function addPrefixed(found: Set<string>, keys: readonly string[], prefix: string) {
  for (const key of keys) if (key.startsWith(prefix)) found.add(key);
}

const marker = "__i18nKeys:";

/**
 * In the server build, each route module gets an `i18nKeys` export: the keys its own code and everything it
 * imports name, loaders, actions and server helpers included (a domain error mapped to a key in an action reaches
 * the page as data). The root loader sends a page only those messages (ADR 0038). The list is filled in once the
 * whole module graph is known; in the development server it stays a marker string, and pages get every message.
 */
export function routeMessages(keys: readonly string[]): Plugin {
  const keySet = new Set(keys);
  const ownKeys = new Map<string, Set<string>>();
  const routeModules = new Set<string>();
  const closures = new Map<string, string[]>();
  return {
    name: "samenspel:route-messages",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "ssr",
    transform(code, id) {
      const file = id.split("?")[0] ?? id;
      if (file.includes("/node_modules/") || !/\.(ts|tsx)$/.test(file)) return;
      // The catalogue's own tables name every key; a module that translates on the server reaches them too.
      if (!file.includes("/app/i18n/")) ownKeys.set(id, keysInSource(code, keys, keySet));
      if (!/\/app\/(root\.tsx|routes\/.+\.tsx?)$/.test(file) || /\.test\.tsx?$/.test(file)) return;
      routeModules.add(id);
      return { code: `${code}\nexport const i18nKeys = ${JSON.stringify(marker + id)};\n`, map: null };
    },
    buildEnd() {
      for (const id of routeModules) {
        const union = new Set<string>();
        const seen = new Set<string>();
        const visit = (moduleId: string) => {
          if (seen.has(moduleId)) return;
          seen.add(moduleId);
          for (const key of ownKeys.get(moduleId) ?? []) union.add(key);
          const info = this.getModuleInfo(moduleId);
          for (const next of [...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? [])]) visit(next);
        };
        visit(id);
        closures.set(id, [...union].sort());
      }
    },
    renderChunk(code) {
      if (!code.includes(marker)) return null;
      const replaced = code.replace(/(["'])__i18nKeys:([^"']+)\1/g, (_whole, _quote, id: string) => {
        const list = closures.get(id);
        if (!list) throw new Error(`route-messages: no key list for ${id}`);
        return JSON.stringify(list);
      });
      return { code: replaced, map: null };
    },
  };
}
