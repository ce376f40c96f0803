import type { Logger } from "pino";
import { createContext, type RouterContextProvider } from "react-router";
import type { Database } from "../../src/db/index.ts";
import type { Config } from "../../src/platform/config.ts";
import type { MessageKey } from "../i18n/catalogue.ts";

/** Long-lived parts the HTTP server hands to every request. */
export type Services = {
  readonly db: Database;
  readonly config: Config;
  readonly logger: Logger;
  /** Asks this instance's queue worker to look for due jobs now (after a request committed some). */
  readonly queue: { wake(): void };
};

/** What the HTTP layer knows about one request before React Router sees it. */
export type RequestState = {
  readonly requestId: string;
  /** For the strict Content-Security-Policy: only scripts carrying it run. */
  readonly nonce: string;
  readonly logger: Logger;
  /** The visitor's address (behind a proxy on loopback: the forwarded one), for rate limits. */
  readonly clientIp: string;
  /**
   * The message keys the page at this path can show, when the build listed them (ADR 0038); `pattern`, the route
   * pattern React Router matched, lets a page's later visits skip matching.
   */
  readonly messageKeys?: (pathname: string, pattern?: string) => readonly MessageKey[] | undefined;
};

export const servicesContext = createContext<Services>();
export const requestContext = createContext<RequestState>();

export function services(context: Readonly<RouterContextProvider>): Services {
  return context.get(servicesContext);
}

export function requestState(context: Readonly<RouterContextProvider>): RequestState {
  return context.get(requestContext);
}
