import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import type { z } from "zod";
import { isDomainError } from "../../src/domain/shared/index.ts";
import { FORM_BODY_LIMIT } from "../forms/body-limits.ts";
import { fallbackMessage } from "../forms/fields.ts";
import type { MessageKey } from "../i18n/catalogue.ts";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * Reads a submitted form, for every action: the one place where a body becomes `FormData`. What no browser form
 * sends is refused with a status and a short message, never a 500: another content type (415), a body above
 * `limit` bytes (413), a body that is not valid form encoding or UTF-8 (400), and control characters such as NUL
 * in a value (400; PostgreSQL refuses NUL in text, and no one types it). The HTTP server already refuses oversized
 * bodies by their `Content-Length` (`server/body-limits.ts`); the count here also covers a body without one.
 */
export async function readForm(request: Request, limit = FORM_BODY_LIMIT): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.includes(type))
    refuse(415, "Send this form as application/x-www-form-urlencoded or multipart/form-data.");
  let form: FormData;
  if (type === "multipart/form-data") {
    // Uploads are bounded by their declared length here and in the HTTP server, which requires one.
    if (Number(request.headers.get("Content-Length") ?? "0") > limit) refuse(413, tooLarge(limit));
    form = await request.formData().catch(() => refuse(400, "The form could not be read."));
  } else {
    form = decodeUrlEncoded(await withinLimit(request, limit));
  }
  for (const [name, value] of form) {
    if (CONTROL_CHARACTERS.test(name) || (typeof value === "string" && CONTROL_CHARACTERS.test(value))) {
      refuse(400, "The form holds characters that are not allowed, such as NUL.");
    }
  }
  return form;
}

/** Tab, line feed and carriage return are text; every other C0 control character and DEL is not. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function refuse(status: 400 | 413 | 415, message: string): never {
  throw data(message, { status });
}

const tooLarge = (limit: number) => `This form is too large: at most ${limit} bytes.`;

async function withinLimit(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get("Content-Length") ?? "0") > limit) refuse(413, tooLarge(limit));
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) refuse(413, tooLarge(limit));
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** `application/x-www-form-urlencoded`, strictly: bytes and percent escapes must both be UTF-8. */
function decodeUrlEncoded(body: Uint8Array): FormData {
  const form = new FormData();
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    refuse(400, "The form is not valid UTF-8.");
  }
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const at = pair.indexOf("=");
    const [name, value] = at === -1 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
    try {
      form.append(decodeURIComponent(name.replaceAll("+", " ")), decodeURIComponent(value.replaceAll("+", " ")));
    } catch {
      refuse(400, "The form is not valid UTF-8.");
    }
  }
  return form;
}

/**
 * Validates read form data with its zod schema; conform keeps the values so the form re-renders filled in. Every
 * message is a catalogue key: a schema's own messages are typed as keys, and zod's built-in ones (a field sent
 * twice, an unknown choice, a number out of range) become the generic key for their kind of issue.
 */
export function parseFormData<Schema extends z.ZodType>(formData: FormData, schema: Schema) {
  const formatError = (issues: { message: string }[]) => [...new Set(issues.map((issue) => issue.message))];
  return parseWithZod(formData, { schema, error: fallbackMessage, formatError }) as Submission<
    z.input<Schema>,
    string[],
    z.output<Schema>
  >;
}

/** Reads and validates a submitted form with its zod schema (`readForm`, then `parseFormData`). */
export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema) {
  return parseFormData(await readForm(request), schema);
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
 * For a page with several forms posting to one action, told apart by their hidden `intent` field: validates the
 * data with the schema of the form it names. An intent the page does not have is a 400: no page of ours sends one.
 * Answer with `forForm`, and let each form read its answer with `useFormFor` (app/components/page-forms.ts).
 */
export function parseIntentForm<Forms extends Record<string, z.ZodType>>(formData: FormData, forms: Forms) {
  const intent = String(formData.get("intent"));
  if (!Object.hasOwn(forms, intent)) throw data(null, { status: 400 });
  return { intent: intent as keyof Forms & string, submission: parseFormData(formData, forms[intent as keyof Forms]) };
}

/**
 * For a page with several forms sharing one action: the answer names the form it belongs to, so only that form
 * shows the messages. The form id is the intent, or the intent and a record's id where a page repeats a form per
 * record.
 */
export function forForm<T extends object>(formId: string, answer: { data: T; init: ResponseInit | null }) {
  return data({ formId, ...answer.data }, answer.init ?? undefined);
}
