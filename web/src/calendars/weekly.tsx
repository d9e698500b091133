import type { Calendar, TimeRange, Weekday } from '../../../src/calendar/model.js';
import { mondayFirst } from './dates.js';
import type { FieldErrors } from './errors.js';
import { RangesEditor } from './ranges.js';
import { c } from './text.js';

/** The office hours of each weekday, Monday first; a weekend is a day with no ranges. */
export function WeeklyHours(props: { weekly: Calendar['weekly']; errors: FieldErrors; onChange: (weekly: Calendar['weekly']) => void }) {
  const { weekly, errors, onChange } = props;
  const setDay = (day: Weekday, ranges: TimeRange[]) => onChange({ ...weekly, [day]: ranges });
  return (
    <table class="weekly">
      <tbody>
        {mondayFirst.map((day) => (
          <tr key={day} data-day={day}>
            <th>{c(`day.${day}`)}</th>
            <td class="wide">
              {weekly[day].length === 0 && <span class="muted small">{c('closedAllDay')}</span>}
              <RangesEditor path={`weekly.${day}`} ranges={weekly[day]} errors={errors} onChange={(r) => setDay(day, r)} />
            </td>
            <td>
              {day !== 'mon' && (
                <button type="button" class="small" onClick={() => setDay(day, structuredClone(weekly.mon))}>
                  {c('sameAsMonday')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
