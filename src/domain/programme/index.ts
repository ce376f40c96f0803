export { type CancellationOutcome, type CancelRegistrationOptions, cancelRegistration } from "./cancel-registration.ts";
export {
  type RegisterForSlotOptions,
  type Registration,
  type RegistrationStatus,
  registerForSlot,
} from "./register-for-slot.ts";
