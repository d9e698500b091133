import type { TimeRange } from '../../../src/calendar/model.js';
import { errorsUnder, hasError, messageOf, type FieldErrors } from './errors.js';
import { c } from './text.js';

/**
 * A day's time ranges, typed as HH:MM (24:00 allowed for "to midnight", which a time picker
 * cannot offer); the server checks them and its errors show under the range they name.
 */
export function RangesEditor(props: { path: string; ranges: TimeRange[]; errors: FieldErrors; onChange: (ranges: TimeRange[]) => void; addDefault?: TimeRange }) {
  const { path, ranges, errors, onChange } = props;
  const set = (i: number, key: 'from' | 'to', value: string) => onChange(ranges.map((r, k) => (k === i ? { ...r, [key]: value } : r)));
  const own = errors.filter((e) => e.field === path);
  return (
    <div class="ranges" data-ranges={path}>
      {ranges.map((r, i) => {
        const at = `${path}[${i}]`;
        return (
          <div class="range" key={i}>
            <div class="row">
              <input name={`${at}.from`} class={hasError(errors, `${at}.from`) ? 'invalid' : ''} value={r.from} maxLength={5} placeholder="08:30" onInput={(e) => set(i, 'from', e.currentTarget.value.trim())} />
              <span>–</span>
              <input name={`${at}.to`} class={hasError(errors, `${at}.to`) || hasError(errors, at) ? 'invalid' : ''} value={r.to} maxLength={5} placeholder="17:30" onInput={(e) => set(i, 'to', e.currentTarget.value.trim())} />
              <button type="button" class="link small" title={c('remove')} aria-label={c('remove')} onClick={() => onChange(ranges.filter((_, k) => k !== i))}>
                ×
              </button>
            </div>
            {errorsUnder(errors, at).map((e) => (
              <p class="field-error">{messageOf(e)}</p>
            ))}
          </div>
        );
      })}
      {own.map((e) => (
        <p class="field-error">{messageOf(e)}</p>
      ))}
      <button type="button" class="small" onClick={() => onChange([...ranges, props.addDefault ?? nextRange(ranges)])}>
        + {c('addRange')}
      </button>
    </div>
  );
}

/** After the morning comes the afternoon: a new range starts where the last one ended. */
function nextRange(ranges: TimeRange[]): TimeRange {
  const last = ranges[ranges.length - 1];
  return last ? { from: last.to, to: last.to } : { from: '08:30', to: '17:30' };
}
