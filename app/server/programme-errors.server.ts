import type { ProgrammeErrorCode } from "../../src/domain/programme/index.ts";
import type { DomainErrorAnswer } from "./forms.server.ts";

/**
 * Every refusal of the programme context, in plain words. Typed against the context's union: a code the domain can
 * throw without an answer here fails the typecheck. A form whose field has another name spreads this table and
 * overrides the one entry (`{ ...programmeErrors, "programme.x": { …, field } }`).
 */
export const programmeErrors = {
  "programme.agenda-action-not-found": { status: 404, message: "applications.error.actionNotFound" },
  "programme.agenda-needs-admission": { status: 409, message: "applications.error.agendaNeedsAdmission" },
  "programme.amount-not-positive": { status: 400, message: "form.euro.positive", field: "amount" },
  "programme.application-already-open": { status: 409, message: "applications.error.alreadyOpen" },
  "programme.application-deadline-passed": { status: 409, message: "applications.error.deadlinePassed" },
  "programme.application-needs-contact": { status: 400, message: "applications.contacts.required" },
  "programme.application-not-found": { status: 404, message: "applications.error.notFound" },
  "programme.application-transition-not-allowed": { status: 409, message: "applications.error.transition" },
  "programme.cost-item-already-reversed": { status: 409, message: "costs.error.alreadyReversed", field: "item" },
  "programme.cost-item-not-found": { status: 404, message: "costs.error.itemNotFound", field: "item" },
  "programme.cost-reversal-not-reversible": {
    status: 409,
    message: "costs.error.reversalNotReversible",
    field: "item",
  },
  "programme.costs-need-admission": { status: 409, message: "costs.error.needsAdmission" },
  "programme.ends-before-start": { status: 400, message: "workshops.error.endsBeforeStart", field: "endsTime" },
  "programme.intake-needs-date": { status: 400, message: "applications.error.intakeNeedsDate" },
  "programme.invalid-date": { status: 400, message: "form.date" },
  "programme.invalid-slug": { status: 400, message: "programme.error.invalidSlug" },
  "programme.lesson-needs-municipality": { status: 400, message: "knowledge.error.needsMunicipality" },
  "programme.lesson-not-found": { status: 404, message: "knowledge.error.notFound" },
  "programme.lesson-not-published": { status: 409, message: "knowledge.error.notPublished" },
  "programme.max-below-min": { status: 400, message: "programme.error.maxBelowMin" },
  "programme.meeting-not-found": { status: 404, message: "programme.notFound" },
  "programme.missing-text": { status: 400, message: "form.required" },
  "programme.no-target-group": { status: 400, message: "programme.error.noTargetGroup" },
  "programme.not-positive": { status: 400, message: "form.number" },
  "programme.not-programme-tenant": { status: 404, message: "programme.error.notProgrammeTenant" },
  "programme.overlapping-track": { status: 409, message: "participation.error.overlap" },
  "programme.participants-invalid": { status: 400, message: "form.number", field: "participants" },
  "programme.registration-already-cancelled": { status: 409, message: "participation.error.alreadyCancelled" },
  "programme.registration-closed": { status: 409, message: "participation.error.closed" },
  "programme.registration-not-found": { status: 404, message: "participation.error.registrationNotFound" },
  "programme.slot-not-found": { status: 404, message: "participation.error.slotNotFound" },
  "programme.slot-not-registrable": { status: 409, message: "participation.error.notRegistrable" },
  "programme.slot-outside-meeting": { status: 400, message: "programme.error.slotOutsideMeeting" },
  "programme.slug-taken": { status: 409, message: "programme.error.slugTaken" },
  "programme.subscription-link-invalid": { status: 404, message: "participation.newsletter.linkInvalid" },
  "programme.too-many-participants": { status: 400, message: "workshops.error.tooMany", field: "participants" },
  "programme.track-needs-capacity": { status: 400, message: "programme.error.trackNeedsCapacity" },
  "programme.trajectory-full": { status: 409, message: "applications.error.full" },
  "programme.trajectory-not-found": { status: 404, message: "applications.error.trajectoryNotFound" },
  "programme.unknown-theme": { status: 400, message: "knowledge.error.unknownTheme", field: "theme" },
  "programme.unknown-meeting-kind": { status: 400, message: "participation.form.unknownChoice" },
  "programme.workshop-not-found": { status: 404, message: "workshops.error.notFound" },
  "programme.workshop-request-not-found": { status: 404, message: "workshops.error.requestNotFound" },
  "programme.workshop-step-not-allowed": { status: 409, message: "workshops.error.step" },
} satisfies Record<ProgrammeErrorCode, DomainErrorAnswer>;
