import { z } from "zod";
// Pure modules past the index, which reaches the database driver: the pages use these lists in the browser.
import {
  deciders,
  type FeedbackOutcome,
  feedbackOutcomes,
  type LadderLevel,
  ladderLevels,
  type MomentMethod,
  momentMethods,
  type ProcessStage,
  processStages,
} from "../../src/domain/processes/lists.ts";
import { processTemplates } from "../../src/domain/processes/templates.ts";
import type { MessageKey } from "../i18n/catalogue.ts";
import { FEEDBACK_ROWS } from "./feedback-rows.ts";
import { calendarDate, clockTime, formKey, honeypot, optionalText, requiredText } from "./fields.ts";
import {
  addMomentLimits,
  createProcessLimits,
  evaluationLimits,
  feedbackLimits,
  phaseLimits,
  processLimits,
  removePhaseLimits,
  ruleLimits,
} from "./processes-limits.ts";

const message = (key: MessageKey) => ({ error: key });
const levels = ladderLevels as readonly LadderLevel[] as [LadderLevel, ...LadderLevel[]];
const level = () => z.enum(levels, message("processes.level.required"));
const stages = processStages as readonly ProcessStage[] as [ProcessStage, ...ProcessStage[]];
const methods = momentMethods as readonly MomentMethod[] as [MomentMethod, ...MomentMethod[]];
const outcomes = feedbackOutcomes as readonly FeedbackOutcome[] as [FeedbackOutcome, ...FeedbackOutcome[]];
const templateIds = processTemplates.map((t) => t.id) as [string, ...string[]];
const ticked = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");
/** A choice that may be left empty ("" → null). */
const optionalUuid = () =>
  z
    .union([z.literal("").transform(() => null), z.uuid()])
    .optional()
    .transform((v) => v ?? null);

/** Staff start a process from a template. */
export const createProcessForm = z.object({
  intent: z.literal("create"),
  template: z.enum(templateIds, message("processes.template.required")),
  title: requiredText(createProcessLimits.title.maxLength),
  startsOn: calendarDate(),
  responsible: requiredText(createProcessLimits.responsible.maxLength),
});

/** One rule of the participation ordinance: a kind of decision, whether it needs a plan, its minimum level. */
export const ruleForm = z.object({
  intent: z.literal("rule"),
  decisionKind: z
    .string(message("form.required"))
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message("processes.rule.kind.invalid"))
    .max(ruleLimits.decisionKind.maxLength, message("form.tooLong")),
  label: requiredText(ruleLimits.label.maxLength),
  needsPlan: ticked,
  minimumLevel: level(),
});

/** The process's own rules of the game. */
export const processForm = z.object({
  intent: z.literal("process"),
  title: requiredText(processLimits.title.maxLength),
  description: requiredText(processLimits.description.maxLength),
  fixed: optionalText(processLimits.fixed.maxLength).transform((v) => v ?? ""),
  open: optionalText(processLimits.open.maxLength).transform((v) => v ?? ""),
  decisionKind: optionalText(processLimits.decisionKind.maxLength).transform((v) => v || null),
  decidedBy: z.enum(deciders, message("processes.decidedBy.required")),
  responsible: requiredText(processLimits.responsible.maxLength),
});

