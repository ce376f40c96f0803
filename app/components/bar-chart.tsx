import { ChartLabel } from "./chart-label.tsx";

/**
 * A horizontal bar chart drawn on the server as SVG: no script, prints well. The picture is a summary for sighted
 * readers; `title` names it for assistive technology, and every page showing one also gives the numbers as a table.
 */
export function BarChart({ title, bars }: { title: string; bars: ReadonlyArray<{ label: string; value: number }> }) {
  const rowHeight = 28;
  const labelWidth = 170;
  // Narrow enough that on a 390 px phone, where the chart shrinks to the column, the labels still read at about 12 px.
  const barWidth = 200;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const titleId = `chart-${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
  return (
    <svg
      className="samenspel-chart"
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${labelWidth + barWidth + 50} ${bars.length * rowHeight + 8}`}
      width={labelWidth + barWidth + 50}
    >
      <title id={titleId}>{title}</title>
      {bars.map((bar, i) => {
        const y = i * rowHeight + 4;
        const width = Math.round((bar.value / max) * barWidth);
        return (
          <g key={bar.label}>
            <ChartLabel label={bar.label} x={labelWidth - 8} y={y + 17} width={labelWidth - 8} />
            <rect x={labelWidth} y={y + 2} width={width} height={rowHeight - 8} fill="#1f5e95" />
            <text x={labelWidth + width + 6} y={y + 17} fontSize="14" fill="currentColor">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
