import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton, SecondaryActionButton, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  addMeetingSlot,
  cancelMeeting,
  changeMeeting,
  confirmPlace,
  declinePlace,
  getMeeting,
  listTrajectories,
  MEETING_REGISTRATIONS_PER_PAGE,
  type MeetingFields,
  pageMeetingRegistrations,
  recordAttendance,
  scheduleMeeting,
} from "../../../src/domain/programme/index.ts";
import { meetingPlace } from "../../../src/domain/programme/meeting-place.ts";
import { dutchDateOf, dutchTime, dutchWallClock } from "../../../src/domain/shared/index.ts";
import { listMunicipalities } from "../../../src/domain/tenancy/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { CheckboxField, CheckboxGroupField, Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { DownloadLinks } from "../../components/download-links.tsx";
import { ErrorSummary, TextAreaField, TextField } from "../../components/form-fields.tsx";
import { MeetingProgramme } from "../../components/meeting-programme.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { Pager, requestedPage } from "../../components/pager.tsx";
import { meetingWhenText } from "../../components/programme-format.ts";
import {
  attendanceForm,
  cancelMeetingForm,
  meetingDetailsForm,
  meetingSlotForm,
  newMeetingForm,
  placeDecisionForm,
} from "../../forms/meetings.ts";
import {
  meetingAudiences,
  meetingSlotLimits,
  newMeetingLimits,
  staffMeetingKinds,
} from "../../forms/meetings-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import {
  forForm,
  invalidForm,
  parseFormData,
  parseIntentForm,
  readForm,
  replyWithDomainError,
} from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { meetingLink } from "../../server/participation.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-meeting";

const clock = (instant: Date) => dutchWallClock(instant).toISOString().slice(11, 16);

/** A meeting's details as the form's fields, to change them. */
function formValues(meeting: Omit<MeetingFields, "kind"> & { kind: string; invited: ReadonlyArray<{ id: string }> }) {
  return {
    kind: meeting.kind,
    title: meeting.title,
    description: meeting.description ?? "",
    date: dutchDateOf(meeting.startsAt),
    startTime: clock(meeting.startsAt),
    endTime: clock(meeting.endsAt),
    venue: meeting.venue ?? "",
    address: meeting.address ?? "",
    city: meeting.city ?? "",
    region: meeting.region ?? "",
    trajectory: meeting.trajectoryId ?? "",
    ...(meeting.placesProvisional ? { placesProvisional: "on" } : {}),
    audience: meeting.audience ?? "open",
    invited: meeting.invited.map(({ id }) => id),
  };
}

/**
 * Staff schedule a meeting (`/beheer/bijeenkomsten/nieuw`) or manage one (`/beheer/bijeenkomsten/:slug`): its
 * details, date, time and place, its programme of parts and parallel tracks, who registered, who waits and who came,
 * 50 registrations a page (`?pagina=`): the exports have them all.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "meetings:manage");
  const page = requestedPage(request);
  const view = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, async (tx) => {
    const trajectories = (await listTrajectories(tx, { tenantId: tenant.id })).map(({ id, title }) => ({ id, title }));
    const municipalities = (await listMunicipalities(tx)).map(({ id, name }) => ({ id, name }));
    const lists = { trajectories, municipalities };
    if (!params.slug) return { ...lists, meeting: null, registrations: [], hasMore: false };
    const meeting = await getMeeting(tx, { tenantId: tenant.id, slug: params.slug });
    if (!meeting) return undefined;
    const registrations = await pageMeetingRegistrations(tx, { tenantId: tenant.id, meetingId: meeting.id, page });
    return { ...lists, meeting, ...registrations };
  });
  if (!view) notFound();
  return {
    ...view,
    values: view.meeting ? formValues(view.meeting) : { kind: "start-session", audience: "open" },
    page,
    perPage: MEETING_REGISTRATIONS_PER_PAGE,
    now: new Date(),
  };
}

const forms = {
  details: meetingDetailsForm,
  slot: meetingSlotForm,
  cancel: cancelMeetingForm,
  attendance: attendanceForm,
  place: placeDecisionForm,
} as const;

type Details = z.output<typeof meetingDetailsForm>;

/** The form's date and clock times as instants, and empty boxes as nothing. */
function fieldsOf(v: Omit<Details, "intent">): MeetingFields {
  return {
    kind: v.kind,
    title: v.title,
    description: v.description ?? "",
    startsAt: dutchTime(v.date, v.startTime),
    endsAt: dutchTime(v.date, v.endTime),
    venue: v.venue || null,
    address: v.address || null,
    city: v.city || null,
    region: v.region || null,
    trajectoryId: v.trajectory ?? null,
    placesProvisional: v.placesProvisional === "on",
    audience: v.audience,
    invitedMunicipalityIds: v.audience === "invited" ? (v.invited ?? []) : [],
  };
}

