import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Button, TableCell, TableRow } from "@utrecht/component-library-react";
import { Form } from "react-router";
import { withTenant } from "../../../src/db/index.ts";
import { processesLinkedTo } from "../../../src/domain/processes/index.ts";
import { cachedTenantBySlug } from "../../../src/domain/tenancy/index.ts";
import { AdviceDetails } from "../../components/advice-details.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { PageShell } from "../../components/page-shell.tsx";
import { PartOfProcesses } from "../../components/part-of-processes.tsx";
import { useT } from "../../i18n/use-translation.ts";
import { adviceFilterOf, readAdviceRegister } from "../../server/advice.server.ts";
import { services } from "../../server/context.ts";
import { notFound } from "../../server/http.server.ts";
import type { Route } from "./+types/public-register";

/**
 * The public advice register: every council's advice with its deadlines and the municipality's response, and per
 * council and year how many responses came late or are overdue. Nobody is named.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { db } = services(context);
  const tenant = await cachedTenantBySlug(db, params.gemeente);
  if (tenant?.kind !== "municipality") notFound();
  const filter = adviceFilterOf(request);
  const { register, processes } = await withTenant(db, { tenantId: tenant.id }, async (tx) => {
    const register = await readAdviceRegister(tx, tenant.id, new Date(), filter);
    const ids = register.rows.map((row) => row.id);
    return { register, processes: await processesLinkedTo(tx, { tenantId: tenant.id, instrument: "advice", ids }) };
  });
  return { tenantName: tenant.name, filter, ...register, processes };
}

export default function PublicRegisterPage({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { tenantName, filter, councils, rows, tallies, years, processes } = loaderData;
  const title = t("advice.register.title", { tenant: tenantName });
  const query = new URLSearchParams({
    ...(filter.councilId ? { raad: filter.councilId } : {}),
    ...(filter.year ? { jaar: String(filter.year) } : {}),
  }).toString();
  return (
    <PageShell title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph purpose="lead">{t("advice.register.lead")}</Paragraph>
      <Form method="get" className="samenspel-inline-form" aria-label={t("advice.register.filter")}>
        <label className="utrecht-form-label" htmlFor="raad">
          {t("advice.col.council")}
        </label>{" "}
        <select
          id="raad"
          name="raad"
          defaultValue={filter.councilId ?? ""}
          className="utrecht-select utrecht-select--html-select"
        >
          <option value="">{t("advice.register.allCouncils")}</option>
          {councils.map((council) => (
            <option key={council.id} value={council.id}>
              {council.name}
            </option>
          ))}
        </select>{" "}
        <label className="utrecht-form-label" htmlFor="jaar">
          {t("advice.col.year")}
        </label>{" "}
        <select
          id="jaar"
          name="jaar"
          defaultValue={filter.year ? String(filter.year) : ""}
          className="utrecht-select utrecht-select--html-select"
        >
          <option value="">{t("advice.register.allYears")}</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>{" "}
        <Button type="submit" appearance="secondary-action-button">
          {t("advice.register.show")}
        </Button>
      </Form>
      <Heading level={2}>{t("advice.register.summary")}</Heading>
      <Paragraph>{t("advice.register.lateExplained")}</Paragraph>
      {tallies.length > 0 && (
        <DataTable
          caption={t("advice.register.summaryCaption")}
          columns={[
            t("advice.col.council"),
            t("advice.col.year"),
            t("advice.col.total"),
            t("advice.col.responded"),
            t("advice.col.respondedLate"),
            t("advice.col.responseOverdue"),
            t("advice.col.adviceLate"),
          ]}
        >
          {tallies.map((tally) => (
            <TableRow key={`${tally.councilId}-${tally.year}`}>
              <TableCell>{tally.councilName}</TableCell>
              <TableCell>{tally.year}</TableCell>
              <TableCell className="samenspel-amount">{tally.total}</TableCell>
              <TableCell className="samenspel-amount">{tally.responded}</TableCell>
              <TableCell className="samenspel-amount">{tally.respondedLate}</TableCell>
              <TableCell className="samenspel-amount">{tally.responseOverdue}</TableCell>
              <TableCell className="samenspel-amount">{tally.adviceLate}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      <Paragraph>
        <a className="nl-link" href={`/${params.gemeente}/advies/export.csv${query ? `?${query}` : ""}`} download>
          {t("advice.register.csv")}
        </a>
      </Paragraph>
      <Heading level={2}>{t("advice.register.list")}</Heading>
      {rows.length === 0 ? (
        <Paragraph>{t("advice.register.none")}</Paragraph>
      ) : (
        rows.map((row) => (
          <article key={row.id} id={`advies-${row.id}`} aria-labelledby={`kop-${row.id}`} className="samenspel-panel">
            <Heading level={3} id={`kop-${row.id}`}>
              {row.subject}
            </Heading>
            <PartOfProcesses
              gemeente={params.gemeente}
              processes={processes.filter((process) => process.linkedId === row.id)}
            />
            <AdviceDetails advice={row} headingLevel={4} />
          </article>
        ))
      )}
    </PageShell>
  );
}
