import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Writes whose only authority is a secret in the URL, never a cookie: a mail provider posts the one-click
 * unsubscribe (RFC 8058) from wherever it runs, so there is no ambient credential to protect.
 */
const TOKEN_ONLY_WRITES = /^\/nieuwsbrief\/afmelden\/[A-Za-z0-9_-]+$/;

/**
 * CSRF defence in depth (ADR 0004): SameSite=Lax cookies and "no GET mutates" already keep other sites' forms from
 * acting as the visitor; this refuses any state-changing request a browser marks as cross-site, by `Sec-Fetch-Site`
 * or, for browsers without it, by an `Origin` that is not ours. Requests without either (curl, tests) are not from a
 * browser and carry no ambient cookie a third party could borrow.
 */
export function rejectCrossSiteWrites(publicUrl: string): RequestHandler {
  const publicOrigin = new URL(publicUrl).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || TOKEN_ONLY_WRITES.test(req.path)) return next();
    const fetchSite = req.get("sec-fetch-site");
    const origin = req.get("origin");
    const ownOrigin = `${req.protocol}://${req.get("host")}`;
    const crossSite = fetchSite
      ? fetchSite !== "same-origin" && fetchSite !== "none"
      : origin !== undefined && origin !== ownOrigin && origin !== publicOrigin;
    if (!crossSite) return next();
    req.log?.warn({ origin, fetchSite }, "refused a cross-site write");
    res.status(403).type("text/plain").send("Cross-site request refused");
  };
}