const answers = {
  ...programmeErrors,
  "programme.ends-before-start": { ...programmeErrors["programme.ends-before-start"], field: "endTime" },
};

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, undefined, "meetings:manage");
  const formData = await readForm(request);
  const db = services(context).db;
  const scope = { tenantId: tenant.id, personId: actor.personId };
  const common = {
    tenantId: tenant.id,
    actorPersonId: actor.personId,
    meetingLink: meetingLink(context),
    now: new Date(),
  };
  if (!params.slug) {
    const submission = parseFormData(formData, newMeetingForm);
    if (submission.status !== "success") return forForm("details", invalidForm(submission.reply()));
    const { slug, ...details } = submission.value;
    try {
      await withTenant(db, scope, (tx) =>
        scheduleMeeting(tx, { ...fieldsOf(details), tenantId: tenant.id, slug, actorPersonId: actor.personId }),
      );
    } catch (error) {
      const slugTaken = { ...answers["programme.slug-taken"], field: "slug" };
      return forForm(
        "details",
        replyWithDomainError(error, submission, { ...answers, "programme.slug-taken": slugTaken }),
      );
    }
    return redirect(`/beheer/bijeenkomsten/${slug}?melding=created`);
  }
  const { intent, submission } = parseIntentForm(formData, forms);
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const value = submission.value;
  let notice: string = intent;
  try {
    notice = await withTenant(db, scope, async (tx) => {
      const meeting = await getMeeting(tx, { tenantId: tenant.id, slug: params.slug! });
      if (!meeting) notFound();
      const ref = { ...common, meetingId: meeting.id };
      if (value.intent === "details") {
        const change = await changeMeeting(tx, { ...ref, ...fieldsOf(value) });
        return change.moved ? "moved" : "details";
      }
      if (value.intent === "slot") {
        const on = dutchDateOf(meeting.startsAt);
        const time = {
          title: value.title,
          startsAt: dutchTime(on, value.startTime),
          endsAt: dutchTime(on, value.endTime),
        };
        await addMeetingSlot(tx, {
          tenantId: tenant.id,
          meetingId: meeting.id,
          ...(value.kind === "track"
            ? { kind: "track", capacity: value.capacity ?? 0, trajectoryId: value.trajectory ?? null, ...time }
            : { kind: value.kind, ...time }),
        });
        return "slot";
      }
      if (value.intent === "cancel") {
        await cancelMeeting(tx, ref);
        return "cancelled";
      }
      if (value.intent === "place") {
        const decide = value.decision === "confirm" ? confirmPlace : declinePlace;
        await decide(tx, { ...common, registrationId: value.registration });
        return value.decision === "confirm" ? "confirmed" : "declined";
      }
      await recordAttendance(tx, { ...ref, shownIds: value.shown ?? [], attendedIds: value.attended ?? [] });
      return "attendance";
    });
  } catch (error) {
    return forForm(intent, replyWithDomainError(error, submission, answers));
  }
  services(context).queue.wake();
  // Back to the page of registrations the form was on.
  const page = requestedPage(request);
  return redirect(`/beheer/bijeenkomsten/${params.slug}?melding=${notice}${page > 1 ? `&pagina=${page}` : ""}`);
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ meeting }, t) => [
  { label: t("staff.nav.overview"), to: "/beheer" },
  { label: t("meetings.staff.title"), to: "/beheer/bijeenkomsten" },
  meeting
    ? { label: meeting.title, to: `/beheer/bijeenkomsten/${meeting.slug}` }
    : { label: t("meetings.new.title"), to: "/beheer/bijeenkomsten/nieuw" },
]);

const notices = {
  created: "meetings.notice.created",
  details: "meetings.notice.details",
  moved: "meetings.notice.moved",
  slot: "meetings.notice.slot",
  cancelled: "meetings.notice.cancelled",
  attendance: "meetings.notice.attendance",
  confirmed: "meetings.notice.confirmed",
  declined: "meetings.notice.declined",
} as const satisfies Record<string, MessageKey>;

