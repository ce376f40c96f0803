import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, DataList, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import {
  APPLICATIONS_PER_PAGE,
  type ApplicationStatus,
  applicationSteps,
  countDesignerSignUps,
  countPlaces,
  countRegistrations,
  describeTrajectory,
  getTrajectory,
  type LearningAgenda,
  listLearningAgendas,
  pageApplications,
  type QueuedApplication,
  takeApplicationStep,
  tallyApplications,
} from "../../../src/domain/programme/index.ts";
import { dutchTime } from "../../../src/domain/shared/index.ts";
import { BarChart } from "../../components/bar-chart.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { DownloadLinks } from "../../components/download-links.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { Pager, requestedPage } from "../../components/pager.tsx";
import { Fact } from "../../components/programme-lists.tsx";
import { describeTrajectoryForm, moveApplicationForm } from "../../forms/applications.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { municipalApplicationsUrl } from "../../server/applications.server.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-trajectory";
import { TrajectoryTextForm } from "./trajectory-text-form.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(request, context, undefined, "applications:manage");
  const programmeTenantId = tenant.id;
  const page = requestedPage(request);
  const view = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const trajectory = await getTrajectory(tx, { tenantId: programmeTenantId, slug: params.slug });
    if (!trajectory) return undefined;
    const about = { programmeTenantId, trajectoryId: trajectory.id };
    const { applications, hasMore } = await pageApplications(tx, { ...about, page });
    const admitted = applications.filter((application) => application.status === "admitted");
    const agendas = await listLearningAgendas(
      tx,
      admitted.map((application) => application.id),
    );
    return {
      trajectory: {
        slug: trajectory.slug,
        title: trajectory.title,
        sharesLocalSupport: trajectory.sharesLocalSupport,
        takesDesignerSignUps: trajectory.takesDesignerSignUps,
        moreText: trajectory.moreText,
      },
      designerCount: await countDesignerSignUps(tx, about),
      // The next steps come with the data: the state table stays on the server, out of the browser bundle.
      queue: applications.map((application) => ({
        ...application,
        steps: applicationSteps("programme", application.status),
        agenda: agendas.get(application.id),
      })),
      page,
      hasMore,
      perPage: APPLICATIONS_PER_PAGE,
      tally: await tallyApplications(tx, about),
      places: await countPlaces(tx, programmeTenantId, trajectory.id),
      registrations: await countRegistrations(tx, about),
    };
  });
  if (!view) notFound();
  return { ...view, canManageCosts: rolesGrant(roles, "costs:manage") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "applications:manage");
  const formData = await readForm(request);
  if (formData.get("intent") === "describe") {
    const described = parseFormData(formData, describeTrajectoryForm);
    if (described.status !== "success") return forForm("describe", invalidForm(described.reply()));
    try {
      await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
        describeTrajectory(tx, {
          programmeTenantId: tenant.id,
          slug: params.slug,
          sharesLocalSupport: described.value.sharesLocalSupport === "on",
          takesDesignerSignUps: described.value.takesDesignerSignUps === "on",
          moreText: described.value.moreText ?? "",
          actorPersonId: actor.personId,
        }),
      );
    } catch (error) {
      return forForm("describe", replyWithDomainError(error, described, programmeErrors));
    }
    return redirect(`/beheer/trajecten/${params.slug}?melding=beschreven`);
  }
  const submission = parseFormData(formData, moveApplicationForm);
  const payload = submission.payload as Record<string, unknown>;
  const formId = `${String(payload.intent)}-${String(payload.application)}`;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const value = submission.value;
  try {
    const now = new Date();
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      takeApplicationStep(tx, {
        programmeTenantId: tenant.id,
        applicationId: value.application,
        to: value.intent,
        side: "programme",
        actorPersonId: actor.personId,
        ...(value.note ? { note: value.note } : {}),
        ...(value.intent === "intake-scheduled" ? { intakeAt: dutchTime(value.intakeOn, value.intakeTime) } : {}),
        url: (slug) => municipalApplicationsUrl(context, slug),
        now,
      }),
    );
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, programmeErrors));
  }
  services(context).queue.wake();
  return redirect(`/beheer/trajecten/${params.slug}?melding=${value.intent}`);
}

