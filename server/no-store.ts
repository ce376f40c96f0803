import type { RequestHandler } from "express";

/** Our session cookie, with or without the `__Host-` prefix it carries on https (`app/server/cookies.server.ts`). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?samenspel-sessie=/;

/**
 * A page for a signed-in person may hold their personal data: no browser or proxy may keep a copy
 * (`Cache-Control: no-store`), whatever the route itself asked for. Also for the answer that starts a session.
 * Static files are served before this and keep their long cache life.
 */
export const noStoreWhenSignedIn: RequestHandler = (req, res, next) => {
  const signedIn = SESSION_COOKIE.test(req.get("cookie") ?? "");
  const writeHead = res.writeHead;
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    const setCookie = String(this.getHeader("set-cookie") ?? "");
    if (signedIn || /(?:^|,)\s*(?:__Host-)?samenspel-sessie=[^;,]/.test(setCookie)) {
      this.setHeader("Cache-Control", "no-store");
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
};