const phaseFields = {
  title: requiredText(phaseLimits.title.maxLength),
  startsOn: calendarDate(),
  endsOn: calendarDate(),
  level: level(),
  participants: optionalText(phaseLimits.participants.maxLength).transform((v) =>
    (v ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
  ),
};
const datesInOrder: [(v: { startsOn: string; endsOn: string }) => boolean, { path: string[]; message: MessageKey }] = [
  (v) => v.startsOn <= v.endsOn,
  { path: ["endsOn"], message: "processes.error.phaseDates" },
];

/** A phase's dates, level and who takes part (comma separated). */
export const phaseForm = z
  .object({ intent: z.literal("phase"), phase: z.uuid(), ...phaseFields })
  .refine(...datesInOrder);

/** A new phase, for a stage the process does not use yet. */
export const addPhaseForm = z
  .object({
    intent: z.literal("add-phase"),
    stage: z.enum(stages, message("processes.stage.required")),
    ...phaseFields,
  })
  .refine(...datesInOrder);

/** A phase removed; once the process is published the domain asks for the reason. */
export const removePhaseForm = z.object({
  intent: z.literal("remove-phase"),
  phase: z.uuid(),
  reason: optionalText(removePhaseLimits.reason.maxLength).transform((v) => v || null),
});

const momentFields = {
  title: requiredText(addMomentLimits.title.maxLength),
  subject: requiredText(addMomentLimits.subject.maxLength),
  method: z.enum(methods, message("processes.method.required")),
  methodDetail: optionalText(addMomentLimits.methodDetail.maxLength).transform((v) => v ?? ""),
  round: optionalUuid(),
  advice: optionalUuid(),
  fund: optionalUuid(),
  opensOn: calendarDate(),
  opensTime: clockTime(),
  closesOn: calendarDate(),
  closesTime: clockTime(),
  feedbackOn: calendarDate(),
  feedbackHow: requiredText(addMomentLimits.feedbackHow.maxLength),
};

/** A new moment of influence in a phase. */
export const addMomentForm = z.object({
  intent: z.literal("add-moment"),
  ...formKey,
  phase: z.uuid(),
  ...momentFields,
});
/** An existing moment, adapted; `version` is the moment's version the form was filled in on. */
export const momentForm = z.object({
  intent: z.literal("moment"),
  moment: z.uuid(),
  version: z.coerce.number().int().min(0),
  ...momentFields,
});

/** Publishing; with flags of the ordinance, staff tick that they publish anyway. */
export const publishForm = z.object({ intent: z.literal("publish"), acceptFlags: ticked });

/** What was done with a moment's input, point by point; blank rows are left out, a filled row needs all three. */
export const feedbackForm = z
  .object({
    intent: z.literal("feedback"),
    moment: z.uuid(),
    points: z
      .array(
        z.object({
          point: optionalText(feedbackLimits["points[].point"].maxLength),
          outcome: z.enum(outcomes, message("processes.outcome.required")).optional(),
          reason: optionalText(feedbackLimits["points[].reason"].maxLength),
        }),
      )
      .max(FEEDBACK_ROWS)
      .optional()
      .transform((rows) => rows ?? []),
  })
  .superRefine((value, ctx) => {
    const filled = value.points.filter((row) => row.point);
    if (filled.length === 0) {
      ctx.addIssue({ code: "custom", path: ["points", 0, "point"], message: "processes.error.feedbackEmpty" });
    }
    value.points.forEach((row, index) => {
      if (!row.point) return;
      if (!row.outcome) {
        ctx.addIssue({ code: "custom", path: ["points", index, "outcome"], message: "processes.outcome.required" });
      }
      if (!row.reason) {
        ctx.addIssue({ code: "custom", path: ["points", index, "reason"], message: "processes.reason.required" });
      }
    });
  })
  .transform((value) => ({
    ...value,
    points: value.points.flatMap((row) =>
      row.point && row.outcome && row.reason ? [{ point: row.point, outcome: row.outcome, reason: row.reason }] : [],
    ),
  }));

/** Turn an evaluation's remark into a draft lesson for the programme's knowledge bundle. */
export const lessonForm = z.object({ intent: z.literal("lesson"), evaluation: z.uuid() });

const score = () => z.enum(["1", "2", "3", "4", "5"], message("processes.evaluation.score")).transform(Number);

/** A participant's evaluation after the process closed. */
export const evaluationForm = z.object({
  intent: z.literal("evaluate"),
  ...formKey,
  clear: score(),
  heard: score(),
  feedbackGood: score(),
  remark: optionalText(evaluationLimits.remark.maxLength).transform((v) => v ?? ""),
  ...honeypot,
});
