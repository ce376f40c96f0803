import type { Tx } from "../../db/index.ts";
import { moveWorkshopRequest, type WorkshopRequest, type WorkshopStepOptions } from "./workshop-request-steps.ts";

/** The municipality takes the quoted price. */
export function acceptWorkshopQuote(tx: Tx, o: WorkshopStepOptions): Promise<WorkshopRequest> {
  return moveWorkshopRequest(tx, o, "accept");
}
