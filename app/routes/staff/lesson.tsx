import { getFormProps } from "@conform-to/react";
import { Heading1, Paragraph, PrimaryActionButton, SecondaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  editLesson,
  getLesson,
  listTrajectoryThemes,
  publishLesson,
  unpublishLesson,
} from "../../../src/domain/programme/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { type editLessonForm, oneLessonForms } from "../../forms/knowledge.ts";
import { lessonLimits } from "../../forms/knowledge-limits.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { idOrNotFound, notFound } from "../../server/http.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import type { Route } from "./+types/lesson";
import { LessonTextFields, useLessonTextLabels } from "./lesson-fields.tsx";
import { StaffNav, staffBase } from "./staff-nav.tsx";

/** One lesson of the knowledge bundle: staff correct it, publish it, or take it out of the bundle again. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "lessons:manage");
  const lessonId = idOrNotFound(params.les);
  const view = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      lesson: await getLesson(tx, tenant.id, lessonId),
      themes: await listTrajectoryThemes(tx, tenant.id),
    }),
  );
  if (!view.lesson) notFound();
  return { lesson: view.lesson, themes: view.themes };
}

const notices = {
  bijgewerkt: "knowledge.staff.updated",
  gepubliceerd: "knowledge.staff.publishedNotice",
  ingetrokken: "knowledge.staff.unpublished",
} as const;
const noticeOf = { edit: "bijgewerkt", publish: "gepubliceerd", unpublish: "ingetrokken" } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "lessons:manage");
  const lessonId = idOrNotFound(params.les);
  const { intent, submission } = parseIntentForm(await readForm(request), oneLessonForms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const form = submission.value;
  const base = { programmeTenantId: tenant.id, lessonId, actorPersonId: actor.personId };
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) => {
      if (form.intent === "edit")
        return editLesson(tx, { ...base, theme: form.theme, title: form.title, body: form.body });
      if (form.intent === "publish") return publishLesson(tx, { ...base, now: new Date() });
      return unpublishLesson(tx, base);
    });
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, programmeErrors));
  }
  return redirect(`/beheer/kennisbank/${lessonId}?melding=${noticeOf[form.intent]}`);
}

export default function LessonPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { lesson, themes } = loaderData;
  const notice = useNotice(notices);
  const [form, fields] = useFormFor<z.input<typeof editLessonForm>>("edit", {
    constraint: lessonLimits,
    defaultValue: { theme: lesson.theme, title: lesson.title, body: lesson.body },
  });
  const labels = useLessonTextLabels();
  return (
    <PageShell title={t("knowledge.staff.editTitle")}>
      <Heading1>{t("knowledge.staff.editTitle")}</Heading1>
      <Notice message={notice} />
      <StaffNav base={staffBase(undefined)} />
      <Paragraph>
        {lesson.publishedAt
          ? t("knowledge.staff.published", { date: formatCalendarDate(locale, lesson.publishedAt) })
          : t("knowledge.staff.draft")}
        {" · "}
        <span lang="nl">{lesson.trajectory.title}</span>
        {lesson.municipalityName && ` · ${lesson.municipalityName}`}
      </Paragraph>
      <Form method="post">
        <input type="hidden" name="intent" value={lesson.publishedAt ? "unpublish" : "publish"} />
        <SecondaryActionButton type="submit">
          {t(lesson.publishedAt ? "knowledge.staff.unpublish" : "knowledge.staff.publish")}
        </SecondaryActionButton>
      </Form>

      <Paragraph>{t("knowledge.staff.editIntro")}</Paragraph>
      <ErrorSummary
        formErrors={form.errors}
        fields={(Object.keys(labels) as (keyof typeof labels)[]).map((name) => ({
          meta: fields[name],
          label: labels[name],
        }))}
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="edit" />
        <LessonTextFields fields={fields} themes={themes} />
        <PrimaryActionButton type="submit">{t("knowledge.staff.update")}</PrimaryActionButton>
      </Form>
      <Paragraph>
        <Link className="nl-link" to="/beheer/kennisbank">
          {t("knowledge.staff.back")}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
