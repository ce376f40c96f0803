import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { data, isRouteErrorResponse, Link, redirect, useSearchParams } from "react-router";
import {
  getInitiative,
  initiativeIdOfLink,
  isInitiativeOpen,
  postInitiativeMessage,
} from "../../../src/domain/initiatives/index.ts";
import { isDomainError, newToken } from "../../../src/domain/shared/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { InitiativeDetails } from "../../components/initiative-details.tsx";
import { InitiativeThread, MessageForm } from "../../components/initiative-thread.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { messageForm } from "../../forms/initiatives.ts";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { notFound } from "../../server/http.server.ts";
import { initiativesErrors, initiativeUrls } from "../../server/initiatives.server.ts";
import type { Route } from "./+types/initiator";

/**
 * The initiator's own page, opened with the secret link from a mail (ADR 0019): their initiative, its status and
 * contact person, and the thread with the municipality. No account is needed; an unknown or expired link is a 404.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const now = new Date();
  try {
    const initiative = await inTenant(context, tenant.id, async (tx) => {
      const initiativeId = await initiativeIdOfLink(tx, { tenantId: tenant.id, token: params.token, now });
      return getInitiative(tx, { tenantId: tenant.id, initiativeId, now });
    });
    return { initiative, open: isInitiativeOpen(initiative.status), formKey: newToken().token };
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.link-invalid") notFound();
    throw error;
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const submission = await parseForm(request, messageForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const now = new Date();
  try {
    await inTenant(context, tenant.id, async (tx) => {
      const initiativeId = await initiativeIdOfLink(tx, { tenantId: tenant.id, token: params.token, now });
      await postInitiativeMessage(tx, {
        tenantId: tenant.id,
        initiativeId,
        author: "initiator",
        actorPersonId: null,
        body: submission.value.body,
        idempotencyKey: submission.value.key,
        urls: initiativeUrls(context, params.gemeente),
        now,
      });
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "initiatives.link-invalid") throw data(null, { status: 404 });
    return replyWithDomainError(error, submission, initiativesErrors);
  }
  services(context).queue.wake();
  return redirect(`/${params.gemeente}/initiatieven/mijn/${params.token}?melding=bericht`);
}

export default function InitiatorPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [search] = useSearchParams();
  const { initiative } = loaderData;
  return (
    <PageShell title={initiative.title}>
      <Heading level={1}>{initiative.title}</Heading>
      <Notice message={search.get("melding") === "bericht" ? t("initiatives.notice.message") : undefined} />
      <Paragraph purpose="lead">{t("initiatives.initiator.intro")}</Paragraph>
      <InitiativeDetails initiative={initiative} />
      <InitiativeThread messages={initiative.messages} initiatorLabel={t("initiatives.thread.you")} />
      {loaderData.open ? (
        <MessageForm
          lastResult={actionData?.result}
          formKey={loaderData.formKey}
          label={t("initiatives.thread.yourMessage")}
        />
      ) : (
        <Paragraph>{t("initiatives.thread.closed")}</Paragraph>
      )}
    </PageShell>
  );
}

/** An unknown or expired link: say so, and point to the page that sends the links again. Any other error goes up. */
export function ErrorBoundary({ error, params }: Route.ErrorBoundaryProps) {
  const t = useT();
  if (!isRouteErrorResponse(error) || error.status !== 404) throw error;
  return (
    <PageShell title={t("error.notFound.title")}>
      <Heading level={1}>{t("error.notFound.title")}</Heading>
      <Paragraph>{t("initiatives.lostLink.invalid")}</Paragraph>
      <Paragraph>
        <Link className="nl-link" to={`/${params.gemeente}/initiatieven/link-kwijt`}>
          {t("initiatives.lostLink.ask")}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
