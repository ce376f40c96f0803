import { z } from "zod";
import type { MeetingAudience } from "../../src/domain/programme/index.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { calendarDate, clockTime, optionalText, requiredText } from "./fields.ts";
import { meetingAudiences, meetingSlotLimits, newMeetingLimits, staffMeetingKinds } from "./meetings-limits.ts";

const message = (key: MessageKey) => ({ error: key });

const count = () =>
  z.coerce
    .number(message("form.number"))
    .int(message("form.number"))
    .positive(message("form.number"))
    .max(10_000, message("form.outOfRange"));

/** A meeting's details: what, when (a Dutch date and clock times) and where. */
const details = {
  kind: z.enum(staffMeetingKinds, message("form.choice")),
  title: requiredText(newMeetingLimits.title.maxLength),
  description: optionalText(newMeetingLimits.description.maxLength),
  date: calendarDate(),
  startTime: clockTime(),
  endTime: clockTime(),
  venue: optionalText(newMeetingLimits.venue.maxLength),
  address: optionalText(newMeetingLimits.address.maxLength),
  city: optionalText(newMeetingLimits.city.maxLength),
  region: optionalText(newMeetingLimits.region.maxLength),
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
      .max(newMeetingLimits.slug.maxLength, message("form.tooLong")),
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
    title: requiredText(meetingSlotLimits.title.maxLength),
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
