import { getFormProps, type SubmissionResult } from "@conform-to/react";
import {
  Alert,
  Heading1,
  Heading2,
  OrderedList,
  OrderedListItem,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from "@utrecht/component-library-react";
import { data, Form, redirect } from "react-router";
import type { z } from "zod";
import { withTenant } from "../../../src/db/index.ts";
import {
  decodeCsv,
  findAreaByPostcode,
  type ImportProblem,
  importCbsAreas,
  importPostcodes,
  listAreas,
} from "../../../src/domain/areas/index.ts";
import { Notice, SelectField } from "../../components/choice-fields.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorSummary, FileField, TextField } from "../../components/form-fields.tsx";
import { useFormFor, useNotice } from "../../components/page-forms.ts";
import { PageShell } from "../../components/page-shell.tsx";
import { type importAreasForm, type importPostcodesForm, staffAreasForms } from "../../forms/areas.ts";
import { MAX_AREA_FILE_BYTES } from "../../forms/areas-limits.ts";
import { acceptsUpload } from "../../forms/body-limits.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { useT } from "../../i18n/use-translation.ts";
import { services } from "../../server/context.ts";
import { forForm, invalidForm, parseIntentForm } from "../../server/forms.server.ts";
import { requireTenantPermission } from "../../server/session.server.ts";
import { readMultipartForm } from "../../server/uploads.server.ts";
import { StaffNav, staffBase } from "../staff/staff-nav.tsx";
import type { Route } from "./+types/staff-areas";

/** A CBS file is larger than a form; see `MAX_AREA_FILE_BYTES`. */
export const handle = acceptsUpload(MAX_AREA_FILE_BYTES + 64 * 1024);

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "areas:manage");
  const postcode = new URL(request.url).searchParams.get("postcode")?.trim() || undefined;
  const { areas, found } = await withTenant(
    services(context).db,
    { tenantId: tenant.id, personId: actor.personId },
    async (tx) => ({
      areas: await listAreas(tx, { tenantId: tenant.id }),
      found: postcode ? ((await findAreaByPostcode(tx, { tenantId: tenant.id, postcode })) ?? null) : undefined,
    }),
  );
  const names = new Map(areas.map((area) => [area.id, area.name] as const));
  return {
    tenant: { name: tenant.name },
    base: staffBase(params.gemeente),
    areas: areas.map((area) => ({ ...area, parentName: area.parentId ? (names.get(area.parentId) ?? "") : "" })),
    lookup: postcode === undefined ? undefined : { postcode, found },
    // A re-import keeps what the municipality calls its CBS wijken, unless staff choose otherwise.
    districtKinds: areas.some((area) => area.kind === "kern")
      ? (["kern", "wijk"] as const)
      : (["wijk", "kern"] as const),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, tenant } = await requireTenantPermission(request, context, params.gemeente, "areas:manage");
  const { intent, submission } = parseIntentForm(
    await readMultipartForm(request, MAX_AREA_FILE_BYTES),
    staffAreasForms,
  );
  if (submission.status !== "success") return forForm(intent, invalidForm(submission.reply()));
  const { value } = submission;
  const text = decodeCsv(new Uint8Array(await value.file.arrayBuffer()));
  const base = `${staffBase(params.gemeente)}/gebieden`;
  const scope = { tenantId: tenant.id, personId: actor.personId };
  const db = services(context).db;
  if (value.intent === "import-areas") {
    const result = await withTenant(db, scope, (tx) =>
      importCbsAreas(tx, {
        tenantId: tenant.id,
        actorPersonId: actor.personId,
        text,
        districtKind: value.districtKind,
        municipalityCode: value.municipalityCode,
        now: new Date(),
      }),
    );
    if (result.status === "rejected") return forForm(intent, rejected(submission, result.problems));
    const { created, updated, skipped } = result;
    return redirect(
      `${base}?${new URLSearchParams({ melding: "ingelezen", created: `${created}`, updated: `${updated}`, skipped: `${skipped}` })}`,
    );
  }
  const result = await withTenant(db, scope, (tx) =>
    importPostcodes(tx, { tenantId: tenant.id, actorPersonId: actor.personId, text }),
  );
  if (result.status === "rejected") return forForm(intent, rejected(submission, result.problems));
  return redirect(
    `${base}?${new URLSearchParams({ melding: "postcodes", postcodes: `${result.postcodes}`, skipped: `${result.skipped}` })}`,
  );
}

/** A refused file: the form again, with every bad line listed above it. Nothing was written. */
function rejected(submission: { reply(): SubmissionResult<string[]> }, problems: ImportProblem[]) {
  return data({ result: submission.reply(), problems }, { status: 422 });
}

