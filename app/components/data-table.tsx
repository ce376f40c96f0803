import type { ReactNode } from "react";

/** An NL Design System table: one header row of (distinct) column names, then one row per item. */
export function DataTable<Item>({
  columns,
  items,
  keyOf,
  cells,
}: {
  columns: readonly string[];
  items: readonly Item[];
  keyOf: (item: Item) => string;
  cells: (item: Item) => readonly ReactNode[];
}) {
  return (
    <table className="utrecht-table utrecht-table--html-table">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          {columns.map((column) => (
            <th className="utrecht-table__header-cell" scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {items.map((item) => (
          <tr className="utrecht-table__row" key={keyOf(item)}>
            {withColumns(columns, cells(item)).map(([column, cell]) => (
              <td className="utrecht-table__cell" key={column}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const withColumns = (columns: readonly string[], cells: readonly ReactNode[]) =>
  columns.map((column, i) => [column, cells[i]] as const);
