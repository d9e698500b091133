import { useState } from 'preact/hooks';
import type { Calendar, CalendarOverride, TimeRange } from '../../../src/calendar/model.js';
import { datesBetween, dayOf, weekdayOf } from './dates.js';
import { errorsUnder, hasError, messageOf, type FieldErrors } from './errors.js';
import { RangesEditor } from './ranges.js';
import { c } from './text.js';

type Kind = CalendarOverride['kind'];

/** Names the State Council's notice uses, offered while typing a label. */
const usualLabels = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '调休上班'];

/**
 * A 调休 working day is usually a weekend, which has no weekly hours: it takes its weekday's
 * hours when there are any, otherwise Monday's, as an ordinary working day.
 */
export function defaultHours(weekly: Calendar['weekly'], date: string): TimeRange[] {
  const own = weekly[weekdayOf(dayOf(date))];
  return structuredClone(own.length ? own : weekly.mon);
}

export function makeOverride(weekly: Calendar['weekly'], date: string, kind: Kind, label: string): CalendarOverride {
  const base = { date, ...(label ? { label } : {}) };
  return kind === 'holiday' ? { ...base, kind } : { ...base, kind, hours: defaultHours(weekly, date) };
}

/** The form that adds one date, or a run of dates with one label (国庆节 10-01 to 10-07). */
export function AddOverrides(props: { weekly: Calendar['weekly']; onAdd: (added: CalendarOverride[]) => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<Kind>('holiday');
  const [label, setLabel] = useState('');
  const [error, setError] = useState(false);
  const add = (e: Event) => {
    e.preventDefault();
    const dates = from ? datesBetween(from, to || from) : null;
    setError(!dates);
    if (!dates) return;
    props.onAdd(dates.map((d) => makeOverride(props.weekly, d, kind, label.trim())));
    setFrom('');
    setTo('');
  };
  return (
    <form class="add-overrides" onSubmit={add}>
      <div class="row wrap">
        <label>
          {c('from')}
          <input type="date" name="add-from" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {c('to')}
          <input type="date" name="add-to" value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>
          {c('kind')}
          <select name="add-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            <option value="holiday">{c('kind.holiday')}</option>
            <option value="working-day">{c('kind.working-day')}</option>
          </select>
        </label>
        <label>
          {c('label')}
          <input name="add-label" value={label} maxLength={40} list="usual-labels" placeholder="国庆节" onInput={(e) => setLabel(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {c('addOverrides')}
        </button>
      </div>
      <datalist id="usual-labels">
        {usualLabels.map((l) => (
          <option value={l} />
        ))}
      </datalist>
      {error && <p class="error">{c('badRange')}</p>}
    </form>
  );
}

/** The overrides as saved, sorted by date, so `overrides[2]` in a server error is the third row. */
export function OverrideList(props: {
  overrides: CalendarOverride[];
  weekly: Calendar['weekly'];
  errors: FieldErrors;
  onChange: (index: number, override: CalendarOverride) => void;
  onRemove: (index: number) => void;
}) {
  const { overrides, errors } = props;
  if (overrides.length === 0) return <p class="muted">{c('noOverrides')}</p>;
  return (
    <table class="overrides">
      <thead>
        <tr>
          <th>{c('date')}</th>
          <th>{c('kind')}</th>
          <th>{c('label')}</th>
          <th>{c('hours')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {overrides.map((o, i) => {
          const at = `overrides[${i}]`;
          const rowErrors = errorsUnder(errors, at).filter((e) => !e.field.startsWith(`${at}.hours`));
          const setKind = (kind: Kind) => props.onChange(i, makeOverride(props.weekly, o.date, kind, o.label ?? ''));
          const setLabel = (label: string) => {
            const { label: _old, ...rest } = o;
            props.onChange(i, (label ? { ...rest, label } : rest) as CalendarOverride);
          };
          return (
            <tr key={o.date} data-date={o.date} class={`${o.kind}${errorsUnder(errors, at).length ? ' has-errors' : ''}`}>
              <td>
                <span class={hasError(errors, `${at}.date`) ? 'invalid-text' : ''}>{o.date}</span> <span class="muted small weekday">{c(`day.${weekdayOf(dayOf(o.date))}`)}</span>
                {rowErrors.map((e) => (
                  <p class="field-error">{messageOf(e)}</p>
                ))}
              </td>
              <td>
                <select name={`${at}.kind`} value={o.kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
                  <option value="holiday">{c('kind.holiday')}</option>
                  <option value="working-day">{c('kind.working-day')}</option>
                </select>
              </td>
              <td>
                <input name={`${at}.label`} class={hasError(errors, `${at}.label`) ? 'invalid' : ''} value={o.label ?? ''} maxLength={40} list="usual-labels" onInput={(e) => setLabel(e.currentTarget.value)} />
              </td>
              <td class="wide">
                {o.kind === 'working-day' ? (
                  <RangesEditor path={`${at}.hours`} ranges={o.hours} errors={errors} onChange={(hours) => props.onChange(i, { ...o, hours })} />
                ) : (
                  <span class="muted small">{c('closedAllDay')}</span>
                )}
              </td>
              <td>
                <button type="button" class="small" name={`${at}.remove`} onClick={() => props.onRemove(i)}>
                  {c('remove')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
