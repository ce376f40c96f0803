import { data, type RouterContextProvider, redirect } from "react-router";
import {
  type CurrentSession,
  findSession,
  findTenantAccess,
  type Permission,
  type Role,
  rolesGrant,
  type SignInResult,
} from "../../src/domain/identity/index.ts";
import type { Tenant } from "../../src/domain/tenancy/index.ts";
import { services } from "./context.ts";
import { clearCookie, readCookie, setCookie } from "./cookies.server.ts";
import { safeReturnPath } from "./return-path.server.ts";

type Context = Readonly<RouterContextProvider>;

const SESSION_COOKIE = "samenspel-sessie";
const SECOND_STEP_COOKIE = "samenspel-tweede-stap";

export type Actor = {
  personId: string;
  email: string;
  displayName: string;
  locale: "nl" | "en";
  sessionIdHash: string;
  method: CurrentSession["method"];
  acr: string | null;
  signedInAt: Date;
};

const actors = new WeakMap<Request, Promise<Actor | undefined>>();

/** The signed-in person, looked up in the database once per request (sessions live there, not in the process). */
export function getActor(request: Request, context: Context): Promise<Actor | undefined> {
  let actor = actors.get(request);
  if (!actor) {
    actor = lookUpActor(request, context);
    actors.set(request, actor);
  }
  return actor;
}

async function lookUpActor(request: Request, context: Context): Promise<Actor | undefined> {
  const { db, config } = services(context);
  const token = readCookie(request, config, SESSION_COOKIE);
  if (!token) return undefined;
  // One read: no transaction needed (BEGIN and COMMIT would double its round trips on every signed-in request).
  const session = await findSession(db, { token, now: new Date() });
  if (!session) return undefined;
  const { person } = session;
  return {
    personId: person.id,
    email: person.email,
    displayName: person.displayName,
    locale: person.locale,
    sessionIdHash: session.idHash,
    method: session.method,
    acr: session.acr,
    signedInAt: session.signedInAt,
  };
}

/** Signed in, or off to the sign-in page, which brings the person back here afterwards. */
export async function requireActor(request: Request, context: Context): Promise<Actor> {
  const actor = await getActor(request, context);
  if (actor) return actor;
  const url = new URL(request.url);
  throw redirect(`/inloggen?${new URLSearchParams({ terug: url.pathname + url.search })}`);
}

export type StaffAccess = { actor: Actor; tenant: Tenant; roles: Role[] };

/**
 * For staff pages of one tenant: `tenantSlug` names a municipality, or is undefined for the programme's own area.
 * Unknown tenant → 404; signed in without the permission there → 403. Roles in one tenant never count in another.
 */
export async function requireTenantPermission(
  request: Request,
  context: Context,
  tenantSlug: string | undefined,
  permission: Permission,
): Promise<StaffAccess> {
  const { db, config } = services(context);
  // The session is looked up once per request (the root loader asks too); the tenant and the roles come in one read
  // beside it, keyed by the same cookie, outside a transaction as the session is.
  const token = readCookie(request, config, SESSION_COOKIE);
  const [actor, access] = await Promise.all([
    getActor(request, context),
    findTenantAccess(db, { tenantSlug, token, now: new Date() }),
  ]);
  if (!access || (tenantSlug !== undefined && access.tenant.kind !== "municipality")) {
    throw data(null, { status: 404 });
  }
  const signedIn = actor ?? (await requireActor(request, context));
  const roles = actor ? access.roles : [];
  if (!rolesGrant(roles, permission)) throw data(null, { status: 403 });
  return { actor: signedIn, tenant: access.tenant, roles };
}

/** Where a finished first step leads: a session cookie and back, or the TOTP step with a short-lived cookie. */
export function afterSignIn(context: Context, result: SignInResult): Response {
  const { config } = services(context);
  const headers = new Headers();
  if (result.kind === "second-factor") {
    headers.append("Set-Cookie", setCookie(config, SECOND_STEP_COOKIE, result.pendingToken, 600));
    const query = result.returnTo ? `?${new URLSearchParams({ terug: result.returnTo })}` : "";
    return redirect(`/inloggen/tweede-stap${query}`, { headers });
  }
  headers.append("Set-Cookie", sessionCookie(context, result.session));
  headers.append("Set-Cookie", clearCookie(config, SECOND_STEP_COOKIE));
  return redirect(safeReturnPath(result.returnTo, "/account"), { headers });
}

export function sessionCookie(context: Context, session: { token: string; expiresAt: Date }): string {
  const { config } = services(context);
  return setCookie(config, SESSION_COOKIE, session.token, (session.expiresAt.getTime() - Date.now()) / 1000);
}

export const clearSessionCookie = (context: Context) => clearCookie(services(context).config, SESSION_COOKIE);

/**
 * The raw session token of this request: a secret only this browser holds (the database keeps its hash, and pages
 * show neither). Seeds values that must stay stable for the session yet unguessable to anyone else.
 */
export const sessionToken = (request: Request, context: Context) =>
  readCookie(request, services(context).config, SESSION_COOKIE);

export const pendingSecondStep = (request: Request, context: Context) =>
  readCookie(request, services(context).config, SECOND_STEP_COOKIE);
