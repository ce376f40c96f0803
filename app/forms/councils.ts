import { z } from "zod";
// A pure module past the index, which reaches the database driver: the pages use these lists in the browser.
import { councilBases, councilKinds, councilRoles } from "../../src/domain/councils/kinds.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { contactCouncilLimits, councilLimits, createCouncilLimits, seatMemberLimits } from "./councils-limits.ts";
import { calendarDate, emailAddress, honeypot, optionalText, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });

const optional = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal("").transform(() => undefined), schema]).optional();

/** What a council is; the same fields create it and change it (its web address is set once). */
const councilFields = {
  name: requiredText(councilLimits.name.maxLength),
  kind: z.enum(councilKinds, message("councils.error.kindRequired")),
  areas: z
    .array(z.uuid(message("councils.error.areaNotFound")), message("councils.error.noArea"))
    .min(1, message("councils.error.noArea")),
  basis: z.enum(councilBases, message("councils.error.basisRequired")),
  basisUrl: optional(
    z
      .url({ protocol: /^https?$/, ...message("councils.error.basisUrl") })
      .max(councilLimits.basisUrl.maxLength, message("form.tooLong")),
  ),
  description: optionalText(councilLimits.description.maxLength),
  memberSeats: z
    .string(message("form.required"))
    .trim()
    .regex(/^\d{1,2}$/, message("councils.error.memberSeats"))
    .transform(Number),
};

/** An advisory committee set up by ordinance names that ordinance; the database refuses it otherwise too. */
const ordinanceNeedsLink = (value: { basis: string; basisUrl?: string | undefined }) =>
  value.basis !== "ordinance" || value.basisUrl !== undefined;
const ordinanceLink = { path: ["basisUrl"], message: "councils.error.ordinanceLink" };

export const createCouncilForm = z
  .object({
    intent: z.literal("create"),
    slug: z
      .string(message("form.required"))
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message("councils.error.slug"))
      .max(createCouncilLimits.slug.maxLength, message("form.tooLong")),
    ...councilFields,
  })
  .refine(ordinanceNeedsLink, ordinanceLink);

export const updateCouncilForm = z
  .object({ intent: z.literal("update"), ...councilFields })
  .refine(ordinanceNeedsLink, ordinanceLink);

/** A person on a seat for a term; the e-mail address, when given, is the account that opens the workspace. */
export const seatMemberForm = z.object({
  intent: z.literal("seat"),
  role: z.enum(councilRoles, message("councils.error.roleRequired")),
  name: requiredText(seatMemberLimits.name.maxLength),
  email: optional(emailAddress()),
  startsOn: calendarDate(),
  endsOn: optional(calendarDate()),
});

/** Ends a term early: the member's last day on the seat. */
export const endTermForm = z.object({
  intent: z.literal("end"),
  member: z.uuid(),
  lastDayOn: calendarDate(),
});

/** A visitor's message to a council's secretary, from the council's public page. */
export const contactCouncilForm = z.object({
  name: requiredText(contactCouncilLimits.name.maxLength).regex(/^[^\r\n]*$/, message("form.invalid")),
  email: emailAddress(),
  message: requiredText(contactCouncilLimits.message.maxLength),
  ...honeypot,
});
