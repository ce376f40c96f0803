import {
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type ReactNode, useId } from "react";

/** Rows written out by the caller (for row headers or links), or one row per item from `cells`. */
type Rows<Item> =
  | { children: ReactNode }
  | { items: readonly Item[]; keyOf: (item: Item) => string; cells: (item: Item) => readonly ReactNode[] };

/** The table's name: its visible caption, or (under a heading that already says it) a label read out only. */
type Name = { caption: string; label?: never } | { label: string; caption?: never };

/**
 * An NL Design System table with column headers and a name; on a narrow screen it scrolls by itself, not the page
 * (WCAG 1.4.10).
 */
export function DataTable<Item>({
  caption,
  label,
  columns,
  ...rows
}: Name & { columns: readonly string[] } & Rows<Item>) {
  const captionId = useId();
  return (
    // Focusable, so a keyboard user can scroll a table wider than the screen (axe: scrollable-region-focusable); a
    // section named by the caption is a region, so a screen reader says what receives focus.
    <section
      className="samenspel-table-scroll"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
      tabIndex={0}
      {...(caption === undefined ? { "aria-label": label } : { "aria-labelledby": captionId })}
    >
      <Table>
        {caption !== undefined && <TableCaption id={captionId}>{caption}</TableCaption>}
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
            : // The rows and cells TableRow and TableCell render, written out: a results page has hundreds of
              // cells, and each of those components copies its props twice to add one class (`clsx`, spreads).
              rows.items.map((item) => (
                <tr key={rows.keyOf(item)} className="utrecht-table__row">
                  {rows.cells(item).map((cell, i) => (
                    <td key={columns[i]} className="utrecht-table__cell">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
        </TableBody>
      </Table>
    </section>
  );
}
