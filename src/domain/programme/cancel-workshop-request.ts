import type { Tx } from "../../db/index.ts";
import { moveWorkshopRequest, type WorkshopRequest, type WorkshopStepOptions } from "./workshop-request-steps.ts";

/** The municipality withdraws its request, up to acceptance; a scheduled workshop stays. */
export function cancelWorkshopRequest(tx: Tx, o: WorkshopStepOptions): Promise<WorkshopRequest> {
  return moveWorkshopRequest(tx, o, "cancel");
}
