import { z } from "zod";
// Leaf modules, not the context's index: this file is part of the browser bundle, and the index brings the database.
import { ROUND_PHASES } from "../../src/domain/budgeting/round-phase-names.ts";
import {
  BALLOT_FORMS,
  IDENTIFICATION_METHODS,
  REALISATION_STATUSES,
  WINNER_RULES,
} from "../../src/domain/budgeting/rules.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import {
  AREA_ROWS,
  DATED_PHASES,
  paperBatchLimits,
  paperEntryLimits,
  planLimits,
  planUpdateLimits,
  roundLimits,
} from "./budgeting-limits.ts";
import { calendarDate, emailAddress, formKey, honeypot, nearDate, optionalText, requiredText } from "./fields.ts";

const message = (key: MessageKey) => ({ error: key });

/** The largest amount a form takes in whole euros (an area budget, a plan's cost). */
export const MAX_EUROS = 100_000_000;

/** Whole euros as people type them: "25000", "25.000" or "€ 25.000"; no cents. */
export const wholeEuros = () =>
  z
    .string(message("form.required"))
    .trim()
    .transform((value) => value.replace(/^€\s*/, "").replace(/\s/g, "").replace(/,-$/, ""))
    .pipe(
      z
        .string()
        .regex(/^(\d{1,3}(\.\d{3})+|\d{1,12})$/, message("budgeting.error.wholeEuros"))
        .transform((value) => Number(value.replaceAll(".", "")))
        .pipe(z.number().min(1, message("budgeting.error.wholeEuros")).max(MAX_EUROS, message("form.outOfRange"))),
    );

/** An optional whole number (a setting of one ballot form); empty means "not set". */
const optionalWhole = (max: number) =>
  z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .string()
        .regex(/^\d{1,6}$/, message("budgeting.error.wholeNumber"))
        .transform(Number)
        .pipe(z.number().max(max, message("form.outOfRange")))
        .optional(),
    )
    .optional();

const optionalDate = z.union([z.literal("").transform(() => undefined), calendarDate()]).optional();

/** An empty field as undefined, so that the rule applies only to what was filled in. */
const emptyAsUndefined = (value: string | undefined) => (value?.trim() === "" ? undefined : value);

const areaRow = z.object({
  area: z
    .string()
    .optional()
    .transform(emptyAsUndefined)
    .pipe(z.uuid(message("form.choice")).optional()),
  budget: z.string().optional().transform(emptyAsUndefined).pipe(wholeEuros().optional()),
});

const need = (ctx: z.RefinementCtx, path: (string | number)[], key: MessageKey) =>
  ctx.addIssue({ code: "custom", path, message: key });

/**
 * A new burgerbegroting round (staff): text, areas with budgets, dated phases, the ballot form with its settings,
 * the winner rule and eligibility. The settings of the other ballot forms are ignored; a missing or contradictory
 * one is named next to its field.
 */
export const roundForm = z
  .object({
    ...formKey,
    title: requiredText(roundLimits.title.maxLength),
    slug: z
      .string(message("form.required"))
      .trim()
      .toLowerCase()
      .min(1, message("form.required"))
      .max(roundLimits.slug.maxLength, message("form.tooLong"))
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message("budgeting.error.slug")),
    body: optionalText(roundLimits.body.maxLength),
    areas: z.array(areaRow).max(AREA_ROWS).optional(),
    starts: z.object(Object.fromEntries(DATED_PHASES.map((p) => [p, optionalDate]))).optional(),
    form: z.enum(BALLOT_FORMS as [string, ...string[]], message("form.choice")),
    minShare: optionalWhole(100),
    minPlans: optionalWhole(1000),
    maxPlans: optionalWhole(1000),
    points: optionalWhole(100_000),
    maxPointsPerPlan: optionalWhole(100_000),
    rankCount: optionalWhole(1000),
    rule: z.enum(WINNER_RULES as [string, ...string[]], message("form.choice")),
    comparisonRule: z.enum(WINNER_RULES as [string, ...string[]], message("form.choice")),
    minAge: optionalWhole(120),
    residentsOnly: z.literal("on").optional(),
    identification: z.enum(IDENTIFICATION_METHODS as [string, ...string[]], message("form.choice")),
  })
  .superRefine((v, ctx) => {
    const rows = v.areas ?? [];
    rows.forEach((row, i) => {
      if (row.area && row.budget === undefined) need(ctx, ["areas", i, "budget"], "budgeting.error.wholeEuros");
      if (!row.area && row.budget !== undefined) need(ctx, ["areas", i, "area"], "budgeting.error.areaMissing");
    });
    const chosen = rows.flatMap((r) => (r.area ? [r.area] : []));
    if (chosen.length === 0) need(ctx, ["areas", 0, "area"], "budgeting.error.noAreas");
    chosen.forEach((id, i) => {
      if (chosen.indexOf(id) !== i) {
        need(ctx, ["areas", rows.findLastIndex((r) => r.area === id), "area"], "budgeting.error.areaTwice");
      }
    });
    if (v.form === "knapsack" && v.minShare !== undefined && v.minShare < 1) {
      need(ctx, ["minShare"], "budgeting.error.minShare");
    }
    if (v.form === "approval") {
      if (!v.minPlans) need(ctx, ["minPlans"], "budgeting.error.settingRequired");
      else if (v.maxPlans !== undefined && v.maxPlans < v.minPlans) need(ctx, ["maxPlans"], "budgeting.error.maxPlans");
    }
    if (v.form === "cumulative") {
      if (!v.points) need(ctx, ["points"], "budgeting.error.settingRequired");
      if (!v.maxPointsPerPlan) need(ctx, ["maxPointsPerPlan"], "budgeting.error.settingRequired");
      else if (v.points && v.maxPointsPerPlan > v.points) need(ctx, ["maxPointsPerPlan"], "budgeting.error.maxPoints");
    }
    if (v.form === "ranking") {
      if (!v.rankCount) need(ctx, ["rankCount"], "budgeting.error.settingRequired");
      for (const field of ["rule", "comparisonRule"] as const) {
        if (v[field].startsWith("equal-shares")) need(ctx, [field], "budgeting.error.ruleNotForForm");
      }
    }
  });

