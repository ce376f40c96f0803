import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import type { z } from "zod";
import { isDomainError } from "../../src/domain/shared/index.ts";
import type { MessageKey } from "../i18n/catalogue.ts";

/** Parses a submitted form with its zod schema; conform keeps the values so the form re-renders filled in. */
export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema) {
  return parseWithZod(await request.formData(), { schema });
}

/** The 400 answer for bad input: the same form again, with a message next to each field. Nothing was changed. */
export function invalidForm(result: SubmissionResult<string[]>) {
  return data({ result }, { status: 400 });
}

export type DomainErrorAnswer = { status: number; message: MessageKey; field?: string };

/**
 * Turns a refusal of the domain into the form's answer; anything that is not a DomainError is a bug and is
 * rethrown to reach the error boundary.
 */
export function replyWithDomainError<Code extends string>(
  error: unknown,
  submission: {
    reply(options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): SubmissionResult<string[]>;
  },
  answers: Record<Code, DomainErrorAnswer>,
) {
  if (!isDomainError(error) || !Object.hasOwn(answers, error.code)) throw error;
  const answer = answers[error.code as Code];
  const result = answer.field
    ? submission.reply({ fieldErrors: { [answer.field]: [answer.message] } })
    : submission.reply({ formErrors: [answer.message] });
  return data({ result }, { status: answer.status });
}

/**
 * For a page with several forms sharing one action: the answer names the form it belongs to, so only that form
 * shows the messages.
 */
export function forForm<T extends object>(formId: string, answer: { data: T; init: ResponseInit | null }) {
  return data({ formId, ...answer.data }, answer.init ?? undefined);
}