export default function StaffAreas({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const notice = useNotice({ ingelezen: "areas.import.done", postcodes: "areas.postcodes.done" }, (_, search) => {
    const count = (name: string) => Number(search.get(name) ?? 0);
    return {
      created: count("created"),
      updated: count("updated"),
      skipped: count("skipped"),
      postcodes: count("postcodes"),
    };
  });
  const { tenant, base, areas, lookup, districtKinds } = loaderData;
  const [areasForm, areasFields] = useFormFor<z.input<typeof importAreasForm>>("import-areas");
  const [postcodesForm, postcodesFields] = useFormFor<z.input<typeof importPostcodesForm>>("import-postcodes");
  const problems = actionData && "problems" in actionData ? (actionData.problems as ImportProblem[]) : undefined;
  const problemsFor = (formId: string) => (actionData?.formId === formId ? problems : undefined);
  return (
    <PageShell>
      <title>{`${t("areas.staff.title", { tenant: tenant.name })} – ${t("site.name")}`}</title>
      <Heading1>{t("areas.staff.title", { tenant: tenant.name })}</Heading1>
      <Notice message={notice} />
      <StaffNav base={base} />
      <Paragraph>{t("areas.staff.intro")}</Paragraph>

      <Heading2>{t("areas.list.title")}</Heading2>
      {areas.length === 0 ? (
        <Paragraph>{t("areas.list.empty")}</Paragraph>
      ) : (
        <DataTable
          caption={t("areas.list.count", { count: areas.length })}
          columns={[
            t("areas.column.code"),
            t("areas.column.name"),
            t("areas.column.kind"),
            t("areas.column.parent"),
            t("areas.column.residents"),
          ]}
          items={areas}
          keyOf={(area) => area.id}
          cells={(area) => [
            area.code,
            area.name,
            t(`areas.kind.${area.kind}`),
            area.parentName,
            area.residents === null ? t("areas.residents.unknown") : area.residents.toLocaleString("nl-NL"),
          ]}
        />
      )}

      <Heading2>{t("areas.import.title")}</Heading2>
      <Paragraph>{t("areas.import.intro")}</Paragraph>
      <ErrorSummary
        formErrors={areasForm.errors}
        fields={[
          { meta: areasFields.file, label: t("areas.import.file") },
          { meta: areasFields.municipalityCode, label: t("areas.import.municipalityCode") },
        ]}
      />
      <ProblemList problems={problemsFor("import-areas")} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(areasForm)}>
        <input type="hidden" name="intent" value="import-areas" />
        <FileField meta={areasFields.file} label={t("areas.import.file")} accept=".csv,text/csv" />
        <SelectField
          meta={areasFields.districtKind}
          label={t("areas.import.districtKind")}
          options={districtKinds.map((kind) => ({
            value: kind,
            label: t(`areas.import.districtKind.${kind}`),
          }))}
        />
        <TextField meta={areasFields.municipalityCode} label={t("areas.import.municipalityCode")} autoComplete="off" />
        <PrimaryActionButton type="submit">{t("areas.import.submit")}</PrimaryActionButton>
      </Form>

      <Heading2>{t("areas.postcodes.title")}</Heading2>
      <Paragraph>{t("areas.postcodes.intro")}</Paragraph>
      <ErrorSummary
        formErrors={postcodesForm.errors}
        fields={[{ meta: postcodesFields.file, label: t("areas.import.file") }]}
      />
      <ProblemList problems={problemsFor("import-postcodes")} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(postcodesForm)}>
        <input type="hidden" name="intent" value="import-postcodes" />
        <FileField meta={postcodesFields.file} label={t("areas.import.file")} accept=".csv,text/csv" />
        <SecondaryActionButton type="submit">{t("areas.postcodes.submit")}</SecondaryActionButton>
      </Form>

      <Heading2>{t("areas.lookup.title")}</Heading2>
      {lookup && (
        <Alert type="info" role="status">
          <Paragraph>
            {lookup.found
              ? t("areas.lookup.found", { postcode: lookup.postcode, name: lookup.found.name, code: lookup.found.code })
              : t("areas.lookup.notFound", { postcode: lookup.postcode })}
          </Paragraph>
        </Alert>
      )}
      <Form method="get">
        <div className="utrecht-form-field">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="postcode">
              {t("areas.lookup.postcode")}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input
              id="postcode"
              name="postcode"
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="postal-code"
              defaultValue={lookup?.postcode}
            />
          </div>
        </div>
        <SecondaryActionButton type="submit">{t("areas.lookup.submit")}</SecondaryActionButton>
      </Form>
    </PageShell>
  );
}

function ProblemList({ problems }: { problems: ImportProblem[] | undefined }) {
  const t = useT();
  if (!problems?.length) return null;
  return (
    <Alert type="error">
      <Paragraph>{t("areas.import.rejected")}</Paragraph>
      <OrderedList>
        {problems.map((problem) => (
          <OrderedListItem key={`${problem.line}-${problem.reason}`}>
            {t("areas.import.line", {
              line: problem.line,
              problem: t(`areas.problem.${problem.reason}` as MessageKey, { value: problem.value ?? "" }),
            })}
          </OrderedListItem>
        ))}
      </OrderedList>
    </Alert>
  );
}
