import { useState } from 'react';
import type { BusinessHours, TimeRange, Weekday } from '../../../../common/automation/hours';
import type { AutomationT } from './useAutomationT';

/** Monday first, as support teams read a week. */
const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Zones this runtime knows; the viewer's own first when the list is not available. */
function timeZones(current: string): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return [...new Set([current, own, 'UTC', ...supported])];
}

export function defaultHours(): BusinessHours {
  const nine5: TimeRange[] = [{ start: '09:00', end: '17:00' }];
  return {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    week: { mon: nine5, tue: nine5, wed: nine5, thu: nine5, fri: nine5, sat: [], sun: [] },
    holidays: [],
  };
}

type Props = { readonly t: AutomationT; readonly hours: BusinessHours; readonly onChange: (h: BusinessHours) => void };

/** Weekly ranges per day (several a day, past midnight allowed), the zone, and holidays. */
export function HoursEditor({ t, hours, onChange }: Props) {
  const [holiday, setHoliday] = useState('');
  const setDay = (day: Weekday, ranges: TimeRange[]) => onChange({ ...hours, week: { ...hours.week, [day]: ranges } });
  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(holiday) || hours.holidays.includes(holiday)) return;
    onChange({ ...hours, holidays: [...hours.holidays, holiday].sort() });
    setHoliday('');
  };
  return (
    <div className="automation-hours">
      <label>
        {t('automation.hours.zone')}
        <select value={hours.timeZone} onChange={e => onChange({ ...hours, timeZone: e.target.value })}>
          {timeZones(hours.timeZone).map(z => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">{t('automation.hours.midnight')}</p>
      <table className="automation-week">
        <tbody>
          {DAYS.map(day => (
            <tr key={day} data-testid={`hours-${day}`}>
              <th scope="row">{t(`automation.day.${day}`)}</th>
              <td>
                {hours.week[day].length === 0 && <span className="muted small">{t('automation.hours.closed')} </span>}
                {hours.week[day].map((r, i) => (
                  <span key={i} className="automation-range">
                    <input
                      type="time"
                      aria-label={`${t(`automation.day.${day}`)} ${t('automation.hours.from')}`}
                      value={r.start}
                      onChange={e =>
                        setDay(
                          day,
                          hours.week[day].map((x, j) => (j === i ? { ...x, start: e.target.value } : x)),
                        )
                      }
                    />
                    –
                    <input
                      type="time"
                      aria-label={`${t(`automation.day.${day}`)} ${t('automation.hours.to')}`}
                      value={r.end}
                      onChange={e =>
                        setDay(
                          day,
                          hours.week[day].map((x, j) => (j === i ? { ...x, end: e.target.value } : x)),
                        )
                      }
                    />
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('automation.hours.remove', {
                        from: r.start,
                        to: r.end,
                        day: t(`automation.day.${day}`),
                      })}
                      onClick={() =>
                        setDay(
                          day,
                          hours.week[day].filter((_, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </button>
                  </span>
                ))}
                {hours.week[day].length < 8 && (
                  <button
                    type="button"
                    onClick={() => setDay(day, [...hours.week[day], { start: '09:00', end: '17:00' }])}
                  >
                    {t('automation.hours.add')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>{t('automation.holidays')}</legend>
        <ul className="automation-holidays">
          {hours.holidays.map(d => (
            <li key={d}>
              {d}{' '}
              <button
                type="button"
                className="icon-button"
                aria-label={t('automation.holidays.remove', { date: d })}
                onClick={() => onChange({ ...hours, holidays: hours.holidays.filter(x => x !== d) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          type="date"
          aria-label={t('automation.holidays')}
          value={holiday}
          onChange={e => setHoliday(e.target.value)}
        />
        <button type="button" onClick={addHoliday}>
          {t('automation.holidays.add')}
        </button>
      </fieldset>
    </div>
  );
}
