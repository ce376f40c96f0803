import type { RequestHandler } from "express";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/**
 * Whether the server refuses a request target (path and query as sent) before any route sees it: percent escapes
 * that are not UTF-8, or a control character once decoded (`/%00/beheer`, `?q=%0A`). Route parameters and query
 * values then never carry a NUL to PostgreSQL nor a line break into a header, whatever route reads them.
 */
export function isRefusedTarget(target: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return true;
  }
  return CONTROL_CHARACTERS.test(decoded);
}

export const refuseMalformedTargets: RequestHandler = (req, res, next) => {
  if (!isRefusedTarget(req.originalUrl)) return next();
  res.status(400).type("text/plain").send("This address holds characters that are not allowed.");
};
