import { useForm } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link, redirect } from "react-router";
import type { z } from "zod";
import { applicationUrl, sendLinksAgain } from "../../../src/domain/initiatives/index.ts";
import { Notice } from "../../components/choice-fields.tsx";
import { EmailLinkForm } from "../../components/email-link-form.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { lostLinkForm } from "../../forms/initiatives.ts";
import { useT } from "../../i18n/use-translation.ts";
import { inTenant, municipalityOf } from "../../server/budgeting.server.ts";
import { services } from "../../server/context.ts";
import { invalidForm, parseForm, replyWithDomainError } from "../../server/forms.server.ts";
import { challengeRegisterUrl, initiativeUrls, lostLinkErrors } from "../../server/initiatives.server.ts";
import { limitMailingForm } from "../../server/rate-limits.server.ts";
import type { Route } from "./+types/lost-link";

/**
 * "Send my link again": an initiator who lost the mail with their link gives the address it went to, and gets one
 * mail with a way back to each initiative, fund application and uitdaagrecht request of that address here. The
 * answer is the same whether the address is known or not; rate-limited per address and per visitor, honeypot.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  return { tenant: { name: tenant.name } };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const submission = await parseForm(request, lostLinkForm);
  if (submission.status !== "success") return invalidForm(submission.reply());
  const { email } = submission.value;
  try {
    await limitMailingForm(context, "initiative-links", email);
  } catch (error) {
    return replyWithDomainError(error, submission, lostLinkErrors);
  }
  const { config, queue } = services(context);
  await inTenant(context, tenant.id, (tx) =>
    sendLinksAgain(tx, {
      tenantId: tenant.id,
      email,
      urls: initiativeUrls(context, params.gemeente),
      applicationUrl: (id) => applicationUrl(config.publicUrl, params.gemeente, id),
      registerUrl: challengeRegisterUrl(context, params.gemeente),
      now: new Date(),
    }),
  );
  queue.wake();
  return redirect(`/${params.gemeente}/initiatieven/link-kwijt?melding=verstuurd`);
}

export default function LostLinkPage({ loaderData, actionData, params }: Route.ComponentProps) {
  const t = useT();
  const sent = useNotice({ verstuurd: "initiatives.lostLink.sent" });
  const [form, fields] = useForm<z.input<typeof lostLinkForm>>({ id: "link-kwijt", lastResult: actionData?.result });
  const title = t("initiatives.lostLink.title");
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={sent} />
      <Paragraph purpose="lead">{t("initiatives.lostLink.intro", { tenant: loaderData.tenant.name })}</Paragraph>
      <EmailLinkForm
        form={form}
        email={fields.email}
        label={t("initiatives.lostLink.email")}
        submit={t("initiatives.lostLink.submit")}
      />
      <Paragraph>
        <Link className="nl-link" to={`/${params.gemeente}/initiatieven`}>
          {t("initiatives.back")}
        </Link>
      </Paragraph>
    </PageShell>
  );
}
