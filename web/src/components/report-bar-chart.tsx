/**
 * @module web/components/report-bar-chart
 * A small horizontal bar chart drawn as inline SVG, one bar a row with its label and value above it, so it
 * reads at 320 px without shrinking text. It is an image to assistive technology: named by its caption and
 * described by a text alternative listing every bar's label and value. The figures are also in the table
 * beside it; the chart is a picture of them, never the only place they are.
 */
import { useId } from 'react';
import type { JSX } from 'react';

export interface ChartBar {
  key: string;
  label: string;
  value: number;
  /** The value in words, as shown beside the bar and read out in the text alternative. */
  valueText: string;
}

export interface ReportBarChartProps {
  title: string;
  bars: readonly ChartBar[];
  /** The value of a full-width bar; the largest value when not given. */
  max?: number;
}

/** Height of one bar's row: a line of text, the bar, and a gap. */
const ROW = 46;
const TEXT_BASELINE = 15;
const BAR_TOP = 21;
const BAR_HEIGHT = 14;

export function ReportBarChart({ title, bars, max }: ReportBarChartProps): JSX.Element {
  const titleId = useId();
  const descriptionId = useId();
  const top = max ?? Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <figure className="report-chart">
      <figcaption id={titleId} className="report-chart-title">
        {title}
      </figcaption>
      {bars.length === 0 ? (
        <p className="report-chart-empty">Nothing to chart for these filters.</p>
      ) : (
        <svg
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
          width="100%"
          height={bars.length * ROW}
          className="report-chart-svg"
        >
          <desc id={descriptionId}>{bars.map((bar) => `${bar.label}: ${bar.valueText}`).join('; ')}.</desc>
          {bars.map((bar, index) => {
            const y = index * ROW;
            const share = top > 0 ? Math.min(1, Math.max(0, bar.value / top)) : 0;
            return (
              <g key={bar.key} aria-hidden="true">
                <text x="0" y={y + TEXT_BASELINE} className="report-chart-label">
                  {bar.label}
                </text>
                <text x="100%" y={y + TEXT_BASELINE} textAnchor="end" className="report-chart-value">
                  {bar.valueText}
                </text>
                <rect x="0" y={y + BAR_TOP} width="100%" height={BAR_HEIGHT} className="report-chart-track" />
                <rect
                  x="0"
                  y={y + BAR_TOP}
                  width={`${(share * 100).toFixed(2)}%`}
                  height={BAR_HEIGHT}
                  className="report-chart-bar"
                />
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
