import { useEffect, useId, useMemo, useState } from 'react';
import type { UsageView } from '../../../common/usage.js';
import { useToast } from '../components/Toast.js';
import { useI18n } from '../i18n.js';
import { ask, useAct } from '../ipc.js';
import { say } from '../messages.js';
import { DayChart } from './DayChart.js';
import { HourChart } from './HourChart.js';
import { queryOf, recentMonths, type PeriodChoice } from './periods.js';
import './usage.css';

/**
 * What the company's rooms were used for (issue 31), a month at a time (the last 30 days by default): the
 * totals, meetings and minutes per day, rooms in use by hour of the week against those licensed; each chart
 * also as a table of the same numbers; export as CSV, print. Loaded only when the section opens.
 */
export default function UsagePage() {
  const { t } = useI18n();
  const toast = useToast();
  const act = useAct();
  const today = useMemo(() => new Date(), []);
  const [choice, setChoice] = useState<PeriodChoice>('last30');
  const query = useMemo(() => queryOf(choice, today), [choice, today]);
  const [view, setView] = useState<{ for: string; value?: UsageView; error?: string }>();
  const key = `${query.from}/${query.to}`;
  const ids = useId();

  useEffect(() => {
    let current = true;
    void ask(window.umeet.usage(query), t).then((answer) => {
      if (current) setView(answer.ok ? { for: key, value: answer.value } : { for: key, error: answer.error.message });
    });
    return () => {
      current = false;
    };
    // `t` changes with the language: the figures do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const exportCsv = async () => {
    const saved = await act(window.umeet.exportUsage(query));
    if (saved) toast({ message: say('usage.exported', { path: saved.path }), tone: 'info' });
  };

  const shown = view?.for === key ? view : undefined;
  const report = shown?.value;
  return (
    <section className="usage" aria-labelledby={`${ids}-title`}>
      <div className="usage-head">
        <h2 id={`${ids}-title`}>{t('usage.title')}</h2>
        <p className="muted">{t('usage.intro')}</p>
        <div className="usage-controls">
          <label htmlFor={`${ids}-period`}>{t('usage.period')}</label>
          <select id={`${ids}-period`} value={choice} onChange={(e) => setChoice(e.target.value as PeriodChoice)}>
            <option value="last30">{t('usage.last30')}</option>
            {recentMonths(today).map((month) => (
              <option key={month} value={month}>
                {month}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void exportCsv()} disabled={!report}>
            {t('usage.export')}
          </button>
          <button type="button" onClick={() => window.print()} disabled={!report}>
            {t('usage.print')}
          </button>
        </div>
        <p className="usage-range">{t('usage.range', query)}</p>
      </div>
      {!shown && <p role="status">{t('usage.loading')}</p>}
      {shown?.error !== undefined && (
        <p role="alert" className="error">
          {shown.error}
        </p>
      )}
      {report && <Report report={report} ids={ids} />}
    </section>
  );
}

function Report({ report, ids }: { report: UsageView; ids: string }) {
  const { t } = useI18n();
  const t0 = report.totals;
  const figures: [string, number | string, string?][] = [
    [t('usage.meetings'), t0.meetings],
    [t('usage.participants'), t0.participants],
    [t('usage.minutes'), t0.minutes],
    [t('usage.audioFee'), t0.audio_fee.toFixed(2)],
    [t('usage.noRoom'), t0.no_room, t('usage.noRoomHint')],
  ];
  return (
    <>
      <h3>{t('usage.totals')}</h3>
      <dl className="usage-totals" data-testid="usage-totals">
        {figures.map(([label, value, hint]) => (
          <div key={label} title={hint}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {t0.meetings === 0 && <p className="muted">{t('usage.none')}</p>}

      <h3 id={`${ids}-days`}>{t('usage.perDay')}</h3>
      <DayChart days={report.days} labelledBy={`${ids}-days`} />
      <table className="usage-table" data-testid="day-table">
        <caption>{t('usage.perDayTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('usage.csvDate')}</th>
            <th scope="col">{t('usage.meetings')}</th>
            <th scope="col">{t('usage.minutes')}</th>
          </tr>
        </thead>
        <tbody>
          {report.days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{d.date}</th>
              <td>{d.meetings}</td>
              <td>{d.minutes}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {report.byHour.map((size) => {
        const peak = Math.max(0, ...size.peak.flat());
        const heading = `${ids}-hours-${size.capacity}`;
        return (
          <div key={size.capacity} className="usage-size">
            <h3 id={heading}>{t('usage.byHour', { capacity: size.capacity, licensed: size.licensed })}</h3>
            <p>{t('usage.byHourSummary', { capacity: size.capacity, licensed: size.licensed, peak })}</p>
            <HourChart size={size} labelledBy={heading} />
            <table className="usage-table hours" data-testid={`hour-table-${size.capacity}`}>
              <caption>{t('usage.byHourTable', { capacity: size.capacity })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('usage.weekday')}</th>
                  {Array.from({ length: 24 }, (_, hour) => (
                    <th key={hour} scope="col">
                      {hour}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {size.peak.map((row, day) => (
                  <tr key={day}>
                    <th scope="row">{t(`usage.day.${day}` as 'usage.day.0')}</th>
                    {row.map((value, hour) => (
                      <td key={hour} className={value > size.licensed ? 'over' : undefined}>
                        {value}
                        {value > size.licensed && <span className="visually-hidden"> ({t('usage.overLicence')})</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}

      <h3>{t('usage.rooms')}</h3>
      <table className="usage-table" data-testid="room-table">
        <thead>
          <tr>
            <th scope="col">{t('usage.csvRoom')}</th>
            <th scope="col">{t('usage.meetings')}</th>
            <th scope="col">{t('usage.participants')}</th>
            <th scope="col">{t('usage.minutes')}</th>
            <th scope="col">{t('usage.audioFee')}</th>
            <th scope="col">{t('usage.noRoom')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rooms.map((r) => (
            <tr key={r.host_id}>
              <th scope="row">{r.host_id}</th>
              <td>{r.meetings}</td>
              <td>{r.participants}</td>
              <td>{r.minutes}</td>
              <td>{r.audio_fee.toFixed(2)}</td>
              <td>{r.no_room}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
