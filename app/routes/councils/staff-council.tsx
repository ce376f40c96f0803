import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  type CouncilRole,
  councilRoles,
  endMemberTerm,
  getCouncil,
  seatMember,
  updateCouncil,
} from "../../../src/domain/councils/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { type CouncilChoices, CouncilFields, councilFieldLabels } from "../../components/council-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { endTermForm, seatMemberForm, updateCouncilForm } from "../../forms/councils.ts";
import { councilLimits, seatMemberLimits } from "../../forms/councils-limits.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { councilChoices, councilDetails, councilErrors, todayOf } from "../../server/councils.server.ts";
import { forForm, invalidForm, parseIntentForm, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-council";

/**
 * One council for staff: what it is (changeable), every term on its seats past and future, the form to seat someone
 * and a form per running or coming term to end it early. The database keeps a seat to one person at a time.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "councils:manage");
  const today = todayOf(new Date());
  const found = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => {
      const council = await getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today });
      return council && { council, choices: await councilChoices(tx, tenant.id) };
    },
  );
  if (!found) notFound();
  const { council, choices } = found;
  return {
    base: staffBase(params.gemeente),
    gemeente: params.gemeente,
    today,
    roles: councilRoles,
    choices,
    council: {
      slug: council.slug,
      name: council.name,
      kind: council.kind,
      basis: council.basis,
      basisUrl: council.basisUrl,
      description: council.description,
      memberSeats: council.memberSeats,
      areaIds: council.areas.map((area) => area.id),
      members: council.members.map(({ id, role, seat, name, personId, startsOn, endsOn, state }) => ({
        id,
        role,
        seat,
        name,
        hasAccount: personId !== null,
        startsOn,
        endsOn,
        state,
      })),
    },
  };
}

const forms = { update: updateCouncilForm, seat: seatMemberForm, end: endTermForm } as const;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "councils:manage");
  const formData = await readForm(request);
  const { intent, submission } = parseIntentForm(formData, forms);
  const formId = intent === "end" ? `end-${String(formData.get("member"))}` : intent;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const value = submission.value;
  const now = new Date();
  const here = `${staffBase(params.gemeente)}/raden/${params.raad}`;
  try {
    const found = await withTenant(
      services(context).db,
      { tenantId: tenant.id, personId: actor.personId },
      async (tx) => {
        const council = await getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today: todayOf(now) });
        if (!council) return false;
        const ref = { tenantId: tenant.id, councilId: council.id, actorPersonId: actor.personId, now };
        if (value.intent === "update") await updateCouncil(tx, { ...ref, ...councilDetails(value) });
        else if (value.intent === "seat")
          await seatMember(tx, {
            ...ref,
            role: value.role,
            name: value.name,
            personId: null,
            email: value.email ?? null,
            startsOn: value.startsOn,
            endsOn: value.endsOn ?? null,
          });
        else await endMemberTerm(tx, { ...ref, memberId: value.member, lastDayOn: value.lastDayOn });
        return true;
      },
    );
    if (!found) notFound();
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, councilErrors));
  }
  return redirect(`${here}?melding=${intent}`);
}

type Loaded = Route.ComponentProps["loaderData"];
type Member = Loaded["council"]["members"][number];

export default function StaffCouncilPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const notice = useNotice({
    created: "councils.notice.created",
    update: "councils.notice.updated",
    seat: "councils.notice.seated",
    end: "councils.notice.ended",
  });
  const { base, gemeente, council, choices, roles, today } = loaderData;
  const date = (on: string | null) => (on ? formatCalendarDate(locale, on) : t("councils.term.open"));
  return (
    <PageShell title={council.name}>
      <Heading level={1}>{council.name}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="nl-link" to={`${base}/raden`}>
          {t("councils.staff.back")}
        </Link>
        {" · "}
        <Link className="nl-link" to={`/${gemeente}/raden/${council.slug}`}>
          {t("councils.staff.publicPage")}
        </Link>
        {" · "}
        <Link className="nl-link" to={`${base}/raden/${council.slug}/vergaderingen`}>
          {t("councilMeetings.workspace")}
        </Link>
      </Paragraph>
      <section aria-labelledby="leden">
        <Heading level={2} id="leden">
          {t("councils.staff.members")}
        </Heading>
        {council.members.length === 0 ? (
          <Paragraph>{t("councils.page.noMembers")}</Paragraph>
        ) : (
          <DataTable
            caption={t("councils.page.membersCaption", { name: council.name })}
            columns={[
              t("councils.column.name"),
              t("councils.column.role"),
              t("councils.column.term"),
              t("councils.column.state"),
              t("councils.column.endTerm"),
            ]}
            items={council.members}
            keyOf={(member) => member.id}
            cells={(member) => [
              member.hasAccount ? member.name : `${member.name} (${t("councils.staff.noAccount")})`,
              member.role === "member"
                ? `${t("councils.role.member")} ${t("councils.seatNumber", { seat: member.seat })}`
                : t(`councils.role.${member.role}`),
              `${date(member.startsOn)} – ${date(member.endsOn)}`,
              t(`councils.state.${member.state}`),
              member.state === "ended" ? "" : <EndTermForm key={member.id} member={member} today={today} />,
            ]}
          />
        )}
      </section>
      <SeatForm roles={roles} today={today} />
      <EditForm council={council} choices={choices} />
    </PageShell>
  );
}

function SeatForm({ roles, today }: { roles: readonly CouncilRole[]; today: string }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof seatMemberForm>>("seat", {
    constraint: seatMemberLimits,
    defaultValue: { startsOn: today },
  });
  return (
    <section aria-labelledby="lid-toevoegen" className="samenspel-panel">
      <Heading level={2} id="lid-toevoegen">
        {t("councils.seat.title")}
      </Heading>
      <Paragraph>{t("councils.seat.intro")}</Paragraph>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="seat" />
        <ErrorSummary
          formErrors={form.errors}
          fields={[
            { meta: fields.role, label: t("councils.field.role") },
            { meta: fields.name, label: t("councils.field.memberName") },
            { meta: fields.email, label: t("councils.field.email") },
            { meta: fields.startsOn, label: t("councils.field.startsOn") },
            { meta: fields.endsOn, label: t("councils.field.endsOn") },
          ]}
        />
        <SelectField
          meta={fields.role}
          label={t("councils.field.role")}
          options={roles.map((role) => ({ value: role, label: t(`councils.role.${role}`) }))}
        />
        <TextField meta={fields.name} label={t("councils.field.memberName")} autoComplete="off" required />
        <TextField
          meta={fields.email}
          label={t("councils.field.email")}
          description={t("councils.field.email.hint")}
          type="email"
          autoComplete="off"
        />
        <TextField meta={fields.startsOn} label={t("councils.field.startsOn")} type="date" required />
        <TextField
          meta={fields.endsOn}
          label={t("councils.field.endsOn")}
          description={t("councils.field.endsOn.hint")}
          type="date"
        />
        <PrimaryActionButton type="submit">{t("councils.seat.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}

/** Ends one running or coming term early; the last day is today unless staff choose another. */
function EndTermForm({ member, today }: { member: Member; today: string }) {
  const t = useT();
  const formId = `end-${member.id}`;
  const [form, fields] = useFormFor<z.input<typeof endTermForm>>(formId, {
    defaultValue: { lastDayOn: member.startsOn > today ? member.startsOn : today },
  });
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="samenspel-inline-form"
      aria-label={t("councils.end.form", { name: member.name })}
    >
      <input type="hidden" name="intent" value="end" />
      <input type="hidden" name="member" value={member.id} />
      <ErrorSummary formErrors={form.errors} fields={[{ meta: fields.lastDayOn, label: t("councils.end.label") }]} />
      <TextField meta={fields.lastDayOn} label={t("councils.end.label")} type="date" />
      <Button type="submit" appearance="secondary-action-button">
        {t("councils.end.submit")}
      </Button>
    </Form>
  );
}

function EditForm({ council, choices }: { council: Loaded["council"]; choices: CouncilChoices }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof updateCouncilForm>>("update", {
    constraint: councilLimits,
    defaultValue: {
      name: council.name,
      kind: council.kind,
      areas: council.areaIds,
      basis: council.basis,
      basisUrl: council.basisUrl ?? "",
      description: council.description,
      memberSeats: String(council.memberSeats),
    },
  });
  return (
    <section aria-labelledby="gegevens" className="samenspel-panel">
      <Heading level={2} id="gegevens">
        {t("councils.edit.title")}
      </Heading>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="update" />
        <ErrorSummary formErrors={form.errors} fields={councilFieldLabels(fields, t)} />
        <CouncilFields fields={fields} choices={choices} />
        <PrimaryActionButton type="submit">{t("councils.edit.submit")}</PrimaryActionButton>
      </Form>
    </section>
  );
}
