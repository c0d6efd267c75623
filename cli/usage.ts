import type { UsageReport } from '../common/usage.js';
import { addDays, isLocalDay, last30Days } from '../core/usage/periods.js';

/** `umeet usage` for people: the totals, then each room. */
export function usageLines(report: UsageReport): string {
  const t = report.totals;
  const lines = [
    `Usage from ${report.from} to ${report.to}:`,
    `  ${t.meetings} meetings, ${t.participants} participants, ${t.minutes} minutes, audio ¥${t.audio_fee.toFixed(2)}, no room free ${t.no_room} times`,
    ...report.rooms.map(
      (r) =>
        `  ${r.host_id}: ${r.meetings} meetings, ${r.participants} participants, ${r.minutes} min, ¥${r.audio_fee.toFixed(2)}, no room ${r.no_room}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The period asked for, on the local calendar: both dates real, `--from` not after `--to`; by default the last 30 days (today included). */
export function usagePeriod(
  options: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { ok: true; from: string; to: string } | { ok: false; problem: string } {
  for (const [option, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const)
    if (value !== undefined && !isLocalDay(value))
      return { ok: false, problem: `${option}: must be a date YYYY-MM-DD, not ${JSON.stringify(value)}` };
  // Without --from: the 30 days up to --to (today by default).
  const to = options.to ?? last30Days(now).to;
  const from = options.from ?? addDays(to, -29);
  if (from > to) return { ok: false, problem: `--from ${from} is after --to ${to}` };
  return { ok: true, from, to };
}