type Loaded = Route.ComponentProps["loaderData"];

export default function StaffMeetingPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { meeting, registrations, hasMore, page, perPage, trajectories, municipalities, values, now } = loaderData;
  const notice = useNotice(notices);
  const title = meeting ? meeting.title : t("meetings.new.title");
  const open = meeting && !meeting.cancelledAt;
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base="/beheer" />
      {meeting && (
        <Paragraph>
          {meeting.cancelledAt ? `${t("meetings.state.cancelled")}. ` : ""}
          {meetingWhenText(t, locale, meeting)}
          {", "}
          {meetingPlace(meeting) ?? t("meeting.placeUnknown")}.{" "}
          <Link className="nl-link" to={`/programma/bijeenkomsten/${meeting.slug}`}>
            {t("meetings.publicPage")}
          </Link>
        </Paragraph>
      )}
      {(!meeting || open) && (
        <DetailsForm isNew={!meeting} values={values} trajectories={trajectories} municipalities={municipalities} />
      )}
      {meeting && (
        <>
          <MeetingProgramme meeting={meeting} empty={t("meetings.programme.empty")} />
          {open && <SlotForm trajectories={trajectories} />}
          <Registrations meeting={meeting} registrations={registrations} paging={{ page, hasMore, perPage }} />
          {open && <ProvisionalPlaces registrations={registrations} />}
          {open && meeting.startsAt <= now && <AttendanceForm registrations={registrations} />}
          {open && <CancelForm />}
        </>
      )}
    </PageShell>
  );
}

/** The trajectories to link a meeting or a track to, after "none". */
const trajectoryOptions = (none: string, trajectories: Loaded["trajectories"]) => [
  { value: "", label: none },
  ...trajectories.map(({ id, title }) => ({ value: id, label: title })),
];

function DetailsForm({
  isNew,
  values,
  trajectories,
  municipalities,
}: {
  isNew: boolean;
  values: Loaded["values"];
  trajectories: Loaded["trajectories"];
  municipalities: Loaded["municipalities"];
}) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof newMeetingForm>>("details", {
    constraint: newMeetingLimits,
    defaultValue: values,
  });
  const isWorkshop = !isNew && values.kind === "workshop";
  const labels = [
    ["kind", "meeting.kind"],
    ["title", "meetings.field.title"],
    ["slug", "meetings.field.slug"],
    ["description", "meetings.field.description"],
    ["date", "meetings.field.date"],
    ["startTime", "meetings.field.startTime"],
    ["endTime", "meetings.field.endTime"],
    ["venue", "meetings.field.venue"],
    ["address", "meetings.field.address"],
    ["city", "meetings.field.city"],
    ["region", "meeting.region"],
    ["trajectory", "meeting.trajectory"],
    ["placesProvisional", "meetings.field.placesProvisional"],
    ["audience", "meetings.field.audience"],
    ["invited", "meetings.field.invited"],
  ] as const satisfies ReadonlyArray<readonly [keyof typeof fields, MessageKey]>;
  return (
    <section aria-labelledby="gegevens" className="samenspel-panel">
      <Heading level={2} id="gegevens">
        {t(isNew ? "meetings.details.new" : "meetings.details.title")}
      </Heading>
      {!isNew && <Paragraph>{t("meetings.details.mailed")}</Paragraph>}
      <Form method="post" {...getFormProps(form)}>
        {!isNew && <input type="hidden" name="intent" value="details" />}
        <ErrorSummary
          formErrors={form.errors}
          fields={labels
            .filter(([name]) => isNew || name !== "slug")
            .map(([name, key]) => ({ meta: fields[name], label: t(key) }))}
        />
        {/* A workshop's meeting keeps its kind (scheduled from the request); no other meeting becomes one. */}
        <SelectField
          meta={fields.kind}
          label={t("meeting.kind")}
          description={isWorkshop ? t("meetings.field.kind.workshop") : undefined}
          options={(isWorkshop ? (["workshop"] as const) : staffMeetingKinds).map((kind) => ({
            value: kind,
            label: t(`meetingKind.${kind}`),
          }))}
        />
        <TextField meta={fields.title} label={t("meetings.field.title")} required />
        {isNew && (
          <TextField
            meta={fields.slug}
            label={t("meetings.field.slug")}
            description={t("meetings.field.slug.hint")}
            required
          />
        )}
        <TextAreaField meta={fields.description} label={t("meetings.field.description")} rows={4} />
        <TextField meta={fields.date} type="date" label={t("meetings.field.date")} required />
        <TextField meta={fields.startTime} type="time" label={t("meetings.field.startTime")} required />
        <TextField meta={fields.endTime} type="time" label={t("meetings.field.endTime")} required />
        <TextField meta={fields.venue} label={t("meetings.field.venue")} />
        <TextField meta={fields.address} label={t("meetings.field.address")} />
        <TextField meta={fields.city} label={t("meetings.field.city")} />
        <TextField meta={fields.region} label={t("meeting.region")} />
        <SelectField
          meta={fields.trajectory}
          label={t("meeting.trajectory")}
          options={trajectoryOptions(t("meetings.field.noTrajectory"), trajectories)}
        />
        <CheckboxField meta={fields.placesProvisional} label={t("meetings.field.placesProvisional")} />
        <SelectField
          meta={fields.audience}
          label={t("meetings.field.audience")}
          options={meetingAudiences.map((audience) => ({ value: audience, label: t(`meetings.audience.${audience}`) }))}
        />
        <CheckboxGroupField
          meta={fields.invited}
          legend={t("meetings.field.invited")}
          description={t("meetings.field.invited.hint")}
          options={municipalities.map(({ id, name }) => ({ value: id, label: name }))}
        />
        <PrimaryActionButton type="submit">
          {t(isNew ? "meetings.new.submit" : "meetings.details.submit")}
        </PrimaryActionButton>
      </Form>
    </section>
  );
}

