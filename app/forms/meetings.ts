import { z } from "zod";
import type { MeetingAudience, MeetingKind } from "../../src/domain/programme/index.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { calendarDate, clockTime, optionalText, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });

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

const count = () =>
  z.coerce
    .number(message("form.number"))
    .int(message("form.number"))
    .positive(message("form.number"))
    .max(10_000, message("form.outOfRange"));

/** A meeting's details: what, when (a Dutch date and clock times) and where. */
const details = {
  kind: z.enum(staffMeetingKinds, message("form.choice")),
  title: requiredText(200),
  description: optionalText(5000),
  date: calendarDate(),
  startTime: clockTime(),
  endTime: clockTime(),
  venue: optionalText(200),
  address: optionalText(300),
  city: optionalText(100),
  region: optionalText(100),
  trajectory: z.uuid(message("form.choice")).optional(),
  /** Ticked: every place is provisional until staff confirm it. */
  placesProvisional: z.literal("on", message("form.choice")).optional(),
  audience: z.enum(meetingAudiences, message("form.choice")),
  /** The invited municipalities; read only when the audience is `invited`. */
  invited: z
    .array(z.uuid(message("form.choice")))
    .max(1000)
    .optional(),
};

/** An `invited` meeting names at least one municipality. */
const withInvited = <S extends z.ZodType<{ audience: MeetingAudience; invited?: string[] | undefined }>>(schema: S) =>
  schema.refine((v) => v.audience !== "invited" || (v.invited?.length ?? 0) > 0, {
    path: ["invited"],
    ...message("meetings.error.invitedNeeded"),
  });

/** A new meeting: its details and the web address it gets (`/programma/bijeenkomsten/{slug}`). */
export const newMeetingForm = withInvited(
  z.object({
    ...details,
    slug: z
      .string(message("form.required"))
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message("programme.error.invalidSlug"))
      .max(100, message("form.tooLong")),
  }),
);

/**
 * A meeting's details changed. A scheduled workshop's meeting is edited here too, so its kind is accepted; the
 * domain keeps a workshop a workshop (and makes no other meeting one).
 */
export const meetingDetailsForm = withInvited(
  z.object({
    intent: z.literal("details"),
    ...details,
    kind: z.enum([...staffMeetingKinds, "workshop"], message("form.choice")),
  }),
);

/** A part of the programme: a plenary part, a walk-in, or a parallel track with seats. */
export const meetingSlotForm = z
  .object({
    intent: z.literal("slot"),
    kind: z.enum(["plenary", "walk-in", "track"], message("form.choice")),
    title: requiredText(200),
    startTime: clockTime(),
    endTime: clockTime(),
    capacity: count().optional(),
    trajectory: z.uuid(message("form.choice")).optional(),
  })
  .refine((slot) => slot.kind !== "track" || slot.capacity !== undefined, {
    path: ["capacity"],
    ...message("programme.error.trackNeedsCapacity"),
  });

export const cancelMeetingForm = z.object({
  intent: z.literal("cancel"),
  confirm: z.literal("on", message("meetings.cancel.confirmRequired")),
});

/** Staff confirm or decline one provisional place. */
export const placeDecisionForm = z.object({
  intent: z.literal("place"),
  registration: z.uuid(message("form.choice")),
  decision: z.enum(["confirm", "decline"], message("form.choice")),
});

/** One page of places a form ticks at most (a page of the list shows 50). */
const placesOnAPage = z.array(z.uuid(message("form.choice"))).max(100);

/** Who came, of the places the form showed (`shown`): the ticked ones; none ticked records that none of them came. */
export const attendanceForm = z.object({
  intent: z.literal("attendance"),
  shown: placesOnAPage.optional(),
  attended: placesOnAPage.optional(),
});
