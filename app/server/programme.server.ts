import { data, type RouterContextProvider } from "react-router";
import { type Tx, withTenant } from "../../src/db/index.ts";
import { findProgrammeTenant, type Tenant } from "../../src/domain/tenancy/index.ts";
import { services } from "./context.ts";

/** The national programme's tenant: the one look-up every programme page and action shares. */
const findProgramme = (context: Readonly<RouterContextProvider>) => findProgrammeTenant(services(context).db);

/** The national programme's tenant, or a 404 on a platform that has none yet. */
export async function programmeTenant(context: Readonly<RouterContextProvider>): Promise<Tenant> {
  const programme = await findProgramme(context);
  if (!programme) throw data(null, { status: 404 });
  return programme;
}

/**
 * Reads the national programme's public content inside its tenant. Undefined when the platform has no programme
 * yet (an empty database).
 */
export async function readProgramme<T>(
  context: Readonly<RouterContextProvider>,
  read: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T | undefined> {
  const programme = await findProgramme(context);
  if (!programme) return undefined;
  return withTenant(services(context).db, { tenantId: programme.id }, (tx) => read(tx, programme.id));
}
