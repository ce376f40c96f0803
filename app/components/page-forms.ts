import { type SubmissionResult, useForm } from "@conform-to/react";
import { useSearchParams } from "react-router";
import type { MessageKey } from "../i18n/catalogue.ts";
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

/** The confirmation named by `?melding=…` after a redirect, translated; undefined when there is none. */
export function useNotice(notices: Readonly<Record<string, MessageKey>>): string | undefined {
  const t = useT();
  const [params] = useSearchParams();
  const key = notices[params.get("melding") ?? ""];
  return key ? t(key) : undefined;
}
