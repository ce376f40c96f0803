import Bowser from "bowser";

/**
 * A session's device as people recognise it: "Firefox 128" and "Windows 10", not the raw User-Agent string. When
 * either cannot be told, nothing: the page then says "unknown".
 */
export function describeDevice(userAgent: string | null): { browser: string; system: string } | null {
  if (!userAgent) return null;
  const { browser, os } = Bowser.parse(userAgent);
  const major = browser.version?.split(".")[0];
  const name = [browser.name, major].filter(Boolean).join(" ");
  const system = [os.name, os.versionName ?? os.version].filter(Boolean).join(" ");
  if (!name || !system) return null;
  return { browser: name, system };
}
