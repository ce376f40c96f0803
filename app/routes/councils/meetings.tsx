import { getFormProps, useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { createMeeting, listMeetings } from "../../../src/domain/councils/index.ts";
import { dutchTime, newToken } from "../../../src/domain/shared/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { councilHome, MeetingFactsFields, useMeetingWhen } from "../../components/council-meeting.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { FormKeyField } from "../../components/form-fields.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { createMeetingForm } from "../../forms/council-meetings.ts";
import { meetingFactsLimits } from "../../forms/council-meetings-limits.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { meetingErrors, requireMeetingAccess } from "../../server/council-meetings.server.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import type { Route } from "./+types/meetings";

/**
 * A council's meetings, drafts included, and the form for a new one. Mounted in the council's workspace and in the
 * staff area (`requireMeetingAccess`); only the secretary and staff see the form.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, council, canEdit, base } = await requireMeetingAccess(request, context, params);
  const meetings = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listMeetings(tx, { tenantId: tenant.id, councilId: council.id, publishedOnly: false }),
  );
  return {
    gemeente: tenant.slug,
    base,
    canEdit,
    council: { slug: council.slug, name: council.name },
    meetings: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      status: m.cancelledAt ? ("cancelled" as const) : m.status,
    })),
    formKey: newToken().token,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant, council, base } = await requireMeetingAccess(request, context, params);
  const submission = await parseForm(request, createMeetingForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const value = submission.value;
  try {
    const meeting = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      createMeeting(tx, {
        tenantId: tenant.id,
        councilId: council.id,
        title: value.title,
        startsAt: dutchTime(value.date, value.startTime),
        endsAt: dutchTime(value.date, value.endTime),
        place: value.place,
        onlineUrl: value.onlineUrl || null,
        idempotencyKey: value.key,
        actorPersonId: actor.personId,
        now: new Date(),
      }),
    );
    return redirect(`${base}/${meeting.id}?melding=created`);
  } catch (error) {
    return replyWithDomainError(error, submission, meetingErrors);
  }
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ council, base }, t) => [
  { label: council.name, to: councilHome(base) },
  { label: t("councilMeetings.workspace"), to: base },
]);

export default function CouncilMeetingsPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const when = useMeetingWhen();
  const { council, meetings, base, canEdit } = loaderData;
  const title = t("councilMeetings.title", { council: council.name });
  const [form, fields] = useForm<z.input<typeof createMeetingForm>>({
    constraint: meetingFactsLimits,
    id: "nieuwe-vergadering",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
  });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("councilMeetings.lead")}</Paragraph>
      <Paragraph>
        <Link className="nl-link" to={councilHome(base)}>
          {t("councilMeetings.public.back", { council: council.name })}
        </Link>
      </Paragraph>
      {meetings.length === 0 ? (
        <Paragraph>{t("councilMeetings.none")}</Paragraph>
      ) : (
        <DataTable
          caption={t("councilMeetings.caption")}
          columns={[
            t("councilMeetings.column.title"),
            t("councilMeetings.column.when"),
            t("councilMeetings.column.status"),
          ]}
          items={meetings}
          keyOf={(meeting) => meeting.id}
          cells={(meeting) => [
            <Link key="link" className="nl-link" to={`${base}/${meeting.id}`}>
              {meeting.title}
            </Link>,
            when(meeting),
            t(`councilMeetings.status.${meeting.status}`),
          ]}
        />
      )}
      {canEdit ? (
        <section aria-labelledby="nieuw" className="samenspel-panel">
          <Heading level={2} id="nieuw">
            {t("councilMeetings.new.title")}
          </Heading>
          <Form method="post" {...getFormProps(form)}>
            <FormKeyField meta={fields.key} fresh={loaderData.formKey} />
            <MeetingFactsFields fields={fields} formErrors={form.errors} />
            <PrimaryActionButton type="submit">{t("councilMeetings.new.submit")}</PrimaryActionButton>
          </Form>
        </section>
      ) : (
        <Paragraph>{t("councilMeetings.readOnly")}</Paragraph>
      )}
    </PageShell>
  );
}
