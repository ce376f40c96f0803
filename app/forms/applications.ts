import { z } from "zod";
import type { MessageKey } from "../i18n/catalogue.ts";
import {
  agendaItemLimits,
  applyLimits,
  CONTACT_ROWS,
  costItemLimits,
  designerSignUpLimits,
  MORE_TEXT_LIMIT,
  requestWorkshopLimits,
  reverseCostItemLimits,
} from "./applications-limits.ts";
import { clockTime, emailAddress, formKey, honeypot, nearDate, optionalText, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });

type ContactRow = { name?: string | undefined; email?: string | undefined; role?: string | undefined };
const emailCheck = emailAddress();

/**
 * Up to three rows of name, e-mail and role. A row left wholly blank is no contact; a row half filled in must be
 * completed. Errors keep the row's own index, so each message sits next to its field; at least one row is needed.
 */
const contactRows = z
  .preprocess(
    (rows) => (Array.isArray(rows) ? rows.map((row) => (row && typeof row === "object" ? row : {})) : []),
    z
      .array(
        z.object({
          name: optionalText(applyLimits["contacts[].name"].maxLength),
          email: optionalText(applyLimits["contacts[].email"].maxLength),
          role: optionalText(applyLimits["contacts[].role"].maxLength),
        }),
      )
      .max(CONTACT_ROWS),
  )
  .superRefine((rows: ContactRow[], ctx) => {
    const filled = rows.map((row) => Boolean(row.name || row.email || row.role));
    if (!filled.includes(true)) {
      ctx.addIssue({ code: "custom", path: [0, "name"], message: "applications.contacts.required" });
    }
    rows.forEach((row, i) => {
      if (!filled[i]) return;
      for (const field of ["name", "email", "role"] as const) {
        if (!row[field]) ctx.addIssue({ code: "custom", path: [i, field], message: "form.required" });
      }
      if (row.email && !emailCheck.safeParse(row.email).success) {
        ctx.addIssue({ code: "custom", path: [i, "email"], message: "form.email" });
      }
    });
  })
  .transform((rows: ContactRow[]) =>
    rows
      .filter((row) => row.name && row.email && row.role)
      .map((row) => ({ name: row.name!, email: row.email!.toLowerCase(), role: row.role! })),
  );

export const applyForm = z.object({
  municipality: z.string(message("applications.municipality.required")).min(1).max(applyLimits.municipality.maxLength),
  project: requiredText(applyLimits.project.maxLength),
  learningQuestion: requiredText(applyLimits.learningQuestion.maxLength),
  commitmentCollege: requiredText(applyLimits.commitmentCollege.maxLength),
  commitmentCouncil: requiredText(applyLimits.commitmentCouncil.maxLength),
  commitmentCivilService: requiredText(applyLimits.commitmentCivilService.maxLength),
  contacts: contactRows,
});

export const moveApplicationForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("intake-scheduled"),
    application: z.uuid(),
    intakeOn: nearDate({ back: 1, ahead: 1 }),
    intakeTime: clockTime(),
    note: optionalText(1000),
  }),
  z.object({
    intent: z.enum(["intake-held", "admitted", "wait-listed", "declined"]),
    application: z.uuid(),
    note: optionalText(1000),
  }),
]);

/** Staff say what a trajectory's public page states beyond its facts. */
export const describeTrajectoryForm = z.object({
  intent: z.literal("describe"),
  sharesLocalSupport: z.literal("on").optional(),
  takesDesignerSignUps: z.literal("on").optional(),
  moreText: optionalText(MORE_TEXT_LIMIT),
});

/** A designer's sign-up on a trajectory's public page: no account, so these fields are all the programme has. */
export const designerSignUpForm = z.object({
  name: requiredText(designerSignUpLimits.name.maxLength).regex(/^[^\r\n]*$/, message("form.invalid")),
  email: emailAddress(),
  organisation: requiredText(designerSignUpLimits.organisation.maxLength),
  motivation: requiredText(designerSignUpLimits.motivation.maxLength),
  consent: z.literal("on", message("designers.form.consentRequired")),
  ...honeypot,
});

/** Staff delete one designer's sign-up. */
export const deleteDesignerSignUpForm = z.object({ intent: z.literal("delete"), signUp: z.uuid() });

export const withdrawForm = z.object({
  intent: z.literal("withdraw"),
  application: z.uuid(),
  confirm: z.literal("on", message("applications.withdraw.confirmRequired")),
});

export const agendaItemForm = z.object({
  intent: z.literal("agenda-item"),
  ...formKey,
  application: z.uuid(),
  kind: z.enum(["question", "action"]),
  text: requiredText(agendaItemLimits.text.maxLength),
});

export const actionStatusForm = z.object({
  intent: z.literal("action-status"),
  item: z.uuid(),
  status: z.enum(["open", "in-progress", "done"]),
});

/**
 * An amount in euros as Dutch people type it: `1.234,56`, `1234,5`, `€ 80`. Dots group thousands, the comma
 * starts the cents; `12.50` is refused rather than guessed. The result is integer cents.
 */
export const euroAmount = () =>
  z
    .string(message("form.required"))
    .trim()
    .transform((value) => value.replace(/^€\s*/, "").replace(/\s/g, ""))
    .pipe(
      z
        .string()
        .regex(/^(\d{1,3}(\.\d{3})+|\d+)(,\d{1,2})?$/, message("form.euro"))
        .transform((value) => {
          const [whole = "0", fraction = ""] = value.replaceAll(".", "").split(",");
          return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
        })
        .pipe(
          z.number().int().positive(message("form.euro.positive")).max(1_000_000_000, message("form.euro.tooLarge")),
        ),
    );

export const costItemForm = z.object({
  ...formKey,
  kind: z.enum(["quote", "invoice"], message("costs.kind.required")),
  supplier: requiredText(costItemLimits.supplier.maxLength),
  description: requiredText(costItemLimits.description.maxLength),
  amount: euroAmount(),
  eligible: z.enum(["yes", "no"], message("costs.eligible.required")),
  documentOn: nearDate({ back: 5, ahead: 1 }),
});

/** A correction: the line to reverse and why. */
export const reverseCostItemForm = z.object({
  ...formKey,
  item: z.uuid(message("costs.reverse.item.required")),
  reason: requiredText(reverseCostItemLimits.reason.maxLength),
});

export const requestWorkshopForm = z.object({
  ...formKey,
  municipality: z
    .string(message("applications.municipality.required"))
    .min(1)
    .max(requestWorkshopLimits.municipality.maxLength),
  participants: z.coerce
    .number(message("form.number"))
    .int(message("form.number"))
    .positive(message("form.number"))
    .max(10_000, message("form.outOfRange")),
  preferredDates: requiredText(requestWorkshopLimits.preferredDates.maxLength),
});

export const workshopStepForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("quote"), request: z.uuid(), amount: euroAmount(), note: optionalText(1000) }),
  z.object({
    intent: z.literal("schedule"),
    request: z.uuid(),
    startsOn: nearDate({ back: 0, ahead: 3 }),
    startsTime: clockTime(),
    endsTime: clockTime(),
    venue: requiredText(300),
    address: requiredText(300),
    city: requiredText(100),
  }),
  z.object({ intent: z.enum(["accept", "decline", "cancel"]), request: z.uuid() }),
]);
