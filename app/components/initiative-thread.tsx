import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form } from "react-router";
import type { z } from "zod";
import type { InitiativeDetail } from "../../src/domain/initiatives/index.ts";
import type { messageForm } from "../forms/initiatives.ts";
import { messageLimits } from "../forms/initiatives-limits.ts";
import { formatDate, formatTime } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";
import { ErrorSummary, FormKeyField, TextAreaField } from "./form-fields.tsx";

type Messages = InitiativeDetail["messages"];

/** The thread of an initiative as both sides see it: messages and status changes with their reasons, oldest first. */
export function InitiativeThread({ messages, initiatorLabel }: { messages: Messages; initiatorLabel: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="berichten">
      <Heading level={2} id="berichten">
        {t("initiatives.thread.title")}
      </Heading>
      {messages.length === 0 ? (
        <Paragraph>{t("initiatives.thread.none")}</Paragraph>
      ) : (
        <ol className="samenspel-thread">
          {messages.map((m) => {
            const at = new Date(m.createdAt);
            const who =
              m.author === "initiator" ? initiatorLabel : (m.authorName ?? t("initiatives.thread.municipality"));
            return (
              <li key={m.id} className="samenspel-card">
                <Paragraph>
                  <strong>{who}</strong>, {formatDate(locale, at)} {formatTime(locale, at)}
                  {m.status
                    ? ` · ${t("initiatives.thread.statusChange", { status: t(`initiatives.status.${m.status}`) })}`
                    : ""}
                </Paragraph>
                <Paragraph className="samenspel-pre-line">{m.body}</Paragraph>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** The form under the thread; `formKey` makes a double submit post once. */
export function MessageForm({
  lastResult,
  formKey,
  label,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  formKey: string;
  label: string;
}) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof messageForm>>({
    constraint: messageLimits,
    id: "message",
    lastResult,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="message" />
      <FormKeyField meta={fields.key} fresh={formKey} />
      <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.body, label }]} />
      <TextAreaField meta={fields.body} label={label} rows={4} required />
      <PrimaryActionButton type="submit">{t("initiatives.thread.send")}</PrimaryActionButton>
    </Form>
  );
}
