import { ChartLabel } from "./chart-label.tsx";

/**
 * The funded plans of an area laid end to end along the budget, as SVG drawn on the server: each bar starts where
 * the one before ended, and a line marks the budget. A summary for sighted readers; the page gives the same numbers
 * as a table.
 */
export function BudgetChart({
  title,
  budgetLabel,
  budget,
  bars,
}: {
  title: string;
  budgetLabel: string;
  budget: number;
  bars: ReadonlyArray<{ label: string; value: number }>;
}) {
  const rowHeight = 28;
  const labelWidth = 190;
  const width = 300;
  const total = bars.reduce((sum, bar) => sum + bar.value, 0);
  const scale = width / Math.max(1, budget, total);
  const titleId = `chart-${title.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
  const height = bars.length * rowHeight + 30;
  let start = 0;
  return (
    <svg
      className="samenspel-chart"
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${labelWidth + width + 20} ${height}`}
      width={labelWidth + width + 20}
    >
      <title id={titleId}>{title}</title>
      {bars.map((bar, i) => {
        const x = labelWidth + Math.round(start * scale);
        start += bar.value;
        const y = i * rowHeight + 4;
        return (
          <g key={bar.label}>
            <ChartLabel label={bar.label} x={labelWidth - 8} y={y + 17} width={labelWidth - 8} />
            <rect
              x={x}
              y={y + 2}
              width={Math.max(1, Math.round(bar.value * scale))}
              height={rowHeight - 8}
              fill="#1f5e95"
            />
          </g>
        );
      })}
      <line
        x1={labelWidth + budget * scale}
        x2={labelWidth + budget * scale}
        y1={0}
        y2={height - 18}
        stroke="#b00020"
        strokeWidth="2"
        strokeDasharray="4 3"
      />
      <text x={labelWidth + budget * scale} y={height - 4} textAnchor="end" fontSize="13" fill="currentColor">
        {budgetLabel}
      </text>
    </svg>
  );
}
