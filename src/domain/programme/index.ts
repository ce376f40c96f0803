export { acceptWorkshopQuote } from "./accept-workshop-quote.ts";
export { type AddAgendaItemOptions, addAgendaItem } from "./add-agenda-item.ts";
export {
  type AddMeetingSlotOptions,
  addMeetingSlot,
  type MeetingSlot,
  type MeetingSlotKind,
} from "./add-meeting-slot.ts";
export { type AddSupervisorOptions, addSupervisor, type Supervisor } from "./add-supervisor.ts";
export { type ActionStatus, nextActionStatus } from "./agenda-action-steps.ts";
export {
  type ApplicationSide,
  type ApplicationStatus,
  applicationSteps,
  isApplicationOpen,
  nextStatuses,
} from "./application-states.ts";
export { type CalendarEntry, listMeetingEntries, listRegistrationEntries } from "./calendar-entries.ts";
export { findCalendarFeed, findCalendarFeedPerson, issueCalendarFeed } from "./calendar-feeds.ts";
export { type CancelMeetingOptions, cancelMeeting } from "./cancel-meeting.ts";
export { type CancellationOutcome, type CancelRegistrationOptions, cancelRegistration } from "./cancel-registration.ts";
export { cancelWorkshopRequest } from "./cancel-workshop-request.ts";
export { type ChangeMeetingOptions, changeMeeting, type MeetingChange } from "./change-meeting.ts";
export { confirmPlace, type PlaceDecisionOptions } from "./confirm-place.ts";
export { confirmSubscription } from "./confirm-subscription.ts";
export { countDesignerSignUps } from "./count-designer-sign-ups.ts";
export { countPlaces, type TrajectoryPlaces } from "./count-places.ts";
export { countRegistrations, type SlotRegistrations } from "./count-registrations.ts";
export {
  type CreateTrajectoryOptions,
  createTrajectory,
  type TargetGroup,
  type Trajectory,
  targetGroups,
} from "./create-trajectory.ts";
export { declinePlace, type PlaceDeclined } from "./decline-place.ts";
export { declineWorkshopRequest } from "./decline-workshop-request.ts";
export { type DeleteDesignerSignUpOptions, deleteDesignerSignUp } from "./delete-designer-sign-up.ts";
export { type DeliverNewsletterEditionOptions, deliverNewsletterEdition } from "./deliver-newsletter-edition.ts";
export { type DescribeTrajectoryOptions, describeTrajectory } from "./describe-trajectory.ts";
export { type EditLessonOptions, editLesson } from "./edit-lesson.ts";
export { ProgrammeError, type ProgrammeErrorCode } from "./errors.ts";
export { fanOutNewsletterEdition } from "./fan-out-newsletter-edition.ts";
export {
  type ApplicationRefusal,
  applicationDeadlinePassed,
  findApplicationRefusal,
} from "./find-application-refusal.ts";
export { findNewsletterDelivery } from "./find-newsletter-delivery.ts";
export {
  type ApplicationDetails,
  type ApplicationEvent,
  getApplication,
  listMunicipalApplications,
} from "./get-application.ts";
export { type CostStatement, getCostStatement } from "./get-cost-statement.ts";
export { getLearningAgenda } from "./get-learning-agenda.ts";
export { type GetMeetingOptions, getMeeting, type MeetingDetails, type ProgrammeSlot } from "./get-meeting.ts";
export { type GetTrajectoryOptions, getTrajectory, type TrajectoryDetails } from "./get-trajectory.ts";
export type { BundledLesson, Lesson, LessonHit } from "./lesson.ts";
export { getLesson, listAllLessons, STAFF_LESSONS_PER_PAGE, type StaffLessonLine } from "./list-all-lessons.ts";
export {
  APPLICATIONS_PER_PAGE,
  type ApplicationTally,
  listApplications,
  pageApplications,
  type QueuedApplication,
  tallyApplications,
} from "./list-applications.ts";
export { listDesignerSignUps } from "./list-designer-sign-ups.ts";
export { type AgendaItem, type LearningAgenda, listLearningAgendas } from "./list-learning-agendas.ts";
export { type GroupPeer, type LearningGroup, listLearningGroups } from "./list-learning-groups.ts";
export { listLessonThemes } from "./list-lesson-themes.ts";
export {
  listMeetingRegistrations,
  MEETING_REGISTRATIONS_PER_PAGE,
  type MeetingRegistration,
  pageMeetingRegistrations,
} from "./list-meeting-registrations.ts";
export { type ListMeetingsOptions, listDesignSessions, listMeetings, type MeetingSummary } from "./list-meetings.ts";
export { listNewsletterDeliveries, type NewsletterDeliveryRow } from "./list-newsletter-deliveries.ts";
export { listNewsletterEditions } from "./list-newsletter-editions.ts";
export { listNewsletterRecipients, type NewsletterRecipient } from "./list-newsletter-recipients.ts";
export {
  listPersonRegistrations,
  listSlotOccupancy,
  type PersonRegistration,
  type SlotOccupancy,
} from "./list-person-registrations.ts";
export { listPublishedLessons } from "./list-published-lessons.ts";
export {
  type ListTrajectoriesOptions,
  listTrajectories,
  listTrajectoryThemes,
  type TrajectorySummary,
} from "./list-trajectories.ts";
export { listWorkshopRequests, type WorkshopRequestSummary } from "./list-workshop-requests.ts";
export { type GetWorkshopOptions, getWorkshop, listWorkshops } from "./list-workshops.ts";
export {
  type Audience,
  admits,
  getAudience,
  isInAudience,
  listInvitedMunicipalities,
  type MeetingAudience,
  meetingAudiences,
} from "./meeting-audience.ts";
export { type MoveApplicationOptions, moveApplication } from "./move-application.ts";
export {
  NEWSLETTER_DELIVERY_JOB,
  NEWSLETTER_FAN_OUT_JOB,
  type NewsletterDelivery,
  type NewsletterDeliveryStatus,
  type NewsletterEdition,
  type NewsletterEditionSummary,
} from "./newsletter-edition.ts";
export { newsletterJobHandlers, newsletterMailReceipts } from "./newsletter-jobs.ts";
export { type NotifyApplicationOptions, notifyApplication } from "./notify-application.ts";
export { notifyWorkshopRequest } from "./notify-workshop-request.ts";
export { type NewsletterPreview, previewNewsletterEdition } from "./preview-newsletter-edition.ts";
export { publishLesson } from "./publish-lesson.ts";
export { type PublishWorkshopOptions, publishWorkshop, type Workshop } from "./publish-workshop.ts";
export { type QuoteWorkshopOptions, quoteWorkshop } from "./quote-workshop.ts";
export { type RecordAttendanceOptions, recordAttendance } from "./record-attendance.ts";
export { type CostItem, type RecordCostItemOptions, recordCostItem } from "./record-cost-item.ts";
export { type RecordLessonOptions, recordLesson } from "./record-lesson.ts";
export { recordNewsletterDelivery } from "./record-newsletter-delivery.ts";
export {
  type RegisterForSlotOptions,
  type Registration,
  type RegistrationStatus,
  registerForSlot,
} from "./register-for-slot.ts";
export { isRegistrationClosed } from "./registration-closed.ts";
export type { MeetingLink } from "./registration-mail.ts";
export { type ReleasePlacesOptions, releasePlaces } from "./release-places.ts";
export {
  confirmNewsletterSubscription,
  type RequestNewsletterSubscriptionOptions,
  requestNewsletterSubscription,
} from "./request-newsletter-subscription.ts";
export { type RequestWorkshopOptions, requestWorkshop } from "./request-workshop.ts";
export { type ReverseCostItemOptions, reverseCostItem } from "./reverse-cost-item.ts";
export {
  type Meeting,
  type MeetingFields,
  type MeetingKind,
  meetingKinds,
  type ScheduleMeetingOptions,
  scheduleMeeting,
} from "./schedule-meeting.ts";
export { type ScheduleWorkshopOptions, scheduleWorkshop } from "./schedule-workshop.ts";
export { type SearchLessonsOptions, searchLessons } from "./search-lessons.ts";
export { type SendNewsletterEditionOptions, sendNewsletterEdition } from "./send-newsletter-edition.ts";
export { type SetActionStatusOptions, setActionStatus } from "./set-action-status.ts";
export { type CostShare, PROGRAMME_CAP_CENTS, PROGRAMME_SHARE_PERCENT, shareCosts } from "./share-costs.ts";
export { type ShareGroupContactOptions, shareGroupContact } from "./share-group-contact.ts";
export {
  type DesignerSignUp,
  type SignUpDesignerOptions,
  signUpDesigner,
  takesDesignerSignUpsNow,
} from "./sign-up-designer.ts";
export { type SignUpForTrackOptions, type SignUpOutcome, signUpForTrack } from "./sign-up-for-track.ts";
export { type Application, type SubmitApplicationOptions, submitApplication } from "./submit-application.ts";
export { type SubscribeOptions, subscribeToNewsletter } from "./subscribe-to-newsletter.ts";
export { summariseTrajectories, type TrajectoryOverview } from "./summarise-trajectories.ts";
export { type TakeApplicationStepOptions, takeApplicationStep } from "./take-application-step.ts";
export { type TakeWorkshopStepOptions, takeWorkshopStep, type WorkshopStepInput } from "./take-workshop-step.ts";
export { unpublishLesson } from "./unpublish-lesson.ts";
export { unsubscribe } from "./unsubscribe.ts";
export { type WithdrawFromTrackOptions, withdrawFromTrack } from "./withdraw-from-track.ts";
export {
  allowedWorkshopSteps,
  type WorkshopRequest,
  type WorkshopRequestStatus,
  type WorkshopSide,
  type WorkshopStep,
  type WorkshopStepOptions,
  workshopSteps,
} from "./workshop-request-steps.ts";
