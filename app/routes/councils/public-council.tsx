import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { UnorderedList, UnorderedListItem } from "@utrecht/component-library-react";
import { Link, redirect } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { contactCouncil, currentMembers, getCouncil } from "../../../src/domain/councils/index.ts";
import { requestFollow, topicOf } from "../../../src/domain/following/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { Notice } from "../../components/choice-fields.tsx";
import { CouncilContactForm } from "../../components/council-contact-form.tsx";
import { CouncilMeetingsSection } from "../../components/council-meeting.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { FollowForm } from "../../components/follow-form.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { Paragraphs } from "../../components/programme-lists.tsx";
import { contactCouncilForm } from "../../forms/councils.ts";
import { followForm } from "../../forms/following.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { publishedMeetingsOf } from "../../server/council-meetings.server.ts";
import { contactErrors, requireMunicipality, todayOf } from "../../server/councils.server.ts";
import { followLinks } from "../../server/following.server.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { limitMailingForm } from "../../server/rate-limits.server.ts";
import type { Route } from "./+types/public-council";

/**
 * A council's public page: what it does, on which footing, for which areas, and who sits on it today. Names and
 * roles only: no e-mail address, account or term dates of a member reach this page.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const tenant = await requireMunicipality(context, params.gemeente);
  const today = todayOf(new Date());
  const council = await withTenant(services(context).db, { tenantId: tenant.id }, (tx) =>
    getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today }),
  );
  if (!council) notFound();
  return {
    ...(await publishedMeetingsOf(context, tenant.id, council.id)),
    gemeente: tenant.slug,
    tenantName: tenant.name,
    council: {
      slug: council.slug,
      name: council.name,
      kind: council.kind,
      basis: council.basis,
      basisUrl: council.basisUrl,
      description: council.description,
      areas: council.areas.map(({ id, name }) => ({ id, name })),
      members: currentMembers(council).map(({ id, name, role }) => ({ id, name, role })),
    },
    /** Whether someone holds the secretary's seat today with an account to mail; never their address. */
    canContact: currentMembers(council).some((m) => m.role === "secretary" && m.personId !== null),
  };
}

