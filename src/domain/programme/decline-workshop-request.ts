import type { Tx } from "../../db/index.ts";
import { moveWorkshopRequest, type WorkshopRequest, type WorkshopStepOptions } from "./workshop-request-steps.ts";

/** Staff say no to a request that has not been accepted yet. */
export function declineWorkshopRequest(tx: Tx, o: WorkshopStepOptions): Promise<WorkshopRequest> {
  return moveWorkshopRequest(tx, o, "decline");
}
