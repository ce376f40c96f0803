import type { RouterContextProvider } from "react-router";
import type { InitiativeDeskErrorCode, InitiativeUrls } from "../../src/domain/initiatives/index.ts";
import { services } from "./context.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";

/** Every refusal of the initiatives desk and the uitdaagrecht, with its status and plain-language message (typed: none is missed). */
export const initiativesErrors = {
  "initiatives.initiative-not-found": { status: 404, message: "initiatives.error.notFound" },
  "initiatives.area-not-found": { status: 422, message: "initiatives.error.area", field: "area" },
  "initiatives.link-invalid": { status: 404, message: "initiatives.error.linkInvalid" },
  "initiatives.not-staff": { status: 422, message: "initiatives.error.notStaff", field: "contact" },
  "initiatives.assigned-meanwhile": { status: 409, message: "initiatives.error.assignedMeanwhile" },
  "initiatives.step-not-allowed": { status: 409, message: "initiatives.error.stepNotAllowed" },
  "initiatives.no-contact-person": { status: 409, message: "initiatives.error.noContactPerson" },
  "initiatives.reason-required": { status: 400, message: "initiatives.error.reasonRequired", field: "reason" },
  "initiatives.message-required": { status: 400, message: "form.required", field: "body" },
  "initiatives.closed": { status: 409, message: "initiatives.error.closed" },
  "initiatives.term-invalid": { status: 400, message: "initiatives.term.invalid" },
  "initiatives.challenge-not-found": { status: 404, message: "initiatives.error.challengeNotFound" },
  "initiatives.challenge-step-not-allowed": { status: 409, message: "initiatives.error.challengeStepNotAllowed" },
  "initiatives.challenge-decided": { status: 409, message: "initiatives.error.challengeDecided" },
  "initiatives.term-already-extended": { status: 409, message: "initiatives.error.alreadyExtended" },
} as const satisfies Record<InitiativeDeskErrorCode, DomainErrorAnswer>;

/** "Send my link again" refuses only a visitor or an address that asked too often. */
export const lostLinkErrors = {
  "identity.rate-limited": { status: 429, message: "initiatives.lostLink.rateLimited" },
} as const satisfies Record<"identity.rate-limited", DomainErrorAnswer>;

/** Where the desk's mails point, for a municipality. */
export function initiativeUrls(context: Readonly<RouterContextProvider>, slug: string): InitiativeUrls {
  const base = `${services(context).config.publicUrl}/${slug}`;
  return {
    initiator: (token) => `${base}/initiatieven/mijn/${token}`,
    lostLink: `${base}/initiatieven/link-kwijt`,
    staff: (id) => `${base}/beheer/initiatieven/${id}`,
  };
}

/** The public register of uitdaagrecht requests, for the requester's mails. */
export const challengeRegisterUrl = (context: Readonly<RouterContextProvider>, slug: string) =>
  `${services(context).config.publicUrl}/${slug}/uitdaagrecht`;
