import type { Tx } from "../../db/index.ts";
import { ProgrammeError } from "./errors.ts";
import { moveWorkshopRequest, type WorkshopRequest, type WorkshopStepOptions } from "./workshop-request-steps.ts";

export type QuoteWorkshopOptions = WorkshopStepOptions & { quoteCents: number; quoteNote: string };

/** Staff send a price; the offer says "op aanvraag", so every request gets its own. */
export function quoteWorkshop(tx: Tx, o: QuoteWorkshopOptions): Promise<WorkshopRequest> {
  if (!Number.isSafeInteger(o.quoteCents) || o.quoteCents < 0)
    throw new ProgrammeError("programme.amount-not-positive");
  return moveWorkshopRequest(tx, o, "quote", { quoteCents: o.quoteCents, quoteNote: o.quoteNote });
}
