import pino from "pino";
import { RouterContextProvider } from "react-router";
import { requestContext, type Services, servicesContext } from "../../app/server/context.ts";
import { type DatabaseHandle, withPlatform } from "../../src/db/index.ts";
import { createSession } from "../../src/domain/identity/index.ts";
import { loadConfig } from "../../src/platform/config.ts";

const PUBLIC_URL = "http://samenspel.test";

/**
 * Calls route loaders and actions in-process against a real database, as the HTTP server would: the same request
 * context, a real session cookie. For route tests of forms (bad input changes nothing) without a browser.
 */
export function routeHarness(handle: DatabaseHandle) {
  const config = loadConfig({ NODE_ENV: "test", PORT: "0", PUBLIC_URL, LOG_LEVEL: "silent", SEED_DEMO: "false" });
  const services: Services = { db: handle.db, config, logger: pino({ level: "silent" }), queue: { wake() {} } };
  /** The request context the HTTP server gives, with the visitor's address (for rate limits and lockouts). */
  const context = (clientIp = "192.0.2.1") => {
    const provider = new RouterContextProvider();
    provider.set(servicesContext, services);
    provider.set(requestContext, { requestId: "test", nonce: "test", logger: services.logger, clientIp });
    return provider;
  };

  /** A session cookie for this person, as if they had signed in. */
  const signIn = async (personId: string) => {
    const session = await withPlatform(handle.db, (tx) =>
      createSession(tx, { personId, method: "magic-link", now: new Date() }),
    );
    return `samenspel-sessie=${encodeURIComponent(session.token)}`;
  };

  /** A form post; a list is sent as the same field repeated, as ticked checkboxes are. */
  const post = (path: string, cookie: string, fields: Record<string, string | string[]>) =>
    new Request(`${PUBLIC_URL}${path}`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(
        Object.entries(fields).flatMap(([name, value]) => [value].flat().map((one) => [name, one])),
      ),
    });
  const get = (path: string, cookie: string) => new Request(`${PUBLIC_URL}${path}`, { headers: { Cookie: cookie } });

  return { context, signIn, post, get, config };
}

/** What an action answered: a redirect's location, or the status and the form's reply. */
export async function answerOf(run: () => Promise<unknown>) {
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) {
    return { status: outcome.status, location: outcome.headers.get("Location"), response: outcome };
  }
  const wrapped = outcome as { data?: unknown; init?: { status?: number } | null };
  const body = (wrapped?.data ?? outcome) as {
    result?: { error?: Record<string, string[] | null> | null };
  };
  return { status: wrapped?.init?.status ?? 200, errors: body?.result?.error ?? {}, body };
}