/** A resident's plan; the photo travels in the same multipart form and is checked by the upload module. */
export const planForm = z.object({
  ...formKey,
  ...honeypot,
  title: requiredText(planLimits.title.maxLength),
  description: requiredText(planLimits.description.maxLength),
  area: z.uuid(message("budgeting.error.areaMissing")),
  location: optionalText(planLimits.location.maxLength),
  estimatedCost: wholeEuros(),
  photoAlt: optionalText(planLimits.photoAlt.maxLength),
});

/** A progress update on a funded plan (staff, after the result): status, the day it is about, a text, a photo. */
export const planUpdateForm = z.object({
  ...formKey,
  plan: z.uuid(message("form.choice")),
  status: z.enum(REALISATION_STATUSES as [string, ...string[]], message("form.choice")),
  happenedOn: nearDate({ back: 5, ahead: 1 }),
  body: requiredText(planUpdateLimits.body.maxLength),
  photoAlt: optionalText(planUpdateLimits.photoAlt.maxLength),
});

/** Repeated values (checkboxes, ranked choices) as a list: one value arrives as a string, an empty one not at all. */
const idList = z.preprocess(
  (value) => [value ?? []].flat().filter((id) => id !== undefined && id !== ""),
  z.array(z.uuid(message("form.choice"))).max(1000),
);

/** A voting code or a receipt as typed from the letter; the domain says whether it exists. */
const ballotSecret = z.string(message("form.required")).trim().max(100, message("form.tooLong"));

/**
 * A filled-in ballot of any form: ranked choices, points per plan, or ticked plans, whichever the form has. The
 * domain checks it against the round's rules.
 */
const ballot = <Intent extends "vote" | "change">(intent: Intent) =>
  z
    .object({
      intent: z.literal(intent),
      secret: ballotSecret,
      // The area a voter with a pass (e-mail, DigiD) chose; a code names its own.
      area: z.uuid(message("form.choice")).optional(),
      rank: idList,
      plan: idList,
      // An empty points box is none: the record keeps empty strings.
      points: z.record(z.uuid(message("form.choice")), optionalWhole(999_999)).optional(),
    })
    .transform(({ rank, plan, points, ...rest }) => ({
      ...rest,
      choices:
        rank.length > 0
          ? rank.map((planId) => ({ planId }))
          : points
            ? Object.entries(points).map(([planId, given]) => ({ planId, points: given ?? 0 }))
            : plan.map((planId) => ({ planId })),
    }));

/**
 * The voting page's steps: a code or receipt opens the ballot, which is then cast or changed. In a round whose
 * voters identify by e-mail, the address asks for a link that opens the ballot.
 */
export const ballotForms = {
  code: z.object({ intent: z.literal("code"), secret: ballotSecret }),
  email: z.object({ intent: z.literal("email"), email: emailAddress(), ...honeypot }),
  receipt: z.object({ intent: z.literal("receipt"), secret: ballotSecret }),
  vote: ballot("vote"),
  change: ballot("change"),
};

const planChoice = z.uuid(message("form.choice"));
const roundAreaChoice = z.uuid(message("form.choice"));

/** The forms of a round's staff page; the domain decides whether each step is allowed now. */
export const staffRoundForms = {
  move: z.object({ intent: z.literal("move"), from: z.enum(ROUND_PHASES), to: z.enum(ROUND_PHASES) }),
  publish: z.object({ intent: z.literal("publish"), plan: planChoice }),
  reject: z.object({ intent: z.literal("reject"), plan: planChoice }),
  review: z.object({
    intent: z.literal("review"),
    plan: planChoice,
    feasible: z.enum(["yes", "no"], message("form.choice")).transform((answer) => answer === "yes"),
    officialCost: wholeEuros().optional(),
    reason: optionalText(2000),
  }),
  // The domain names a missing label with its own message; the limit is here too, so the page can state it.
  "paper-batch": z.object({
    intent: z.literal("paper-batch"),
    area: roundAreaChoice,
    label: z.string().trim().max(paperBatchLimits.label.maxLength, message("budgeting.error.paperLabel")).optional(),
  }),
  "paper-entry": z.object({
    intent: z.literal("paper-entry"),
    batch: z.uuid(message("form.choice")),
    // One ballot a line: line breaks count as the browser counts them against maxlength (`requiredText`).
    ballots: requiredText(paperEntryLimits.ballots.maxLength),
  }),
  identification: z.object({
    intent: z.literal("identification"),
    identification: z.enum(IDENTIFICATION_METHODS as [string, ...string[]], message("form.choice")),
  }),
  codes: z.object({
    intent: z.literal("codes"),
    area: roundAreaChoice,
    size: z
      .string(message("form.required"))
      .trim()
      .regex(/^\d{1,6}$/, message("budgeting.error.wholeNumber"))
      .transform(Number),
  }),
};
