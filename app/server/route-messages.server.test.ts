import { describe, expect, it } from "vitest";
import { routeMessageKeys } from "./route-messages.server.ts";

const routes = {
  root: { id: "root", path: "", module: { i18nKeys: ["error.title"] } },
  "routes/home": { id: "routes/home", parentId: "root", index: true, module: { i18nKeys: ["home.title"] } },
  municipality: {
    id: "municipality",
    parentId: "root",
    path: ":gemeente",
    module: { i18nKeys: ["municipality.logoAlt"] },
  },
  "municipality/home": {
    id: "municipality/home",
    parentId: "municipality",
    index: true,
    module: { i18nKeys: ["municipality.province"] },
  },
  "not-found": { id: "not-found", parentId: "root", path: "*", module: { i18nKeys: ["error.notFound.title"] } },
};

describe("routeMessageKeys", () => {
  it("gives a page the keys of every route it matches, the root's included, and no others", () => {
    const keysFor = routeMessageKeys(routes);
    expect(keysFor("/")).toEqual(["error.title", "home.title"]);
    expect(keysFor("/dijkstad")).toEqual(["error.title", "municipality.logoAlt", "municipality.province"]);
    expect(keysFor("/dijkstad/nergens/hier")).toEqual(["error.notFound.title", "error.title"]);
  });

  it("remembers a page's keys by the route pattern React Router matched, so its next visit matches nothing", () => {
    const keysFor = routeMessageKeys(routes);
    const municipal = ["error.title", "municipality.logoAlt", "municipality.province"];
    expect(keysFor("/dijkstad", "/:gemeente")).toEqual(municipal);
    expect(keysFor("/veenhoven", "/:gemeente")).toEqual(municipal);
    // An address that would match elsewhere gets the pattern's keys: the pattern, not the address, was looked up.
    expect(keysFor("/", "/:gemeente")).toEqual(municipal);
    expect(keysFor("/", "/")).toEqual(["error.title", "home.title"]);
  });

  it("drops a name that is not a message key, so a stray literal cannot add to the page", () => {
    const keysFor = routeMessageKeys({ root: { id: "root", path: "", module: { i18nKeys: ["error.title", "x.y"] } } });
    expect(keysFor("/")).toEqual(["error.title"]);
  });

  it("knows nothing without the build's lists (the development server): the page gets the whole catalogue", () => {
    const keysFor = routeMessageKeys({
      ...routes,
      root: { id: "root", path: "", module: { i18nKeys: "__i18nKeys:x" } },
    });
    expect(keysFor("/")).toBeUndefined();
  });
});
