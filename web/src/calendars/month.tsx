import type { Calendar } from '../../../src/calendar/model.js';
import { hoursOn } from '../../../src/calendar/working-time.js';
import { dayOf, monthGrid, mondayFirst, shiftMonth, today, weekdayOf } from './dates.js';
import { c, monthTitle } from './text.js';

/**
 * The month as the IVR will see it, from the calendar on screen (saved or not): each day's
 * hours come from the server's own `hoursOn`, so what the admin checks here is the rule
 * callers meet.
 */
export function MonthView(props: { calendar: Calendar; month: string; onMonth: (month: string) => void }) {
  const { calendar, month } = props;
  const byDate = new Map(calendar.overrides.map((o) => [o.date, o]));
  const todayDay = dayOf(today());
  return (
    <div class="month" data-month={month}>
      <div class="row month-nav">
        <button type="button" class="small" aria-label={c('prevMonth')} onClick={() => props.onMonth(shiftMonth(month, -1))}>
          ‹
        </button>
        <strong class="month-title">{monthTitle(month)}</strong>
        <button type="button" class="small" aria-label={c('nextMonth')} onClick={() => props.onMonth(shiftMonth(month, 1))}>
          ›
        </button>
      </div>
      <div class="month-grid">
        {mondayFirst.map((d) => (
          <div class={`weekday-head ${d === 'sat' || d === 'sun' ? 'weekend' : ''}`}>{c(`short.${d}`)}</div>
        ))}
        {monthGrid(month).map((day) => {
          if (day === null) return <div class="blank" />;
          const date = `${month}-${String(day - dayOf(`${month}-01`) + 1).padStart(2, '0')}`;
          const override = byDate.get(date);
          const hours = hoursOn(calendar, day);
          const weekend = weekdayOf(day) === 'sat' || weekdayOf(day) === 'sun';
          const state = override?.kind === 'holiday' ? 'holiday' : override ? 'working-day' : hours.length ? 'open' : 'closed';
          const span = hours.length ? `${hours[0]!.from}–${hours[hours.length - 1]!.to}` : '';
          return (
            <div class={`day ${state}${weekend ? ' weekend' : ''}${day === todayDay ? ' today' : ''}`} data-date={date} data-state={state} title={override?.label ?? ''}>
              <span class="num">{date.slice(8).replace(/^0/, '')}</span>
              {override && <span class="mark">{override.kind === 'holiday' ? c('holidayMark') : c('workingMark')}</span>}
              <span class="what">{override?.label ?? (hours.length ? c('open') : c('closed'))}</span>
              {span && <span class="span">{span}</span>}
            </div>
          );
        })}
      </div>
      <div class="legend small">
        <span class="key open" /> {c('legendOpen')} <span class="key closed" /> {c('legendClosed')} <span class="key holiday" /> {c('legendHoliday')} <span class="key working-day" /> {c('legendWorking')}
      </div>
    </div>
  );
}
