import type { Config } from "../../src/platform/config.ts";

const isHttps = (config: Config) => config.publicUrl.startsWith("https:");

/**
 * Our own cookies: HttpOnly, SameSite=Lax, path /; on https also Secure and the `__Host-` prefix, which the browser
 * only accepts from this exact host over TLS, so a sibling subdomain cannot plant or overwrite it.
 */
export function cookieName(config: Config, name: string): string {
  return isHttps(config) ? `__Host-${name}` : name;
}

export function setCookie(config: Config, name: string, value: string, maxAgeSeconds: number): string {
  const parts = [
    `${cookieName(config, name)}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (isHttps(config)) parts.push("Secure");
  return parts.join("; ");
}

export const clearCookie = (config: Config, name: string) => setCookie(config, name, "", 0);

export function readCookie(request: Request, config: Config, name: string): string | undefined {
  const wanted = cookieName(config, name);
  for (const pair of (request.headers.get("Cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === wanted) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim()) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
