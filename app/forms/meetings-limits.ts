import type { MeetingAudience, MeetingKind } from "../../src/domain/programme/index.ts";
import type { TextLimits } from "./fields-limits.ts";

/**
 * The kinds staff schedule here; a workshop is scheduled from its request (`/beheer/workshops`). A type-only
 * import keeps the domain out of the browser bundle; the check below fails the typecheck if a kind is added to the
 * schema and forgotten here.
 */
export const staffMeetingKinds = [
  "start-session",
  "design-session",
  "kickoff",
  "regional-exchange",
  "closing",
  "work-visit",
  "network",
  "learning-studio",
] as const satisfies readonly MeetingKind[];
type Missing = Exclude<MeetingKind, (typeof staffMeetingKinds)[number] | "workshop">;
const everyKind: Missing extends never ? true : false = true;
void everyKind;

/** Who may register (ADR 0033), in the order the staff form offers them. */
export const meetingAudiences = ["open", "municipal", "invited"] as const satisfies readonly MeetingAudience[];
type MissingAudience = Exclude<MeetingAudience, (typeof meetingAudiences)[number]>;
const everyAudience: MissingAudience extends never ? true : false = true;
void everyAudience;

/** `newMeetingForm` */
export const newMeetingLimits = {
  title: { maxLength: 200 },
  description: { maxLength: 5000 },
  venue: { maxLength: 200 },
  address: { maxLength: 300 },
  city: { maxLength: 100 },
  region: { maxLength: 100 },
  slug: { maxLength: 100 },
} satisfies TextLimits;

/** `meetingSlotForm` */
export const meetingSlotLimits = {
  title: { maxLength: 200 },
} satisfies TextLimits;
