import type { RoomsByHour } from '../../../common/usage.js';
import { useI18n } from '../i18n.js';

const CELL = 24;

/**
 * Rooms of one size in use by hour of the week (the most at once in any such hour), against those licensed:
 * a 7 × 24 heatmap. Each cell carries its number as text, and one over the licence is outlined, so colour
 * is never the only sign; the table below holds the same numbers.
 */
export function HourChart({ size, labelledBy }: { size: RoomsByHour[number]; labelledBy: string }) {
  const { t } = useI18n();
  const top = Math.max(1, size.licensed, ...size.peak.flat());
  return (
    <svg
      className="chart heatmap"
      viewBox={`0 0 ${40 + 24 * CELL} ${20 + 7 * CELL}`}
      role="img"
      aria-labelledby={labelledBy}
      data-testid={`hour-chart-${size.capacity}`}
    >
      {Array.from({ length: 24 }, (_, hour) =>
        hour % 3 === 0 ? (
          <text key={hour} className="chart-label" x={40 + hour * CELL + CELL / 2} y={14} textAnchor="middle">
            {hour}
          </text>
        ) : null,
      )}
      {size.peak.map((row, day) => (
        <g key={day} transform={`translate(0 ${20 + day * CELL})`}>
          <text className="chart-label" x={34} y={CELL / 2 + 4} textAnchor="end">
            {t(`usage.day.${day}` as 'usage.day.0')}
          </text>
          {row.map((value, hour) => (
            <g key={hour} transform={`translate(${40 + hour * CELL} 0)`}>
              <rect
                className={`heat${value > size.licensed ? ' heat-over' : ''}`}
                width={CELL - 2}
                height={CELL - 2}
                style={{ fillOpacity: value === 0 ? 0.06 : 0.2 + (0.8 * value) / top }}
                data-value={value}
              />
              {value > 0 && (
                <text className="heat-text" x={(CELL - 2) / 2} y={CELL / 2 + 3} textAnchor="middle">
                  {value}
                </text>
              )}
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
