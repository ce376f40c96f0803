import type { Tx } from "../../db/index.ts";
import { acceptWorkshopQuote } from "./accept-workshop-quote.ts";
import { cancelWorkshopRequest } from "./cancel-workshop-request.ts";
import { declineWorkshopRequest } from "./decline-workshop-request.ts";
import { ProgrammeError } from "./errors.ts";
import { notifyWorkshopRequest } from "./notify-workshop-request.ts";
import { quoteWorkshop } from "./quote-workshop.ts";
import { scheduleWorkshop } from "./schedule-workshop.ts";
import {
  type WorkshopRequest,
  type WorkshopSide,
  type WorkshopStepOptions,
  workshopSteps,
} from "./workshop-request-steps.ts";

/** What each step needs besides the request: a price, or a date and place. */
export type WorkshopStepInput =
  | { step: "quote"; quoteCents: number; quoteNote: string }
  | { step: "schedule"; startsAt: Date; endsAt: Date; venue: string; address: string; city: string }
  | { step: "accept" | "decline" | "cancel" };

export type TakeWorkshopStepOptions = WorkshopStepOptions & {
  side: WorkshopSide;
  input: WorkshopStepInput;
  /** Where the municipality follows its requests, for the mail. */
  url: (municipalitySlug: string) => string;
};

/**
 * One step on a workshop request by one side, and the mail to the coordinator who asked, in one transaction: a side
 * that may not take the step is refused (`programme.workshop-step-not-allowed`), whatever its form said.
 */
export async function takeWorkshopStep(tx: Tx, o: TakeWorkshopStepOptions): Promise<WorkshopRequest> {
  const { input } = o;
  if (workshopSteps[input.step].by !== o.side) {
    throw new ProgrammeError("programme.workshop-step-not-allowed", { to: workshopSteps[input.step].to });
  }
  const step = {
    programmeTenantId: o.programmeTenantId,
    requestId: o.requestId,
    actorPersonId: o.actorPersonId,
    now: o.now,
  };
  const request =
    input.step === "quote"
      ? await quoteWorkshop(tx, { ...step, quoteCents: input.quoteCents, quoteNote: input.quoteNote })
      : input.step === "schedule"
        ? await scheduleWorkshop(tx, { ...step, ...input })
        : input.step === "accept"
          ? await acceptWorkshopQuote(tx, step)
          : input.step === "decline"
            ? await declineWorkshopRequest(tx, step)
            : await cancelWorkshopRequest(tx, step);
  await notifyWorkshopRequest(tx, { request, url: o.url, now: o.now });
  return request;
}
