import { and, eq } from "drizzle-orm";
import { schema, type Tx } from "../../db/index.ts";
import { CouncilsError } from "./errors.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The council row, locked: every change to its seats is decided one after the other (parents before children). */
export async function lockCouncil(tx: Tx, o: { tenantId: string; councilId: string }) {
  if (!UUID.test(o.councilId)) throw new CouncilsError("councils.not-found");
  const [council] = await tx
    .select({ id: schema.councils.id, memberSeats: schema.councils.memberSeats })
    .from(schema.councils)
    .where(and(eq(schema.councils.tenantId, o.tenantId), eq(schema.councils.id, o.councilId)))
    .for("update");
  if (!council) throw new CouncilsError("councils.not-found");
  return council;
}

export const isUuid = (value: string) => UUID.test(value);
