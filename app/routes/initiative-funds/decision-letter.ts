import { withPlatform, withTenant } from "../../../src/db/index.ts";
import { rolesGrant, rolesInTenant } from "../../../src/domain/identity/index.ts";
import { getApplication, InitiativesError } from "../../../src/domain/initiatives/index.ts";
import { loadPdfTheme, renderPdf } from "../../../src/platform/pdf/index.ts";
import { translator } from "../../i18n/catalogue.ts";
import { formatCalendarDate, formatMoney } from "../../i18n/format.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import { municipalityOf } from "../../server/initiative-funds.server.ts";
import { requireActor } from "../../server/session.server.ts";
import type { Route } from "./+types/decision-letter";

/**
 * The decision letter as PDF, in the municipality's theme and the reader's language: for the applicant and for
 * the fund's staff and assessors. Anyone else, and any application that is not decided, gets a 404.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const tenant = await municipalityOf(context, params.gemeente);
  const actor = await requireActor(request, context);
  const { db } = services(context);
  const detail = await withTenant(db, { tenantId: tenant.id, personId: actor.personId }, (tx) =>
    getApplication(tx, { tenantId: tenant.id, applicationId: params.aanvraag }).catch((error: unknown) => {
      if (error instanceof InitiativesError) return undefined;
      throw error;
    }),
  );
  if (!detail || (detail.application.status !== "granted" && detail.application.status !== "refused")) notFound();
  const roles = await withPlatform(db, (tx) => rolesInTenant(tx, { personId: actor.personId, tenantId: tenant.id }));
  if (detail.application.applicantId !== actor.personId && !rolesGrant(roles, "funds:assess")) notFound();

  const { application: a, fund } = detail;
  const locale = actor.locale;
  const t = translator(locale);
  const money = (cents: number) => formatMoney(locale, cents);
  const date = (on: string) => formatCalendarDate(locale, on);
  const granted = a.status === "granted";
  const title = t("funds.letter.title", { fund: fund.name, reference: a.reference });
  const pdf = await renderPdf({
    theme: await loadPdfTheme({ slug: tenant.slug, name: tenant.name }),
    title,
    lang: locale,
    footer: `${tenant.name} · ${a.reference}`,
    pages: [
      {
        blocks: [
          { kind: "heading", text: title },
          {
            kind: "fields",
            rows: [
              [t("funds.reference"), a.reference],
              [t("funds.apply.title"), a.title],
              [t("funds.letter.decidedOn"), a.decidedOn ? date(a.decidedOn) : ""],
              [t("funds.apply.requested"), money(a.requestedCents)],
              [t("funds.letter.decision"), t(`funds.status.${a.status}`)],
            ],
          },
          { kind: "rule" },
          ...(granted
            ? ([
                { kind: "paragraph", text: t("funds.letter.granted", { amount: money(a.grantedCents ?? 0) }) },
                { kind: "heading", level: 2, text: t("funds.decide.conditions") },
                { kind: "paragraph", text: a.conditions ?? t("funds.letter.noConditions") },
                {
                  kind: "paragraph",
                  text: t("funds.letter.payment", {
                    percent: a.advancePercent ?? fund.advancePercent,
                    dueOn: a.reportDueOn ? date(a.reportDueOn) : "",
                  }),
                },
              ] as const)
            : ([
                { kind: "paragraph", text: t("funds.letter.refused") },
                { kind: "heading", level: 2, text: t("funds.decide.reasons") },
                { kind: "paragraph", text: a.reasons ?? "" },
              ] as const)),
          { kind: "paragraph", text: t("funds.letter.objection"), muted: true },
        ],
      },
    ],
  });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="besluit-${a.reference}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
