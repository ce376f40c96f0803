import type { TextLimits } from "./fields-limits.ts";

/** The choices of the meeting page's forms, from the domain's own lists. */
export { agendaItemVisibilities, meetingReportKinds } from "../../src/domain/councils/meeting-kinds.ts";

/** The facts of a meeting: \`createMeetingForm\` and \`changeMeetingForm\`. */
export const meetingFactsLimits = {
  title: { maxLength: 200 },
  place: { maxLength: 200 },
  onlineUrl: { maxLength: 500 },
} satisfies TextLimits;

/** `agendaItemForm` */
export const agendaItemLimits = {
  title: { maxLength: 200 },
  explanation: { maxLength: 5000 },
} satisfies TextLimits;

/** `meetingDocumentForm` */
export const meetingDocumentLimits = {
  title: { maxLength: 200 },
} satisfies TextLimits;

/** `meetingReportForm` */
export const meetingReportLimits = {
  report: { maxLength: 20000 },
  "items[].report": { maxLength: 10000 },
} satisfies TextLimits;