function SlotForm({ trajectories }: { trajectories: Loaded["trajectories"] }) {
  const t = useT();
  const [form, fields] = useFormFor<Omit<z.input<typeof meetingSlotForm>, "capacity"> & { capacity?: string }>("slot", {
    constraint: meetingSlotLimits,
  });
  return (
    <section aria-labelledby="onderdeel" className="samenspel-panel">
      <Heading level={2} id="onderdeel">
        {t("meetings.slot.title")}
      </Heading>
      <Paragraph>{t("meetings.slot.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="slot" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.kind, label: t("meeting.programme.kind") },
            { meta: fields.title, label: t("meeting.programme.part") },
            { meta: fields.startTime, label: t("meetings.field.startTime") },
            { meta: fields.endTime, label: t("meetings.field.endTime") },
            { meta: fields.capacity, label: t("meeting.programme.seats") },
            { meta: fields.trajectory, label: t("meeting.trajectory") },
          ]}
        />
        <SelectField
          meta={fields.kind}
          label={t("meeting.programme.kind")}
          options={(["track", "plenary", "walk-in"] as const).map((kind) => ({
            value: kind,
            label: t(`slotKind.${kind}`),
          }))}
        />
        <TextField meta={fields.title} label={t("meeting.programme.part")} required />
        <TextField meta={fields.startTime} type="time" label={t("meetings.field.startTime")} required />
        <TextField meta={fields.endTime} type="time" label={t("meetings.field.endTime")} required />
        <TextField
          meta={fields.capacity}
          label={t("meeting.programme.seats")}
          description={t("meetings.slot.capacity.hint")}
        />
        <SelectField
          meta={fields.trajectory}
          label={t("meeting.trajectory")}
          options={trajectoryOptions(t("meetings.field.noTrajectory"), trajectories)}
        />
        <PrimaryActionButton type="submit">{t("meetings.slot.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function Registrations({
  meeting,
  registrations,
  paging: { page, hasMore, perPage },
}: {
  meeting: NonNullable<Loaded["meeting"]>;
  registrations: Loaded["registrations"];
  paging: { page: number; hasMore: boolean; perPage: number };
}) {
  const t = useT();
  const path = `/beheer/bijeenkomsten/${meeting.slug}`;
  return (
    <section aria-labelledby="aanmeldingen">
      <Heading level={2} id="aanmeldingen">
        {t("meetings.registrations.title")}
      </Heading>
      {(page > 1 || hasMore) && <Paragraph>{t("meetings.registrations.paged", { count: perPage })}</Paragraph>}
      {registrations.length === 0 ? (
        <Paragraph>{t("meetings.registrations.empty")}</Paragraph>
      ) : (
        <DataTable
          caption={t("meetings.registrations.caption", { title: meeting.title })}
          columns={[
            t("meeting.programme.part"),
            t("meetings.registrations.name"),
            t("meetings.registrations.email"),
            t("meetings.registrations.organisation"),
            t("meetings.registrations.status"),
            t("meetings.registrations.attended"),
          ]}
        >
          {registrations.map((row) => (
            <TableRow key={row.id}>
              <TableCell>{row.track}</TableCell>
              <TableCell>{row.name}</TableCell>
              <TableCell>{row.email}</TableCell>
              <TableCell>{row.organisation}</TableCell>
              <TableCell>
                {row.provisional
                  ? t("meetings.registrations.provisional")
                  : row.status === "registered"
                    ? t("meetings.registrations.registered")
                    : t("meetings.registrations.waiting", { position: row.waitListPosition ?? 0 })}
              </TableCell>
              <TableCell>{row.attended ? t("meetings.registrations.yes") : ""}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <Pager label={t("meetings.registrations.pages")} path={path} page={page} hasMore={hasMore} />
      <DownloadLinks stem={`${path}/export`} csv={t("meetings.export.csv")} xlsx={t("meetings.export.xlsx")} />
    </section>
  );
}

/** Each provisional place with its two answers; the person is mailed either way. */
function ProvisionalPlaces({ registrations }: { registrations: Loaded["registrations"] }) {
  const t = useT();
  const provisional = registrations.filter((row) => row.provisional);
  const [form] = useFormFor<z.input<typeof placeDecisionForm>>("place");
  if (provisional.length === 0) return null;
  return (
    <section aria-labelledby="voorlopig" className="samenspel-panel">
      <Heading level={2} id="voorlopig">
        {t("meetings.provisional.title")}
      </Heading>
      <Paragraph>{t("meetings.provisional.intro")}</Paragraph>
      <ErrorSummary formErrors={form.errors} fields={[]} />
      <ul className="utrecht-unordered-list">
        {provisional.map((row) => (
          <li key={row.id}>
            {row.name} ({row.track}, {row.organisation})
            {(["confirm", "decline"] as const).map((decision) => (
              <Form key={decision} method="post" className="samenspel-inline-form">
                <input type="hidden" name="intent" value="place" />
                <input type="hidden" name="registration" value={row.id} />
                <input type="hidden" name="decision" value={decision} />
                <SecondaryActionButton type="submit">
                  {t(`meetings.provisional.${decision}`, { name: row.name, track: row.track })}
                </SecondaryActionButton>
              </Form>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AttendanceForm({ registrations }: { registrations: Loaded["registrations"] }) {
  const t = useT();
  const places = registrations.filter((row) => row.status === "registered");
  const [form, fields] = useFormFor<z.input<typeof attendanceForm>>("attendance", {
    defaultValue: { attended: places.filter((row) => row.attended).map((row) => row.id) },
  });
  if (places.length === 0) return null;
  return (
    <section aria-labelledby="aanwezig" className="samenspel-panel">
      <Heading level={2} id="aanwezig">
        {t("meetings.attendance.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="attendance" />
        {places.map((row) => (
          <input key={row.id} type="hidden" name="shown" value={row.id} />
        ))}
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.attended, label: t("meetings.attendance.legend") }]}
        />
        <CheckboxGroupField
          meta={fields.attended}
          legend={t("meetings.attendance.legend")}
          description={t("meetings.attendance.page")}
          options={places.map((row) => ({ value: row.id, label: `${row.name} (${row.track})` }))}
        />
        <PrimaryActionButton type="submit">{t("meetings.attendance.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

function CancelForm() {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof cancelMeetingForm>>("cancel");
  return (
    <section aria-labelledby="afgelasten" className="samenspel-panel">
      <Heading level={2} id="afgelasten">
        {t("meetings.cancel.title")}
      </Heading>
      <Paragraph>{t("meetings.cancel.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="cancel" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[{ meta: fields.confirm, label: t("meetings.cancel.confirm") }]}
        />
        <CheckboxField meta={fields.confirm} label={t("meetings.cancel.confirm")} />
        <SecondaryActionButton type="submit">{t("meetings.cancel.submit")}</SecondaryActionButton>
      </Form>
    </section>
  );
}
