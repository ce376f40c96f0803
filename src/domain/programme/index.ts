export { type ApplicationStatus, nextStatuses } from "./application-states.ts";
export { type CalendarEntry, listMeetingEntries, listRegistrationEntries } from "./calendar-entries.ts";
export { type CancellationOutcome, type CancelRegistrationOptions, cancelRegistration } from "./cancel-registration.ts";
export { countPlaces, type TrajectoryPlaces } from "./count-places.ts";
export { type CostStatement, getCostStatement } from "./get-cost-statement.ts";
export {
  type AddAgendaItemOptions,
  type AgendaItem,
  addAgendaItem,
  getLearningAgenda,
  type LearningAgenda,
  type SetActionStatusOptions,
  setActionStatus,
} from "./learning-agenda.ts";
export {
  type Lesson,
  type LessonHit,
  publishLesson,
  type RecordLessonOptions,
  recordLesson,
  type SearchLessonsOptions,
  searchLessons,
} from "./lessons.ts";
export {
  type ApplicationTally,
  listApplications,
  type QueuedApplication,
  tallyApplications,
} from "./list-applications.ts";
export { type MoveApplicationOptions, moveApplication } from "./move-application.ts";
export {
  confirmSubscription,
  listNewsletterRecipients,
  type NewsletterRecipient,
  type SubscribeOptions,
  subscribeToNewsletter,
  unsubscribe,
} from "./newsletter.ts";
export { type CostItem, type RecordCostItemOptions, recordCostItem } from "./record-cost-item.ts";
export {
  type RegisterForSlotOptions,
  type Registration,
  type RegistrationStatus,
  registerForSlot,
} from "./register-for-slot.ts";
export { type CostShare, PROGRAMME_CAP_CENTS, PROGRAMME_SHARE_PERCENT, shareCosts } from "./share-costs.ts";
export { type Application, type SubmitApplicationOptions, submitApplication } from "./submit-application.ts";
export {
  acceptWorkshopQuote,
  cancelWorkshopRequest,
  declineWorkshopRequest,
  quoteWorkshop,
  type RequestWorkshopOptions,
  requestWorkshop,
  type ScheduleWorkshopOptions,
  scheduleWorkshop,
  type WorkshopRequest,
} from "./workshop-requests.ts";
