import type { schema } from "../../db/index.ts";

// Pure lists (no database code), so forms in the browser may use them; typed against the schema's columns.
export type CouncilMeetingStatus = (typeof schema.councilMeetingStatuses)[number];
export type MeetingReportKind = (typeof schema.councilMeetingReportKinds)[number];
export type AgendaItemVisibility = (typeof schema.agendaItemVisibilities)[number];
export const meetingReportKinds = ["minutes", "decisions"] as const satisfies readonly MeetingReportKind[];
export const agendaItemVisibilities = ["public", "closed"] as const satisfies readonly AgendaItemVisibility[];
