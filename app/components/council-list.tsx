import { TableCell, TableRow } from "@utrecht/component-library-react";
import { Link } from "react-router";
import type { CouncilKind } from "../../src/domain/councils/index.ts";
import { useT } from "../i18n/use-translation.ts";
import { DataTable } from "./data-table.tsx";

export type CouncilListItem = { slug: string; name: string; kind: CouncilKind; areas: string[] };

/** The municipality's councils, each linked to its page under `base` (the public site or the staff's). */
export function CouncilList({ councils, base }: { councils: readonly CouncilListItem[]; base: string }) {
  const t = useT();
  return (
    <DataTable
      caption={t("councils.list.caption")}
      columns={[t("councils.column.name"), t("councils.column.kind"), t("councils.column.areas")]}
    >
      {councils.map((council) => (
        <TableRow key={council.slug}>
          <TableCell>
            <Link className="nl-link" to={`${base}/${council.slug}`}>
              {council.name}
            </Link>
          </TableCell>
          <TableCell>{t(`councils.kind.${council.kind}`)}</TableCell>
          <TableCell>{council.areas.join(", ")}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
