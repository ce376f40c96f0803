import { TableCell, TableHeaderCell, TableRow } from "@utrecht/component-library-react";
import type { BudgetFigures } from "../../src/domain/area-budgets/index.ts";
import { formatMoney } from "../i18n/format.ts";
import { useLocale, useT } from "../i18n/use-translation.ts";
import { DataTable } from "./data-table.tsx";

/** An area budget's figures, each row headed by what it is: allocation + carry-over − spent = balance, and so on. */
export function BudgetFiguresTable({ figures, caption }: { figures: BudgetFigures; caption: string }) {
  const t = useT();
  const locale = useLocale();
  const rows = [
    ["areaBudgets.figures.allocation", figures.allocationCents],
    ["areaBudgets.figures.carryOver", figures.carryOverCents],
    ["areaBudgets.figures.spent", figures.spentCents],
    ["areaBudgets.figures.balance", figures.balanceCents],
    ["areaBudgets.figures.committed", figures.committedCents],
    ["areaBudgets.figures.available", figures.availableCents],
  ] as const;
  return (
    <DataTable caption={caption} columns={[t("areaBudgets.figures.what"), t("areaBudgets.csv.amount")]}>
      {rows.map(([label, cents]) => (
        <TableRow key={label}>
          <TableHeaderCell scope="row">{t(label)}</TableHeaderCell>
          <TableCell className="samenspel-amount">{formatMoney(locale, cents)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
