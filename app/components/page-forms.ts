import { type SubmissionResult, useForm } from "@conform-to/react";
import { useSearchParams } from "react-router";
import type { MessageKey, Params } from "../i18n/catalogue.ts";
import { useT } from "../i18n/use-translation.ts";

/**
 * One of several forms on a page that post to the same action, told apart by a hidden `intent` field: it gets the
 * action's answer only when the answer is about it. The form's id is its intent.
 */
export function useIntentForm<Input extends Record<string, unknown>>(
  intent: string,
  actionData: { result: SubmissionResult<string[]> } | undefined,
) {
  const mine = actionData?.result.initialValue?.intent === intent;
  return useForm<Input>({ id: intent, lastResult: mine ? actionData?.result : undefined });
}

/**
 * The confirmation named by `?melding=…` after a redirect, translated; undefined when there is none or it is not one
 * of this page's. `params` fills the message's placeholders from the notice's name.
 */
export function useNotice<Name extends string>(
  notices: Readonly<Record<Name, MessageKey>>,
  params?: (name: Name) => Params,
): string | undefined {
  const t = useT();
  const [search] = useSearchParams();
  const name = search.get("melding") ?? "";
  if (!Object.hasOwn(notices, name)) return undefined;
  return t(notices[name as Name], params?.(name as Name));
}
