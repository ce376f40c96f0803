import type { RouterContextProvider } from "react-router";
import type { ProcessesErrorCode } from "../../src/domain/processes/index.ts";
import { isDomainError } from "../../src/domain/shared/index.ts";
import { services } from "./context.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";
import { notFound } from "./http.server.ts";

/** Every refusal of the processes context, as a status and a message next to its field (typed: none is missed). */
export const processErrors = {
  "processes.not-found": { status: 404, message: "processes.error.notFound" },
  "processes.slug-taken": { status: 409, message: "processes.error.slugTaken", field: "title" },
  "processes.unknown-template": { status: 422, message: "processes.template.required", field: "template" },
  "processes.phase-not-found": { status: 404, message: "processes.error.phaseNotFound" },
  "processes.phase-dates": { status: 422, message: "processes.error.phaseOverlap", field: "startsOn" },
  "processes.stage-taken": { status: 409, message: "processes.error.stageTaken", field: "stage" },
  "processes.phase-starts-past": { status: 422, message: "processes.error.phaseStartsPast", field: "startsOn" },
  "processes.phase-started": { status: 409, message: "processes.error.phaseStarted" },
  "processes.reason-required": { status: 422, message: "processes.error.removeReason", field: "reason" },
  "processes.moment-changed": { status: 409, message: "processes.error.momentChanged" },
  "processes.moment-not-found": { status: 404, message: "processes.error.momentNotFound" },
  "processes.moment-dates": { status: 422, message: "processes.error.momentDates", field: "closesOn" },
  "processes.moment-outside-phase": { status: 422, message: "processes.error.momentOutsidePhase", field: "opensOn" },
  "processes.no-phases": { status: 409, message: "processes.error.noPhases" },
  "processes.below-ordinance": { status: 409, message: "processes.error.belowOrdinance", field: "acceptFlags" },
  "processes.already-published": { status: 409, message: "processes.error.alreadyPublished" },
  "processes.feedback-empty": { status: 422, message: "processes.error.feedbackEmpty" },
  "processes.not-closed": { status: 409, message: "processes.error.notClosed" },
  "processes.no-remark": { status: 409, message: "processes.error.noRemark" },
  "processes.round-not-found": { status: 422, message: "processes.error.roundNotFound", field: "round" },
  "processes.advice-not-found": { status: 422, message: "processes.error.adviceNotFound", field: "advice" },
  "processes.fund-not-found": { status: 422, message: "processes.error.fundNotFound", field: "fund" },
} as const satisfies Record<ProcessesErrorCode, DomainErrorAnswer>;

/** A loader's read of one process: an unknown one is a 404, not an error. */
export async function processOrNotFound<T>(read: Promise<T | undefined>): Promise<T> {
  let found: T | undefined;
  try {
    found = await read;
  } catch (error) {
    if (isDomainError(error) && error.code === "processes.not-found") notFound();
    throw error;
  }
  if (found === undefined) notFound();
  return found;
}

type Context = Readonly<RouterContextProvider>;

/** The addresses of a process's public pages, absolute for mails, feeds and the API. */
export function processLinks(context: Context, gemeente: string, slug: string) {
  const card = `/${gemeente}/processen/${slug}`;
  const publicUrl = services(context).config.publicUrl;
  return {
    card,
    pdf: `${card}/kaart.pdf`,
    absolute: `${publicUrl}${card}`,
    absolutePdf: `${publicUrl}${card}/kaart.pdf`,
  };
}
