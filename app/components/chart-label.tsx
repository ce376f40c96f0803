/**
 * The average advance of a 14 px sans-serif character in a Dutch title, with a little to spare (6.3 px measured in
 * Chromium). SVG text neither wraps nor clips to a column, so a label longer than its column ran off the chart's left
 * edge (a plan's title may have 150 characters).
 */
const CHARACTER_WIDTH = 6.5;

/** `label` as it fits in `width` pixels: whole, or cut after the last word that fits (mid-word if none does) with "…". */
export function fitLabel(label: string, width: number): string {
  const fits = Math.floor(width / CHARACTER_WIDTH);
  if (label.length <= fits) return label;
  // A space at the last place fits: the word before it ends in time, the ellipsis takes the space's place.
  const lastSpace = label.slice(0, fits).lastIndexOf(" ");
  return `${(lastSpace > fits / 2 ? label.slice(0, lastSpace) : label.slice(0, fits - 1)).trimEnd()}…`;
}

/**
 * A bar's label in a chart's label column: it ends at `x` and fits in `width`; when cut, the whole label is its
 * tooltip. The table beside every chart gives each label whole.
 */
export function ChartLabel({ label, x, y, width }: { label: string; x: number; y: number; width: number }) {
  const shown = fitLabel(label, width);
  return (
    <text x={x} y={y} textAnchor="end" fontSize="14" fill="currentColor">
      {shown !== label && <title>{label}</title>}
      {shown}
    </text>
  );
}
