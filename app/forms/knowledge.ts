import { z } from "zod";
import { formKey, requiredText } from "./fields.ts";
import { lessonLimits } from "./knowledge-limits.ts";

const id = z.uuid({ error: "form.required" });

export const recordLessonForm = z.object({
  intent: z.literal("record"),
  ...formKey,
  trajectoryId: id,
  municipalityId: z.uuid().optional(),
  theme: requiredText(lessonLimits.theme.maxLength),
  title: requiredText(lessonLimits.title.maxLength),
  body: requiredText(lessonLimits.body.maxLength),
});

export const publishLessonForm = z.object({ intent: z.literal("publish"), lessonId: id });

/** The knowledge-bundle page's forms, by their `intent`. */
export const lessonForms = { record: recordLessonForm, publish: publishLessonForm };

export const editLessonForm = z.object({
  intent: z.literal("edit"),
  theme: recordLessonForm.shape.theme,
  title: recordLessonForm.shape.title,
  body: recordLessonForm.shape.body,
});

/** One lesson's page: correct it, publish it, or take it out of the bundle. */
export const oneLessonForms = {
  edit: editLessonForm,
  publish: z.object({ intent: z.literal("publish") }),
  unpublish: z.object({ intent: z.literal("unpublish") }),
};
