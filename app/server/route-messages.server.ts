import { matchRoutes, type RouteObject } from "react-router";
import { type MessageKey, messageKeys } from "../i18n/catalogue.ts";

// The root loader's way to the catalogue: a `.server` module, so the browser bundle never holds it.
export { messagesFor } from "../i18n/catalogue.ts";

/** A server build's routes as React Router lists them; `i18nKeys` is added to each route module by the build. */
export type BuildRoutes = Readonly<
  Record<
    string,
    | {
        id: string;
        parentId?: string | undefined;
        path?: string | undefined;
        index?: boolean | undefined;
        caseSensitive?: boolean | undefined;
        module: unknown;
      }
    | undefined
  >
>;

/**
 * The message keys a page can show, by its address: the union of the keys its matched routes' code names, as
 * `scripts/vite/route-messages.ts` found them at build time (ADR 0038). Without a build's lists (the development
 * server) the answer is undefined: the page gets the whole catalogue of its language.
 */
export function routeMessageKeys(
  routes: BuildRoutes,
): (pathname: string, pattern?: string) => readonly MessageKey[] | undefined {
  const own = new Map<string, readonly MessageKey[]>();
  for (const route of Object.values(routes)) {
    const keys = route && (route.module as { i18nKeys?: unknown }).i18nKeys;
    if (!route || !Array.isArray(keys)) return () => undefined;
    own.set(route.id, keys as MessageKey[]);
  }
  const tree = nest(routes);
  // Per leaf route: a page's set is the same on every visit, so the union is made once.
  const byLeaf = new Map<string, readonly MessageKey[]>();
  const known = new Set<string>(messageKeys);
  // Per matched pattern (`/:gemeente/burgerbegroting/:ronde`), which React Router hands every loader: matching the
  // address against some 200 routes again cost more than a ballot's hashing, on every page (matchRoutes flattens
  // and ranks the whole table each call).
  const byPattern = new Map<string, readonly MessageKey[]>();
  return (pathname, pattern) => {
    const cached = pattern === undefined ? undefined : byPattern.get(pattern);
    if (cached) return cached;
    const matches = matchRoutes(tree, pathname) ?? matchRoutes(tree, "/") ?? [];
    const leaf = matches.at(-1)?.route.id ?? "root";
    let keys = byLeaf.get(leaf);
    if (!keys) {
      const union = new Set<MessageKey>(own.get("root"));
      for (const match of matches) for (const key of own.get(match.route.id ?? "") ?? []) union.add(key);
      keys = [...union].filter((key) => known.has(key)).sort();
      byLeaf.set(leaf, keys);
    }
    if (pattern !== undefined) byPattern.set(pattern, keys);
    return keys;
  };
}

function nest(routes: BuildRoutes): RouteObject[] {
  const children = new Map<string | undefined, RouteObject[]>();
  for (const route of Object.values(routes)) {
    if (!route) continue;
    const siblings = children.get(route.parentId) ?? [];
    children.set(route.parentId, siblings);
    siblings.push(
      route.index
        ? { id: route.id, index: true, path: route.path }
        : { id: route.id, path: route.path, caseSensitive: route.caseSensitive ?? false },
    );
  }
  const attach = (list: RouteObject[]): RouteObject[] =>
    list.map((route) => {
      const below = route.id ? children.get(route.id) : undefined;
      return below && !route.index ? { ...route, children: attach(below) } : route;
    });
  return attach(children.get(undefined) ?? []);
}
