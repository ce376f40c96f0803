import type { Tx } from "../../db/index.ts";
import { type ApplicationSide, sideMayMoveTo } from "./application-states.ts";
import { ProgrammeError } from "./errors.ts";
import { type MoveApplicationOptions, moveApplication } from "./move-application.ts";
import { notifyApplication } from "./notify-application.ts";
import type { Application } from "./submit-application.ts";

export type TakeApplicationStepOptions = MoveApplicationOptions & {
  side: ApplicationSide;
  /** Where the municipality (by its slug) follows its applications: the link in the mail. */
  url: (municipalitySlug: string) => string;
};

/**
 * One step in an application's life by one side, and the mail about it to the municipality's contacts, in one
 * transaction: a side that may not take the step is refused, whatever its form said.
 */
export async function takeApplicationStep(tx: Tx, o: TakeApplicationStepOptions): Promise<Application> {
  if (!sideMayMoveTo(o.side, o.to)) {
    throw new ProgrammeError("programme.application-transition-not-allowed", { to: o.to });
  }
  const { side: _side, url, ...move } = o;
  const application = await moveApplication(tx, move);
  await notifyApplication(tx, { application, note: o.note, url, now: o.now });
  return application;
}
