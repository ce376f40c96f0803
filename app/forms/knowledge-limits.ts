import type { TextLimits } from "./fields-limits.ts";

/** A lesson: `recordLessonForm` and `editLessonForm`. */
export const lessonLimits = {
  theme: { maxLength: 80 },
  title: { maxLength: 200 },
  body: { maxLength: 10000 },
} satisfies TextLimits;