/**
 * Two forms: following the council by e-mail (double opt-in; mails when a published meeting moves or is called off),
 * and the contact form: a message to the council's secretary, by e-mail through the queue; rate-limited, honeypot.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const tenant = await requireMunicipality(context, params.gemeente);
  const formData = await readForm(request);
  if (formData.get("intent") === "follow") return follow(request, context, params, formData);
  const submission = parseFormData(formData, contactCouncilForm);
  if (submission.status !== "success") return forForm("contact", invalidForm(submission.reply()));
  const value = submission.value;
  const here = `/${tenant.slug}/raden/${params.raad}`;
  const { db, config, queue } = services(context);
  try {
    await limitMailingForm(context, "council-contact", value.email);
    const now = new Date();
    const found = await withTenant(db, { tenantId: tenant.id }, async (tx) => {
      const council = await getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today: todayOf(now) });
      if (!council) return false;
      await contactCouncil(tx, {
        tenantId: tenant.id,
        councilId: council.id,
        name: value.name,
        email: value.email,
        message: value.message,
        councilUrl: `${config.publicUrl}${here}`,
        now,
      });
      return true;
    });
    if (!found) notFound();
  } catch (error) {
    return forForm("contact", replyWithDomainError(error, submission, contactErrors));
  }
  queue.wake();
  return redirect(`${here}?melding=verstuurd#contactformulier`);
}

async function follow(
  request: Request,
  context: Route.ActionArgs["context"],
  params: Route.ActionArgs["params"],
  formData: FormData,
) {
  const submission = parseFormData(formData, followForm);
  if (submission.status !== "success") return forForm("follow", invalidForm(submission.reply()));
  const value = submission.value;
  const tenant = await requireMunicipality(context, params.gemeente);
  const here = `/${tenant.slug}/raden/${params.raad}`;
  if (value.website) return redirect(`${here}?melding=volgen#volgen`);
  const { db, queue } = services(context);
  try {
    await limitMailingForm(context, "council-follow", value.email);
    const now = new Date();
    const locale = await localeOf(request);
    const found = await withTenant(db, { tenantId: tenant.id }, async (tx) => {
      const council = await getCouncil(tx, { tenantId: tenant.id, slug: params.raad, today: todayOf(now) });
      if (!council) return false;
      await requestFollow(tx, {
        tenantId: tenant.id,
        email: value.email,
        topic: topicOf("council", council.id),
        title: council.name,
        locale,
        linkFor: followLinks(context, tenant.slug).confirm,
        now,
      });
      return true;
    });
    if (!found) notFound();
  } catch (error) {
    return forForm("follow", replyWithDomainError(error, submission, contactErrors));
  }
  queue.wake();
  return redirect(`${here}?melding=volgen#volgen`);
}

export type PublicCouncil = Route.ComponentProps["loaderData"]["council"];

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ gemeente, council }, t) => [
  { label: t("councils.nav"), to: `/${gemeente}/raden` },
  { label: council.name, to: `/${gemeente}/raden/${council.slug}` },
]);

export default function PublicCouncilPage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { council, gemeente, tenantName } = loaderData;
  const notice = useNotice({ volgen: "processes.follow.sent" });
  return (
    <PageShell title={council.name}>
      <Heading level={1}>{council.name}</Heading>
      <Notice message={notice} />
      <Paragraph purpose="lead">
        {t("councils.page.lead", {
          kind: t(`councils.kind.${council.kind}`),
          areas: council.areas.map((a) => a.name).join(", "),
        })}
      </Paragraph>
      {council.description && (
        <section aria-labelledby="wat-doet-de-raad">
          <Heading level={2} id="wat-doet-de-raad">
            {t("councils.page.what")}
          </Heading>
          <Paragraphs text={council.description} />
        </section>
      )}
      <section aria-labelledby="leden">
        <Heading level={2} id="leden">
          {t("councils.page.members")}
        </Heading>
        {council.members.length === 0 ? (
          <Paragraph>{t("councils.page.noMembers")}</Paragraph>
        ) : (
          <DataTable
            caption={t("councils.page.membersCaption", { name: council.name })}
            columns={[t("councils.column.name"), t("councils.column.role")]}
            items={council.members}
            keyOf={(member) => member.id}
            cells={(member) => [member.name, t(`councils.role.${member.role}`)]}
          />
        )}
      </section>
      <CouncilMeetingsSection
        gemeente={gemeente}
        councilSlug={council.slug}
        meetings={loaderData.meetings}
        now={loaderData.now}
      />
      <section aria-labelledby="gebied">
        <Heading level={2} id="gebied">
          {t("councils.page.areas")}
        </Heading>
        <UnorderedList>
          {council.areas.map((area) => (
            <UnorderedListItem key={area.id}>
              {area.name} (
              <Link className="nl-link" to={`/${gemeente}/gebiedsbudgetten/${area.id}`}>
                {t("councils.page.areaBudget", { area: area.name })}
              </Link>
              )
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </section>
      <section aria-labelledby="grondslag">
        <Heading level={2} id="grondslag">
          {t("councils.page.basis")}
        </Heading>
        <Paragraph>{t(`councils.basis.${council.basis}`)}</Paragraph>
        {council.basisUrl && (
          <Paragraph>
            <a className="nl-link" href={council.basisUrl} rel="noopener noreferrer">
              {t(`councils.basis.link.${council.basis}`)}
            </a>
          </Paragraph>
        )}
      </section>
      <FollowForm title={t("councils.follow.title")} intro={t("councils.follow.intro")} />
      <CouncilContactForm canContact={loaderData.canContact} />
      <Paragraph>
        <Link className="nl-link" to={`/${gemeente}/raden`}>
          {t("councils.page.all", { tenant: tenantName })}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