export default function StaffTrajectory({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { trajectory, queue, page, hasMore, perPage, tally, places, registrations, designerCount, canManageCosts } =
    loaderData;
  const movedNotice = useNotice(moved, (status) => ({ status: t(`applications.status.${status}`) }));
  const notice = useNotice({ beschreven: "trajectory.staff.described" }) ?? movedNotice;
  const title = t("applications.queue.title", { trajectory: trajectory.title });
  const statuses = Object.keys(tally.byStatus) as ApplicationStatus[];
  const open = queue.filter((application) => application.steps.length > 0);
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base="/beheer" />
      <Paragraph>
        {places.max === null
          ? places.admitted === 1
            ? t("applications.places.unlimitedOne")
            : t("applications.places.unlimited", { admitted: places.admitted })
          : t("applications.places", { admitted: places.admitted, max: places.max, left: places.placesLeft ?? 0 })}{" "}
        {places.min !== null &&
          t(places.canStart ? "applications.places.canStart" : "applications.places.cannotStart", { min: places.min })}
      </Paragraph>

      {(trajectory.takesDesignerSignUps || designerCount > 0) && (
        <Paragraph>
          <Link className="nl-link" to="ontwerpers">
            {t("designers.staff.link", { count: designerCount })}
          </Link>
        </Paragraph>
      )}

      <TrajectoryTextForm trajectory={trajectory} />

      <section aria-labelledby="wachtrij">
        <Heading level={2} id="wachtrij">
          {t("applications.queue.heading")}
        </Heading>
        {(page > 1 || hasMore) && <Paragraph>{t("applications.queue.paged", { count: perPage })}</Paragraph>}
        {queue.length === 0 ? (
          <Paragraph>{t("applications.queue.empty")}</Paragraph>
        ) : (
          <DataTable
            caption={t("applications.queue.caption")}
            columns={[
              t("applications.municipality"),
              t("applications.province"),
              t("applications.submittedOn"),
              t("applications.status"),
              t("applications.intakeOn"),
            ]}
          >
            {queue.map((application) => (
              <TableRow key={application.id}>
                <TableCell>
                  {application.status === "admitted" && canManageCosts ? (
                    <Link className="nl-link" to={`kosten/${application.id}`}>
                      {application.municipalityName}
                    </Link>
                  ) : (
                    application.municipalityName
                  )}
                </TableCell>
                <TableCell>{application.province ?? ""}</TableCell>
                <TableCell>{formatDate(locale, new Date(application.submittedAt))}</TableCell>
                <TableCell>{t(`applications.status.${application.status}`)}</TableCell>
                <TableCell>
                  {application.intakeAt
                    ? `${formatDate(locale, new Date(application.intakeAt))} ${formatTime(locale, new Date(application.intakeAt))}`
                    : ""}
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
        {open.map((application) => (
          <QueuedSteps key={application.id} application={application} />
        ))}
        <Pager
          label={t("applications.queue.pages")}
          path={`/beheer/trajecten/${trajectory.slug}`}
          page={page}
          hasMore={hasMore}
        />
      </section>

      {queue.length > 0 && (
        <section aria-labelledby="ingediend">
          <Heading level={2} id="ingediend">
            {t("applications.submitted.heading")}
          </Heading>
          {queue.map((application) => (
            <Submitted key={application.id} application={application} />
          ))}
        </section>
      )}

      <section aria-labelledby="dashboard">
        <Heading level={2} id="dashboard">
          {t("applications.dashboard.heading")}
        </Heading>
        <BarChart
          title={t("applications.dashboard.chart", { trajectory: trajectory.title })}
          bars={statuses.map((status) => ({
            label: t(`applications.status.${status}`),
            value: tally.byStatus[status],
          }))}
        />
        <DataTable
          caption={t("applications.dashboard.byStatus")}
          columns={[t("applications.status"), t("applications.dashboard.count")]}
        >
          {statuses.map((status) => (
            <TableRow key={status}>
              <TableCell>{t(`applications.status.${status}`)}</TableCell>
              <TableCell>{tally.byStatus[status]}</TableCell>
            </TableRow>
          ))}
        </DataTable>
        <DataTable
          caption={t("applications.dashboard.byProvince")}
          columns={[t("applications.province"), t("applications.dashboard.count")]}
        >
          {tally.admittedByProvince.map((row) => (
            <TableRow key={row.province}>
              <TableCell>{row.province || t("applications.province.unknown")}</TableCell>
              <TableCell>{row.count}</TableCell>
            </TableRow>
          ))}
        </DataTable>
        <DataTable
          caption={t("applications.dashboard.registrations")}
          columns={[
            t("applications.dashboard.meeting"),
            t("applications.dashboard.track"),
            t("applications.dashboard.capacity"),
            t("applications.dashboard.registered"),
            t("applications.dashboard.waitListed"),
          ]}
        >
          {registrations.map((row) => (
            <TableRow key={row.slotId}>
              <TableCell>
                {row.meetingTitle} ({formatDate(locale, new Date(row.meetingStartsAt))})
              </TableCell>
              <TableCell>{row.slotTitle}</TableCell>
              <TableCell>{row.capacity ?? ""}</TableCell>
              <TableCell>{row.registered}</TableCell>
              <TableCell>{row.waitListed}</TableCell>
            </TableRow>
          ))}
        </DataTable>
        <DownloadLinks
          stem={`/beheer/trajecten/${trajectory.slug}/export`}
          csv={t("applications.export.csv")}
          xlsx={t("applications.export.xlsx")}
        />
      </section>
    </PageShell>
  );
}

/**
 * Everything one municipality submitted (project, learning question, the commitment of college, council and civil
 * service, the contacts) and, once admitted, its learning agenda with each local action's status: what staff and
 * supervisors read before an intake and during the trajectory.
 */
function Submitted({ application }: { application: QueuedApplication & { agenda: LearningAgenda | undefined } }) {
  const t = useT();
  const headingId = `ingediend-${application.id}`;
  const { agenda } = application;
  return (
    <article aria-labelledby={headingId} className="samenspel-panel">
      <Heading level={3} id={headingId}>
        {application.municipalityName}
      </Heading>
      <DataList className="samenspel-facts">
        <Fact label={t("applications.status")}>{t(`applications.status.${application.status}`)}</Fact>
        <Fact label={t("applications.project")}>{application.project}</Fact>
        <Fact label={t("applications.learningQuestion")}>{application.learningQuestion}</Fact>
        <Fact label={t("applications.commitment.college")}>{application.commitmentCollege}</Fact>
        <Fact label={t("applications.commitment.council")}>{application.commitmentCouncil}</Fact>
        <Fact label={t("applications.commitment.civilService")}>{application.commitmentCivilService}</Fact>
        <Fact label={t("applications.contacts")}>
          <ul className="utrecht-unordered-list">
            {application.contacts.map((contact) => (
              <li key={contact.email}>
                {contact.name} ({contact.role}), <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </li>
            ))}
          </ul>
        </Fact>
      </DataList>
      {agenda && (
        <>
          <Heading level={4}>
            {t("applications.agenda.titleOf", { municipality: application.municipalityName })}
          </Heading>
          <Paragraph>{t(`applications.agenda.progress.${agenda.progress}`)}</Paragraph>
          <AgendaList title={t("applications.agenda.questions")} items={agenda.questions} />
          <AgendaList title={t("applications.agenda.actions")} items={agenda.actions} withStatus />
        </>
      )}
    </article>
  );
}

function AgendaList({
  title,
  items,
  withStatus = false,
}: {
  title: string;
  items: LearningAgenda["actions"];
  withStatus?: boolean;
}) {
  const t = useT();
  return (
    <>
      <Heading level={5}>{title}</Heading>
      {items.length === 0 ? (
        <Paragraph>{t("applications.agenda.none")}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {items.map((item) => (
            <li key={item.id}>
              {item.text}
              {withStatus && ` – ${t(`applications.agenda.status.${item.status}`)}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type StepFields = { intent: string; application: string; intakeOn?: string; intakeTime?: string; note?: string };

/** One form per allowed step, each with an optional note; the intake also asks for a date and time. */
function QueuedSteps({ application }: { application: QueuedApplication & { steps: ApplicationStatus[] } }) {
  const t = useT();
  const headingId = `stap-${application.id}`;
  return (
    <section aria-labelledby={headingId} className="samenspel-panel">
      <Heading level={3} id={headingId}>
        {t("applications.queue.next", {
          municipality: application.municipalityName,
          status: t(`applications.status.${application.status}`),
        })}
      </Heading>
      <Paragraph>{application.learningQuestion}</Paragraph>
      {application.steps.map((to) => (
        <StepForm key={to} applicationId={application.id} to={to} municipality={application.municipalityName} />
      ))}
    </section>
  );
}

function StepForm({
  applicationId,
  to,
  municipality,
}: {
  applicationId: string;
  to: ApplicationStatus;
  municipality: string;
}) {
  const t = useT();
  const id = `${to}-${applicationId}`;
  const [form, fields] = useFormFor<StepFields>(id);
  const schedule = to === "intake-scheduled";
  return (
    <Form method="post" {...getFormProps(form)} className="samenspel-step-form">
      <input type="hidden" name="intent" value={to} />
      <input type="hidden" name="application" value={applicationId} />
      <ErrorSummary
        formErrors={form.errors}
        fields={[
          { meta: fields.intakeOn, label: t("applications.intake.date") },
          { meta: fields.intakeTime, label: t("applications.intake.time") },
          { meta: fields.note, label: t("applications.note.optional") },
        ]}
      />
      {schedule && (
        <>
          <TextField meta={fields.intakeOn} label={t("applications.intake.date")} type="date" />
          <TextField meta={fields.intakeTime} label={t("applications.intake.time")} type="time" />
        </>
      )}
      <TextField meta={fields.note} label={t("applications.note.optional")} />
      <Button type="submit" appearance={to === "declined" ? "secondary-action-button" : "primary-action-button"}>
        {t(`applications.step.${to}`, { municipality })}
      </Button>
    </Form>
  );
}

/** The confirmation after each step names the state the application moved to. */
const moved = Object.fromEntries(
  (["intake-scheduled", "intake-held", "admitted", "wait-listed", "declined", "withdrawn"] as const).map((status) => [
    status,
    "applications.queue.moved",
  ]),
) as Record<Exclude<ApplicationStatus, "submitted">, MessageKey>;
