import type { RouterContextProvider } from "react-router";
import { withPlatform } from "../../src/db/index.ts";
import { hitRateLimit } from "../../src/domain/identity/index.ts";
import { requestState, services } from "./context.ts";

/**
 * A public form that sends mail on a visitor's word (the newsletter's subscribe form, a council's contact form): at
 * most `perAddress` requests an hour per e-mail address given and `perVisitor` per visitor address, so it cannot be
 * used to flood a mailbox. Throws `identity.rate-limited` past either; each counter is its own transaction, so a
 * refused request still counts.
 */
export async function limitMailingForm(
  context: Readonly<RouterContextProvider>,
  form: string,
  email: string,
  { perVisitor = 30, perAddress = 5 } = {},
): Promise<void> {
  const { db } = services(context);
  const window = { windowSeconds: 3600, now: new Date() };
  const ip = requestState(context).clientIp;
  await withPlatform(db, (tx) => hitRateLimit(tx, { key: `${form}:ip:${ip}`, limit: perVisitor, ...window }));
  await withPlatform(db, (tx) => hitRateLimit(tx, { key: `${form}:email:${email}`, limit: perAddress, ...window }));
}
