import { getFormProps } from "@conform-to/react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PrimaryActionButton } from "@utrecht/component-library-react";
import { Form, Link, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import { rolesGrant } from "../../../src/domain/identity/index.ts";
import {
  type GroupPeer,
  type LearningGroup,
  listLearningGroups,
  shareGroupContact,
} from "../../../src/domain/programme/index.ts";
import { CheckboxField, Notice } from "../../components/choice-fields.tsx";
import { ErrorSummary } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { groupContactForm } from "../../forms/learning-groups.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseFormData, readForm, replyWithDomainError } from "../../server/forms.server.ts";
import { programmeErrors } from "../../server/programme-errors.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/learning-groups";

/**
 * The municipality's learning groups: the other admitted municipalities of each trajectory, their local actions and,
 * where they opted in, their contact (ADR 0036). Read in the municipality's own transaction; the domain reaches the
 * others only through the database's one function for it.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant, roles } = await requireTenantPermission(
    request,
    context,
    params.gemeente,
    "learning-group:view",
  );
  const groups = await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    listLearningGroups(tx, { municipalityId: tenant.id }),
  );
  return {
    tenant: { name: tenant.name },
    base: staffBase(params.gemeente),
    groups,
    canShare: rolesGrant(roles, "programme:apply"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "programme:apply");
  const formData = await readForm(request);
  const submission = parseFormData(formData, groupContactForm);
  const formId = `share-${String(formData.get("application"))}`;
  if (submission.status !== "success") return forForm(formId, invalidForm(submission.reply()));
  const share = submission.value.share === "on";
  try {
    await withTenant(services(context).db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
      shareGroupContact(tx, {
        municipalityId: tenant.id,
        applicationId: submission.value.application,
        share,
        actorPersonId: actor.personId,
      }),
    );
  } catch (error) {
    return forForm(formId, replyWithDomainError(error, submission, programmeErrors));
  }
  return redirect(`${staffBase(params.gemeente)}/aanmeldingen/leergroep?melding=${share ? "shared" : "hidden"}`);
}

const noticeKeys = {
  shared: "applications.group.shared",
  hidden: "applications.group.hidden",
} as const satisfies Record<string, MessageKey>;

export default function LearningGroups({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice(noticeKeys);
  const { tenant, base, groups, canShare } = loaderData;
  const title = t("applications.group.title", { tenant: tenant.name });
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>
        <Link className="nl-link" to={`${base}/aanmeldingen`}>
          {t("applications.group.back")}
        </Link>
      </Paragraph>
      <Paragraph>{t("applications.group.intro")}</Paragraph>
      {groups.length === 0 ? (
        <Paragraph>{t("applications.group.none")}</Paragraph>
      ) : (
        groups.map((group) => <Group key={group.applicationId} group={group} canShare={canShare} />)
      )}
    </PageShell>
  );
}

function Group({ group, canShare }: { group: LearningGroup; canShare: boolean }) {
  const t = useT();
  const headingId = `leergroep-${group.applicationId}`;
  return (
    <section aria-labelledby={headingId} className="samenspel-panel">
      <Heading level={2} id={headingId}>
        {t("applications.group.of", { trajectory: group.trajectoryTitle })}
      </Heading>
      <Heading level={3}>{t("applications.group.share.title")}</Heading>
      <Paragraph>
        {t(group.contactShared ? "applications.group.share.isOn" : "applications.group.share.isOff")}
      </Paragraph>
      {canShare ? <ShareForm group={group} /> : <Paragraph>{t("applications.group.share.onlyCoordinator")}</Paragraph>}
      <Heading level={3}>{t("applications.group.peers")}</Heading>
      {group.peers.length === 0 ? (
        <Paragraph>{t("applications.group.noPeers")}</Paragraph>
      ) : (
        group.peers.map((peer) => <Peer key={peer.applicationId} peer={peer} />)
      )}
    </section>
  );
}

function ShareForm({ group }: { group: LearningGroup }) {
  const t = useT();
  const [form, fields] = useFormFor<z.input<typeof groupContactForm>>(`share-${group.applicationId}`, {
    defaultValue: group.contactShared ? { share: "on" } : {},
  });
  const label = t("applications.group.share.label");
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="application" value={group.applicationId} />
      <ErrorSummary fields={[{ meta: fields.share, label }]} formErrors={form.errors} />
      {group.ownContact && (
        <Paragraph>
          {t("applications.group.share.hint", { name: group.ownContact.name, role: group.ownContact.role })}
        </Paragraph>
      )}
      <CheckboxField meta={fields.share} label={label} />
      <PrimaryActionButton type="submit">{t("applications.group.share.save")}</PrimaryActionButton>
    </Form>
  );
}

function Peer({ peer }: { peer: GroupPeer }) {
  const t = useT();
  const headingId = `gemeente-${peer.applicationId}`;
  return (
    <article aria-labelledby={headingId}>
      <Heading level={4} id={headingId}>
        {peer.municipalityName}
      </Heading>
      {peer.contact ? (
        <Paragraph>
          {t("applications.group.contact")}:{" "}
          {t("applications.group.contactLine", { name: peer.contact.name, role: peer.contact.role })},{" "}
          <a className="nl-link" href={`mailto:${peer.contact.email}`}>
            {peer.contact.email}
          </a>
        </Paragraph>
      ) : (
        <Paragraph>{t("applications.group.noContact")}</Paragraph>
      )}
      <Paragraph>
        <strong>{t("applications.group.actions")}</strong>
      </Paragraph>
      {peer.actions.length === 0 ? (
        <Paragraph>{t("applications.group.noActions")}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {peer.actions.map((action) => (
            <li key={action.id}>
              {action.text} – {t(`applications.agenda.status.${action.status}`)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
