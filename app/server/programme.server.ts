import type { RouterContextProvider } from "react-router";
import { type Tx, withTenant } from "../../src/db/index.ts";
import { findProgrammeTenant } from "../../src/domain/tenancy/index.ts";
import { services } from "./context.ts";

/**
 * Reads the national programme's public content inside its tenant. Undefined when the platform has no programme
 * yet (an empty database).
 */
export async function readProgramme<T>(
  context: Readonly<RouterContextProvider>,
  read: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T | undefined> {
  const { db } = services(context);
  const programme = await findProgrammeTenant(db);
  if (!programme) return undefined;
  return withTenant(db, { tenantId: programme.id }, (tx) => read(tx, programme.id));
}
