import type { UsageReport } from '../../../common/usage.js';
import { useI18n } from '../i18n.js';

const WIDTH = 640;
const PANEL = 90;
const GAP = 28;

/**
 * Meetings and minutes per day as two bar panels on one day axis (plain SVG: text is the page's, so CJK
 * fonts, dark mode and print follow the stylesheet). The same numbers are the table below it; the SVG is
 * one image to assistive technology, named by its heading.
 */
export function DayChart({ days, labelledBy }: { days: UsageReport['days']; labelledBy: string }) {
  const { t } = useI18n();
  const n = Math.max(1, days.length);
  const step = WIDTH / n;
  const bar = Math.max(1, step * 0.7);
  const panels: { key: 'meetings' | 'minutes'; label: string }[] = [
    { key: 'meetings', label: t('usage.meetings') },
    { key: 'minutes', label: t('usage.minutes') },
  ];
  const height = panels.length * (PANEL + GAP) + 16;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH + 40} ${height}`} role="img" aria-labelledby={labelledBy} data-testid="day-chart">
      {panels.map(({ key, label }, p) => {
        const top = p * (PANEL + GAP) + 14;
        const max = Math.max(1, ...days.map((d) => d[key]));
        return (
          <g key={key} transform={`translate(34 ${top})`}>
            <text className="chart-label" x={0} y={-4}>
              {label} (max {max})
            </text>
            <line className="chart-axis" x1={0} x2={WIDTH} y1={PANEL} y2={PANEL} />
            {days.map((d, i) => {
              const h = (d[key] / max) * PANEL;
              return (
                <rect
                  key={d.date}
                  className={`chart-bar chart-${key}`}
                  x={i * step + (step - bar) / 2}
                  y={PANEL - h}
                  width={bar}
                  height={h}
                  data-value={d[key]}
                >
                  <title>{`${d.date}: ${d[key]}`}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
      <text className="chart-label" x={34} y={height - 2}>
        {days[0]?.date}
      </text>
      <text className="chart-label" x={WIDTH + 34} y={height - 2} textAnchor="end">
        {days.at(-1)?.date}
      </text>
    </svg>
  );
}
