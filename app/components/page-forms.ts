import { type SubmissionResult, useForm } from "@conform-to/react";
import { useActionData, useSearchParams } from "react-router";
import type { MessageKey, Params } from "../i18n/catalogue.ts";
import { useT } from "../i18n/use-translation.ts";

/**
 * One of several forms on a page that post to the same action: it shows the action's answer only when the answer
 * names it (`forForm(formId, …)` on the server, next to `parseIntentForm`).
 */
export function useFormFor<Input extends Record<string, unknown>>(
  formId: string,
  options: Omit<Parameters<typeof useForm<Input>>[0], "id" | "lastResult"> = {},
) {
  const answer = useActionData() as { formId?: string; result?: SubmissionResult<string[]> } | undefined;
  return useForm<Input>({ ...options, id: formId, lastResult: answer?.formId === formId ? answer.result : undefined });
}

/** Which of `notices` `?melding=…` names after a redirect, with the other search parameters; none when it names none. */
function useNoticeName<Name extends string>(notices: Readonly<Record<Name, unknown>>) {
  const [search] = useSearchParams();
  const name = search.get("melding") ?? "";
  return { name: Object.hasOwn(notices, name) ? (name as Name) : undefined, search };
}

/** The entry of `notices` that `?melding=…` names after a redirect; undefined when there is none or it is not one of them. */
export function useNoticeEntry<Name extends string, Entry>(notices: Readonly<Record<Name, Entry>>): Entry | undefined {
  const { name } = useNoticeName(notices);
  return name === undefined ? undefined : notices[name];
}

/**
 * The confirmation named by `?melding=…` after a redirect, translated; undefined when there is none or it is not one
 * of this page's. `params` fills the message's placeholders from the notice's name and the other search parameters
 * (counts an import put there, for instance).
 */
export function useNotice<Name extends string>(
  notices: Readonly<Record<Name, MessageKey>>,
  params?: (name: Name, search: URLSearchParams) => Params,
): string | undefined {
  const t = useT();
  const { name, search } = useNoticeName(notices);
  return name === undefined ? undefined : t(notices[name], params?.(name, search));
}
