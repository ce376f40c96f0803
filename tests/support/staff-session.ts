import { expect } from "vitest";
import { type DatabaseHandle, withPlatform } from "../../src/db/index.ts";
import { findOrCreatePerson, grantRole, setPassword } from "../../src/domain/identity/index.ts";

/** The password of every staff member these tests sign in with. */
export const STAFF_PASSWORD = "een lange zin als wachtwoord";

/** A municipal staff member of each of `tenantIds`, who signs in with `STAFF_PASSWORD`. */
export async function givenStaffMember(
  handle: DatabaseHandle,
  tenantIds: readonly string[],
  o: { email: string; displayName: string },
): Promise<void> {
  await withPlatform(handle.db, async (tx) => {
    const person = await findOrCreatePerson(tx, o);
    await setPassword(tx, { personId: person.id, password: STAFF_PASSWORD, now: new Date() });
    for (const tenantId of tenantIds) await grantRole(tx, { tenantId, personId: person.id, role: "municipal-staff" });
  });
}

/** Posts the password form of the app at `url` for `email`; the answer as it comes (a 302 when it signs in). */
export function signIn(url: string, email: string, password = STAFF_PASSWORD): Promise<Response> {
  return fetch(`${url}/inloggen`, {
    method: "POST",
    body: new URLSearchParams({ intent: "password", email, password }),
    redirect: "manual",
  });
}

/** Signs `email` in with the password form of the app at `url`; the session's cookie header. */
export async function staffCookie(url: string, email: string): Promise<string> {
  const response = await signIn(url, email);
  expect(response.status).toBe(302);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** A staff change that the municipality's public pages show: a village council for `kern`, made through the form. */
export async function addVillageCouncil(
  url: string,
  o: { municipality: string; cookie: string; kern: string; slug: string; name: string },
): Promise<Response> {
  return fetch(`${url}/${o.municipality}/beheer/raden`, {
    method: "POST",
    headers: { Cookie: o.cookie },
    body: new URLSearchParams([
      ["intent", "create"],
      ["slug", o.slug],
      ["name", o.name],
      ["kind", "village-council"],
      ["basis", "association"],
      ["basisUrl", ""],
      ["description", ""],
      ["memberSeats", "3"],
      ["areas", o.kern],
    ]),
    redirect: "manual",
  });
}
