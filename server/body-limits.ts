import type { RequestHandler } from "express";
import { matchRoutes, type RouteObject } from "react-router";
import { bodyLimitOf } from "../app/forms/body-limits.ts";

const BODYLESS_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The part of React Router's server build this needs: each route's id, parent, path and module. */
export type RouteManifest = Record<
  string,
  { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean; module: object } | undefined
>;

/**
 * Refuses, before React Router reads a byte, a write that no form of ours sends: a body of another content type
 * (415), a body without a `Content-Length` (411: browsers always send one for forms and files), and a body above
 * the route's limit (413). The limit is the form limit unless the matched route's module declares an upload
 * (`acceptsUpload()` in `app/forms/body-limits.ts`). The connection is closed after a 413 so the rest of the body
 * is never read.
 */
export function limitRequestBodies(manifest: RouteManifest): RequestHandler {
  const routes = routeTree(manifest);
  // A body no route refuses needs no route: matching rebuilds React Router's ranked tree of every route each time,
  // which cost a form post (a ballot) more than its whole database transaction.
  const everyRouteTakes = Math.min(...Object.values(manifest).map((route) => bodyLimitOf(route?.module)));
  return (req, res, next) => {
    if (BODYLESS_METHODS.has(req.method)) return next();
    const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!FORM_TYPES.has(type)) {
      return refuse(res, 415, "Send forms as application/x-www-form-urlencoded or multipart/form-data.");
    }
    const length = req.get("content-length");
    if (length === undefined || !/^\d+$/.test(length)) {
      return refuse(res, 411, "A form needs a Content-Length.");
    }
    if (Number(length) <= everyRouteTakes) return next();
    // A form sent by React Router in the browser goes to the page's address with `.data` added.
    const path = req.path === "/_root.data" ? "/" : req.path.replace(/\.data$/, "");
    const matches = matchRoutes(routes, path) ?? [];
    const leaf = matches.at(-1)?.route as (RouteObject & { module?: object }) | undefined;
    const limit = bodyLimitOf(leaf?.module);
    if (Number(length) > limit) return refuse(res, 413, `Too large: this address takes at most ${limit} bytes.`);
    next();
  };
}

function refuse(res: Parameters<RequestHandler>[1], status: number, message: string) {
  res.set("Connection", "close");
  res.status(status).type("text/plain").send(message);
}

/** React Router's route tree rebuilt from the build's flat manifest, for `matchRoutes` before React Router runs. */
export function routeTree(manifest: RouteManifest): RouteObject[] {
  const childrenOf = (parentId: string | undefined): RouteObject[] =>
    Object.values(manifest)
      .filter((route) => route !== undefined && route.parentId === parentId)
      .map((route) => {
        const children = childrenOf(route!.id);
        const base = { id: route!.id, path: route!.path, caseSensitive: route!.caseSensitive, module: route!.module };
        return (
          route!.index ? { ...base, index: true } : { ...base, ...(children.length ? { children } : {}) }
        ) as RouteObject;
      });
  return childrenOf(undefined);
}
