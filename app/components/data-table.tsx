import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import type { ReactNode } from "react";

/** Rows written out by the caller (for row headers or links), or one row per item from `cells`. */
type Rows<Item> =
  | { children: ReactNode }
  | { items: readonly Item[]; keyOf: (item: Item) => string; cells: (item: Item) => readonly ReactNode[] };

/**
 * An NL Design System table with column headers and, where given, a caption; on a narrow screen it scrolls by itself,
 * not the page (WCAG 1.4.10).
 */
export function DataTable<Item>({
  caption,
  columns,
  ...rows
}: { caption?: string; columns: readonly string[] } & Rows<Item>) {
  return (
    // Focusable, so a keyboard user can scroll a table wider than the screen (axe: scrollable-region-focusable); a
    // named region, so a screen reader says what receives focus.
    <div className="samenspel-table-scroll" {...(caption ? { role: "region", "aria-label": caption } : {})}>
      <Table>
        {caption && <TableCaption>{caption}</TableCaption>}
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column} scope="col">
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {"children" in rows
            ? rows.children
            : rows.items.map((item) => (
                <TableRow key={rows.keyOf(item)}>
                  {rows.cells(item).map((cell, i) => (
                    <TableCell key={columns[i]}>{cell}</TableCell>
                  ))}
                </TableRow>
              ))}
        </TableBody>
      </Table>
    </div>
  );
}
