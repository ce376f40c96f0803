export { type ApplicationStatus, nextStatuses } from "./application-states.ts";
export { type CancellationOutcome, type CancelRegistrationOptions, cancelRegistration } from "./cancel-registration.ts";
export { countPlaces, type TrajectoryPlaces } from "./count-places.ts";
export { type MoveApplicationOptions, moveApplication } from "./move-application.ts";
export {
  type RegisterForSlotOptions,
  type Registration,
  type RegistrationStatus,
  registerForSlot,
} from "./register-for-slot.ts";
export { type Application, type SubmitApplicationOptions, submitApplication } from "./submit-application.ts";
