/**
 * Councils: dorps-, wijk- and buurtraden, gebiedscommissies and wijkplatforms, their areas and the terms of their
 * members (issue 10, item 2), and their advice (item 3). Other contexts (area budgets) use only what is exported here.
 */

export { type AddAgendaItemOptions, addAgendaItem } from "./add-agenda-item.ts";
export {
  type AdviceDates,
  type AdviceTally,
  type AdviceTiming,
  adviceDueOn,
  adviceYearOf,
  escalationAt,
  reminderAt,
  responseDueOn,
  tallyAdvice,
  timingOf,
} from "./advice-deadlines.ts";
export type { AdviceFileActor } from "./advice-file-access.ts";
export {
  ADVICE_NOTICE_JOB,
  type AdviceEvent,
  type AdviceSide,
  adviceJobHandlers,
  deliverAdviceNotice,
} from "./advice-notices.ts";
export {
  type AdviceFileSide,
  type AdviceKind,
  type AdviceOutcome,
  type AdviceStatus,
  type AdviceStep,
  adviceOutcomes,
  adviceSteps,
  isSideOpen,
  isSidePublic,
  refusalOf,
  stepsFrom,
} from "./advice-states.ts";
export { type AdviceTerms, DEFAULT_ADVICE_TERMS, getAdviceTerms, setAdviceTerms } from "./advice-terms.ts";
export { type AttachAdviceFileOptions, attachAdviceFile } from "./attach-advice-file.ts";
export { type AttachMeetingDocumentOptions, attachMeetingDocument } from "./attach-meeting-document.ts";
export { type CancelMeetingOptions, cancelMeeting } from "./cancel-meeting.ts";
export { type ContactCouncilOptions, contactCouncil } from "./contact-council.ts";
export { type AdviceFile, adviceFileOf, isCouncilFileOf, listAdviceFiles } from "./council-files.ts";
export { type CreateCouncilOptions, type CreatedCouncil, createCouncil } from "./create-council.ts";
export { type CreateMeetingOptions, createMeeting } from "./create-meeting.ts";
export { type EndMemberTermOptions, endMemberTerm } from "./end-member-term.ts";
export { type CouncilMeetingErrorCode, CouncilsError, type CouncilsErrorCode } from "./errors.ts";
export { type GiveAdviceOptions, giveAdvice } from "./give-advice.ts";
export {
  type CouncilBasis,
  type CouncilKind,
  type CouncilRole,
  councilBases,
  councilKinds,
  councilRoles,
  type TermState,
  termState,
} from "./kinds.ts";
export { councilMeetingEvent, type MeetingChangeLinks } from "./meeting-calendar.ts";
export {
  type AgendaItemVisibility,
  agendaItemVisibilities,
  type CouncilMeetingStatus,
  type MeetingReportKind,
  meetingReportKinds,
} from "./meeting-kinds.ts";
export { type PublishMeetingOptions, publishMeeting } from "./publish-meeting.ts";
export { type Advice, getAdvice, listAdvice, type PublicAdvice } from "./read-advice.ts";
export {
  type Council,
  type CouncilMember,
  type CouncilSeat,
  type CouncilSummary,
  currentMembers,
  getCouncil,
  listCouncils,
  listSeatsOf,
} from "./read-councils.ts";
export {
  type AgendaItem,
  type ClosedAgendaItem,
  type CouncilMeeting,
  type CouncilMeetingSummary,
  getMeeting,
  getPublicMeeting,
  listMeetings,
  type MeetingDocument,
  type PublicAgendaItem,
  type PublicCouncilMeeting,
  readMeetingDocument,
} from "./read-meetings.ts";
export { type RecordMeetingReportOptions, recordMeetingReport } from "./record-meeting-report.ts";
export { type RemoveAdviceFileOptions, removeAdviceFile } from "./remove-advice-file.ts";
export { type RemoveAgendaItemOptions, removeAgendaItem } from "./remove-agenda-item.ts";
export { type RemoveMeetingDocumentOptions, removeMeetingDocument } from "./remove-meeting-document.ts";
export { type RequestAdviceOptions, requestAdvice } from "./request-advice.ts";
export { type AdviceCouncil, listCouncilNames, requireCouncil } from "./require-council.ts";
export { type RespondToAdviceOptions, respondToAdvice } from "./respond-to-advice.ts";
export { type RestoreAgendaItemOptions, restoreAgendaItem } from "./restore-agenda-item.ts";
export { type RestoreMeetingDocumentOptions, restoreMeetingDocument } from "./restore-meeting-document.ts";
export { type SeatedMember, type SeatMemberOptions, seatMember } from "./seat-member.ts";
export { type UpdateCouncilOptions, updateCouncil } from "./update-council.ts";
export { type UpdateMeetingOptions, updateMeeting } from "./update-meeting.ts";
