import { z } from "zod";
// Pure lists, imported past the index: the page reads them too, from the limits module beside this one.
import { agendaItemVisibilities, meetingReportKinds } from "../../src/domain/councils/meeting-kinds.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import {
  agendaItemLimits,
  meetingDocumentLimits,
  meetingFactsLimits,
  meetingReportLimits,
} from "./council-meetings-limits.ts";
import { calendarDate, clockTime, formKey, optionalText, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });

/** A meeting's facts: its name, date and times (Dutch time), place and an optional online link. */
const meetingFacts = {
  title: requiredText(meetingFactsLimits.title.maxLength),
  date: calendarDate(),
  startTime: clockTime(),
  endTime: clockTime(),
  place: requiredText(meetingFactsLimits.place.maxLength),
  onlineUrl: z
    .string()
    .trim()
    .max(meetingFactsLimits.onlineUrl.maxLength, message("form.tooLong"))
    .regex(/^https?:\/\/\S+$/, message("councilMeetings.error.onlineUrl"))
    .optional(),
};

/** The version of the meeting the form was read at: a change made meanwhile is not overwritten. */
const version = { version: z.coerce.number<string>().int().min(0) };

export const createMeetingForm = z.object({ ...formKey, ...meetingFacts });

/** New facts for a meeting: moving it is a new date or new times. */
export const changeMeetingForm = z.object({ intent: z.literal("change"), ...version, ...meetingFacts });

/** Calling a meeting off, with the reason the public page and the feed show. */
export const cancelMeetingForm = z.object({ intent: z.literal("cancel"), ...version, reason: requiredText(500) });

/** Taking an item off the agenda, or a document off the meeting. */
export const removeItemForm = z.object({ intent: z.literal("remove-item"), item: z.uuid(message("form.choice")) });
export const removeDocumentForm = z.object({
  intent: z.literal("remove-document"),
  document: z.uuid(message("form.choice")),
});

/** Putting a withdrawn item back on the agenda, or a removed document back on the meeting. */
export const restoreItemForm = z.object({
  intent: z.literal("restore-item"),
  ...version,
  item: z.uuid(message("form.choice")),
});
export const restoreDocumentForm = z.object({
  intent: z.literal("restore-document"),
  ...version,
  document: z.uuid(message("form.choice")),
});

/** One agenda item, added at the end of the agenda. */
export const agendaItemForm = z.object({
  intent: z.literal("item"),
  title: requiredText(agendaItemLimits.title.maxLength),
  explanation: optionalText(agendaItemLimits.explanation.maxLength),
  visibility: z.enum(agendaItemVisibilities, message("form.choice")),
});

/** A PDF for an item or for the whole meeting (the file itself is read beside this schema). */
export const meetingDocumentForm = z.object({
  intent: z.literal("document"),
  item: z.union([z.literal("meeting"), z.uuid(message("form.choice"))]),
  title: requiredText(meetingDocumentLimits.title.maxLength),
});

export const publishMeetingForm = z.object({ intent: z.literal("publish") });

/** After the meeting: minutes or decisions for the whole meeting and per item. */
export const meetingReportForm = z.object({
  intent: z.literal("report"),
  kind: z.enum(meetingReportKinds, message("form.choice")),
  report: optionalText(meetingReportLimits.report.maxLength),
  items: z
    .array(z.object({ id: z.uuid(), report: optionalText(meetingReportLimits["items[].report"].maxLength) }))
    .max(999)
    .optional(),
});
