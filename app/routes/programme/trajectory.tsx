import { Heading } from "@nl-design-system-candidate/heading-react";
import { Link as NlLink } from "@nl-design-system-candidate/link-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { DataList } from "@utrecht/component-library-react";
import { redirect } from "react-router";
import { getTrajectory, signUpDesigner, takesDesignerSignUpsNow } from "../../../src/domain/programme/index.ts";
import { breadcrumbs } from "../../components/breadcrumbs.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import {
  DutchContentNote,
  Fact,
  MeetingList,
  Paragraphs,
  TextList,
  TrajectoryFacts,
} from "../../components/programme-lists.tsx";
import { RichText } from "../../components/rich-text.tsx";
import { designerSignUpForm } from "../../forms/applications.ts";
import { formatCalendarDate } from "../../i18n/format.ts";
import { useContentLang, useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { localeOf } from "../../server/locale.server.ts";
import { inProgramme } from "../../server/participation.server.ts";
import { readProgramme } from "../../server/programme.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { limitMailingForm } from "../../server/rate-limits.server.ts";
import { identityErrors } from "../../server/sign-in.server.ts";
import type { Route } from "./+types/trajectory";
import { DESIGNER_FORM, DesignerSignUpForm } from "./designer-sign-up-form.tsx";

export async function loader({ params, context }: Route.LoaderArgs) {
  const trajectory = await readProgramme(context, (tx, tenantId) => getTrajectory(tx, { tenantId, slug: params.slug }));
  if (!trajectory) notFound();
  return { trajectory, designersOpen: takesDesignerSignUpsNow(trajectory, new Date()) };
}

const designerErrors = { ...programmeErrors, "identity.rate-limited": identityErrors["identity.rate-limited"] };

/**
 * A designer's sign-up (the page's one form): rate-limited per visitor and per address as every public form that
 * mails is, with a honeypot; the domain refuses it when the trajectory takes none, or none any more.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const submission = await parseForm(request, designerSignUpForm);
  if (submission.status !== "success") return forForm(DESIGNER_FORM, invalidForm(submission.reply()));
  const value = submission.value;
  const here = `/programma/trajecten/${params.slug}`;
  try {
    await limitMailingForm(context, "designer-sign-up", value.email);
    const locale = await localeOf(request);
    await inProgramme(context, undefined, (tx, programmeTenantId) =>
      signUpDesigner(tx, {
        programmeTenantId,
        slug: params.slug,
        name: value.name,
        email: value.email,
        organisation: value.organisation,
        motivation: value.motivation,
        consent: value.consent === "on",
        locale,
        trajectoryUrl: `${services(context).config.publicUrl}${here}`,
        now: new Date(),
      }),
    );
  } catch (error) {
    return forForm(DESIGNER_FORM, replyWithDomainError(error, submission, designerErrors));
  }
  return redirect(`${here}?melding=ontwerper#ontwerpers`);
}

export const handle = breadcrumbs<Route.ComponentProps["loaderData"]>(({ trajectory }, t) => [
  { label: t("nav.programme"), to: "/programma" },
  { label: trajectory.title, to: `/programma/trajecten/${trajectory.slug}` },
]);

export default function TrajectoryPage({ loaderData: { trajectory, designersOpen } }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const lang = useContentLang();
  return (
    <PageShell title={trajectory.title}>
      <Heading level={1} lang={lang}>
        {trajectory.title}
      </Heading>
      <Paragraph purpose="lead" lang={lang}>
        {trajectory.summary}
      </Paragraph>
      <DutchContentNote />
      <Paragraph>
        <NlLink href={`/programma/trajecten/${trajectory.slug}/aanmelden`}>{t("applications.apply.link")}</NlLink>
        {trajectory.takesDesignerSignUps && designersOpen && (
          <>
            <br />
            <NlLink href="#ontwerpers">{t("designers.public.title")}</NlLink>
          </>
        )}
      </Paragraph>

      <section aria-labelledby="in-het-kort">
        <Heading level={2} id="in-het-kort">
          {t("trajectory.facts")}
        </Heading>
        <DataList className="samenspel-facts">
          <TrajectoryFacts trajectory={trajectory} />
          {trajectory.applicationDeadlineOn && (
            <Fact label={t("trajectory.deadline")}>{formatCalendarDate(locale, trajectory.applicationDeadlineOn)}</Fact>
          )}
          {trajectory.targetGroups.length > 0 && (
            <Fact label={t("trajectory.targetGroups")}>
              {trajectory.targetGroups.map((group) => t(`targetGroup.${group}`)).join(", ")}
            </Fact>
          )}
          {trajectory.contactName && (
            <Fact label={t("trajectory.contact")}>
              <span lang={lang}>{trajectory.contactName}</span>
              {trajectory.contactEmail && (
                <>
                  <br />
                  <NlLink href={`mailto:${trajectory.contactEmail}`}>{trajectory.contactEmail}</NlLink>
                </>
              )}
              {trajectory.contactPhone && (
                <>
                  <br />
                  <NlLink href={`tel:${trajectory.contactPhone.replace(/[^0-9+]/g, "")}`}>
                    {trajectory.contactPhone}
                  </NlLink>
                </>
              )}
            </Fact>
          )}
        </DataList>
      </section>

      <section aria-labelledby="over">
        <Heading level={2} id="over">
          {t("trajectory.about")}
        </Heading>
        <Paragraphs text={trajectory.description} />
      </section>

      {trajectory.moreText && (
        <section aria-labelledby="meer">
          <Heading level={2} id="meer">
            {t("trajectory.more")}
          </Heading>
          <RichText source={trajectory.moreText} level={3} lang={lang} />
        </section>
      )}

      <TextList id="wij-bieden" title={t("trajectory.weOffer")} items={trajectory.weOffer} />
      <TextList id="wij-vragen" title={t("trajectory.weAsk")} items={trajectory.weAsk} />
      <TextList
        id="begeleiding"
        title={t("trajectory.supervisors")}
        items={trajectory.supervisors.map((s) => t("trajectory.supervisor", s))}
      />

      {trajectory.takesDesignerSignUps && (
        <DesignerSignUpForm open={designersOpen} deadline={trajectory.applicationDeadlineOn} />
      )}

      <section aria-labelledby="bijeenkomsten">
        <Heading level={2} id="bijeenkomsten">
          {t("trajectory.meetings")}
        </Heading>
        {trajectory.meetings.length === 0 ? (
          <Paragraph>{t("trajectory.noMeetings")}</Paragraph>
        ) : (
          <MeetingList meetings={trajectory.meetings} />
        )}
        <Paragraph>
          <a className="nl-link" href={`/programma/trajecten/${trajectory.slug}/agenda.ics`}>
            {t("participation.feed.trajectory")}
          </a>
        </Paragraph>
      </section>
    </PageShell>
  );
}
