import { getFormProps } from "@conform-to/react";
import {
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  listAllLessons,
  listTrajectories,
  listTrajectoryThemes,
  publishLesson,
  recordLesson,
} from "../../../src/domain/programme/index.ts";
import { newToken } from "../../../src/domain/shared/index.ts";
import { listMunicipalities } from "../../../src/domain/tenancy/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { ErrorSummary, FormKeyField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { Pager, requestedPage } from "../../components/pager.tsx";
import { lessonForms, type recordLessonForm } from "../../forms/knowledge.ts";
import { lessonLimits } from "../../forms/knowledge-limits.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import type { Route } from "./+types/lessons";
import { LessonTextFields, useLessonTextLabels } from "./lesson-fields.tsx";
import { StaffNav, staffBase } from "./staff-nav.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "lessons:manage");
  const { db } = services(context);
  const page = requestedPage(request);
  return withTenant(db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => ({
    page,
    ...(await listAllLessons(tx, { programmeTenantId: tenant.id, page })),
    trajectories: (await listTrajectories(tx, { tenantId: tenant.id })).map(({ id, title }) => ({ id, title })),
    themes: await listTrajectoryThemes(tx, tenant.id),
    municipalities: (await listMunicipalities(tx)).map(({ id, name }) => ({ id, name })),
    formKey: newToken().token,
  }));
}

export async function action({ request, context }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "lessons:manage");
  const { intent, submission } = parseIntentForm(await readForm(request), lessonForms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const form = submission.value;
  const { db } = services(context);
  try {
    await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      form.intent === "record"
        ? recordLesson(tx, {
            programmeTenantId: tenant.id,
            trajectoryId: form.trajectoryId,
            municipalityId: form.municipalityId,
            kind: form.municipalityId ? "municipal" : "common-thread",
            theme: form.theme,
            title: form.title,
            body: form.body,
            actorPersonId: actor.personId,
            idempotencyKey: form.key,
          })
        : publishLesson(tx, {
            programmeTenantId: tenant.id,
            lessonId: form.lessonId,
            actorPersonId: actor.personId,
            now: new Date(),
          }),
    );
  } catch (error) {
    return forForm(
      intent,
      replyWithDomainError(error, submission, {
        ...programmeErrors,
        "programme.trajectory-not-found": { status: 422, message: "programme.notFound", field: "trajectoryId" },
      }),
    );
  }
  return redirect(`/beheer/kennisbank?melding=${form.intent === "record" ? "opgeslagen" : "gepubliceerd"}`);
}

export default function Lessons({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { page, lessons, hasMore, trajectories, themes, municipalities, formKey } = loaderData;
  const [form, fields] = useFormFor<z.input<typeof recordLessonForm>>("record", {
    constraint: lessonLimits,
  });
  const notice = useNotice({ opgeslagen: "knowledge.staff.saved", gepubliceerd: "knowledge.staff.publishedNotice" });
  const labels = {
    trajectoryId: t("knowledge.staff.trajectory"),
    municipalityId: t("knowledge.staff.municipality"),
    ...useLessonTextLabels(),
  };
  return (
    <PageShell title={t("knowledge.staff.title")}>
      <Heading1>{t("knowledge.staff.title")}</Heading1>
      <Notice message={notice} />
      <StaffNav base={staffBase(undefined)} />
      <Paragraph>{t("knowledge.staff.intro")}</Paragraph>

      <Heading2>{t("knowledge.staff.list")}</Heading2>
      <ul className="samenspel-cards">
        {lessons.map((lesson) => (
          <li key={lesson.id} className="samenspel-card">
            <Heading3 lang="nl">{lesson.title}</Heading3>
            <Paragraph>
              {lesson.publishedAt
                ? t("knowledge.staff.published", { date: formatCalendarDate(locale, lesson.publishedAt) })
                : t("knowledge.staff.draft")}
              {" · "}
              <span lang="nl">{lesson.trajectory.title}</span>
              {" · "}
              <Link className="nl-link" to={`/beheer/kennisbank/${lesson.id}`}>
                {t("knowledge.staff.edit")}
                <span className="samenspel-visually-hidden">: {lesson.title}</span>
              </Link>
            </Paragraph>
            {!lesson.publishedAt && (
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="lessonId" value={lesson.id} />
                <SecondaryActionButton type="submit">
                  {t("knowledge.staff.publish")}
                  <span className="samenspel-visually-hidden">: {lesson.title}</span>
                </SecondaryActionButton>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <Pager label={t("knowledge.staff.list")} path="/beheer/kennisbank" page={page} hasMore={hasMore} />

      <Heading2>{t("knowledge.staff.add")}</Heading2>
      <ErrorSummary
        formErrors={form.errors}
        fields={(Object.keys(labels) as (keyof typeof labels)[]).map((name) => ({
          meta: fields[name],
          label: labels[name],
        }))}
      />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record" />
        <FormKeyField meta={fields.key} fresh={formKey} />
        <SelectField
          meta={fields.trajectoryId}
          label={labels.trajectoryId}
          options={trajectories.map(({ id, title }) => ({ value: id, label: title }))}
        />
        <SelectField
          meta={fields.municipalityId}
          label={labels.municipalityId}
          options={[
            { value: "", label: t("knowledge.staff.noMunicipality") },
            ...municipalities.map(({ id, name }) => ({ value: id, label: name })),
          ]}
        />
        <LessonTextFields fields={fields} themes={themes} />
        <PrimaryActionButton type="submit">{t("knowledge.staff.save")}</PrimaryActionButton>
      </Form>
    </PageShell>
  );
}
