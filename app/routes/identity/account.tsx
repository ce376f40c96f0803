import { getFormProps, useForm } from "@conform-to/react";
import { Button, Heading1, Heading2, Paragraph, SecondaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withPlatform } from "../../../src/db/index.ts";
import {
  deleteAccount,
  listMemberships,
  listSessions,
  revokeSessions,
  rolesGrant,
} from "../../../src/domain/identity/index.ts";
import { releasePlaces } from "../../../src/domain/programme/index.ts";
import { CheckboxField, Notice } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary } from "../../components/form-fields.tsx";
import { useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { deleteAccountForm, revokeSessionForm } from "../../forms/identity.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { formatDate, formatTime } from "../../i18n/format.ts";
import { useLocale, useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { describeDevice } from "../../server/device.server.ts";
import { invalidForm, parseFormData, readForm } from "../../server/forms.server.ts";
import { meetingLink } from "../../server/participation.server.ts";
import { clearSessionCookie, requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/account";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = await requireActor(request, context);
  const { db } = services(context);
  const [memberships, sessions] = await withPlatform(
    db,
    async (tx) =>
      [
        await listMemberships(tx, actor.personId),
        await listSessions(tx, { personId: actor.personId, now: new Date() }),
      ] as const,
  );
  return {
    person: { displayName: actor.displayName, email: actor.email, locale: actor.locale },
    memberships: memberships.map((m) => ({ ...m, staff: rolesGrant([m.role], "staff-area:view") })),
    sessions: sessions.map(({ userAgent, ...s }) => ({
      ...s,
      device: describeDevice(userAgent),
      current: s.idHash === actor.sessionIdHash,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = await requireActor(request, context);
  const { db } = services(context);
  const formData = await readForm(request);
  const now = new Date();
  switch (formData.get("intent")) {
    case "revoke-session": {
      const submission = parseFormData(formData, revokeSessionForm);
      if (submission.status !== "success") throw new Response(null, { status: 400 });
      await withPlatform(db, (tx) =>
        revokeSessions(tx, { personId: actor.personId, idHash: submission.value.session, now }),
      );
      if (submission.value.session === actor.sessionIdHash) {
        return redirect("/inloggen?melding=uitgelogd", { headers: { "Set-Cookie": clearSessionCookie(context) } });
      }
      return redirect("/account?melding=sessie");
    }
    case "revoke-others":
      await withPlatform(db, (tx) =>
        revokeSessions(tx, { personId: actor.personId, exceptIdHash: actor.sessionIdHash, now }),
      );
      return redirect("/account?melding=sessies");
    case "delete-account": {
      const submission = parseFormData(formData, deleteAccountForm);
      if (submission.status !== "success") return invalidForm(submission.reply());
      await withPlatform(db, async (tx) => {
        // Places first, as a cancellation: the wait-list moves up and is mailed before the person is gone.
        await releasePlaces(tx, { personId: actor.personId, meetingLink: meetingLink(context), now: new Date() });
        await deleteAccount(tx, { personId: actor.personId });
      });
      services(context).queue.wake();
      return redirect("/inloggen?melding=verwijderd", { headers: { "Set-Cookie": clearSessionCookie(context) } });
    }
    default:
      throw new Response(null, { status: 400 });
  }
}

const notices = { sessie: "account.sessions.ended", sessies: "account.sessions.endedOthers" } as const satisfies Record<
  string,
  MessageKey
>;

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const notice = useNotice(notices);
  const [deleteForm, deleteFields] = useForm<z.input<typeof deleteAccountForm>>({
    id: "delete-account",
    lastResult: actionData?.result,
  });
  const { person, memberships, sessions } = loaderData;
  return (
    <PageShell>
      <title>{`${t("account.title")} – ${t("site.name")}`}</title>
      <Heading1>{t("account.title")}</Heading1>
      <Notice message={notice} />

      <Heading2>{t("account.details.title")}</Heading2>
      <dl className="samenspel-details">
        <dt>{t("account.details.name")}</dt>
        <dd>{person.displayName}</dd>
        <dt>{t("account.details.email")}</dt>
        <dd>{person.email}</dd>
      </dl>

      <Heading2>{t("account.roles.title")}</Heading2>
      {memberships.length === 0 ? (
        <Paragraph>{t("account.roles.none")}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {memberships.map((m) => (
            <li key={`${m.tenantId}-${m.role}`}>
              {t("account.roles.item", { role: t(`role.${m.role}`), tenant: m.tenantName })}
              {m.staff && (
                <>
                  {" – "}
                  <Link className="utrecht-link" to={staffAreaPath(m)}>
                    {t("account.roles.staffArea", { tenant: m.tenantName })}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <Paragraph>
        <Link className="utrecht-link" to="/programma/mijn-aanmeldingen">
          {t("participation.mine.link")}
        </Link>
      </Paragraph>

      <Heading2>{t("account.sessions.title")}</Heading2>
      <DataTable
        label={t("account.sessions.title")}
        columns={[
          t("account.sessions.since"),
          t("account.sessions.method"),
          t("account.sessions.device"),
          t("account.sessions.action"),
        ]}
        items={sessions}
        keyOf={(s) => s.idHash}
        cells={(s) => [
          `${formatDate(locale, new Date(s.createdAt))} ${formatTime(locale, new Date(s.createdAt))}`,
          t(`account.method.${s.method}`),
          s.current ? (
            <strong key="current">{t("account.sessions.current")}</strong>
          ) : s.device ? (
            t("account.device", s.device)
          ) : (
            t("account.unknownDevice")
          ),
          <Form method="post" key="end">
            <input type="hidden" name="intent" value="revoke-session" />
            <input type="hidden" name="session" value={s.idHash} />
            <SecondaryActionButton type="submit">{t("account.sessions.end")}</SecondaryActionButton>
          </Form>,
        ]}
      />
      {sessions.length > 1 && (
        <Form method="post">
          <input type="hidden" name="intent" value="revoke-others" />
          <SecondaryActionButton type="submit">{t("account.sessions.endOthers")}</SecondaryActionButton>
        </Form>
      )}

      <Heading2>{t("account.security.title")}</Heading2>
      <Paragraph>
        <Link className="utrecht-link" to="/account/beveiliging">
          {t("account.security.link")}
        </Link>
      </Paragraph>

      <Heading2>{t("account.download.title")}</Heading2>
      <Paragraph>{t("account.download.body")}</Paragraph>
      <Paragraph>
        <a className="utrecht-link" href="/account/gegevens" download>
          {t("account.download.link")}
        </a>
      </Paragraph>

      <Heading2>{t("account.delete.title")}</Heading2>
      <Paragraph>{t("account.delete.body")}</Paragraph>
      <ErrorSummary
        formErrors={deleteForm.errors}
        fields={[{ meta: deleteFields.confirm, label: t("account.delete.confirm") }]}
      />
      <Form method="post" {...getFormProps(deleteForm)}>
        <input type="hidden" name="intent" value="delete-account" />
        <CheckboxField meta={deleteFields.confirm} label={t("account.delete.confirm")} />
        <Button type="submit" appearance="primary-action-button" hint="danger">
          {t("account.delete.submit")}
        </Button>
      </Form>
    </PageShell>
  );
}

function staffAreaPath(membership: { tenantSlug: string; role: string }): string {
  return membership.role === "programme-staff" ? "/beheer" : `/${membership.tenantSlug}/beheer`;
}
