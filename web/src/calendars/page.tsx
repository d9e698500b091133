import { useEffect, useState } from 'preact/hooks';
import { defaultCalendar, type Calendar, type CalendarOverride } from '../../../src/calendar/model.js';
import { CALENDAR_NAME } from '../../../src/calendar/validate.js';
import { api, ApiError } from '../shared/api.js';
import { Header } from '../shared/header.js';
import type { SessionUser } from '../shared/session.js';
import { dateTime } from '../shared/time.js';
import { today } from './dates.js';
import type { FieldErrors } from './errors.js';
import { MonthView } from './month.js';
import { NowBadge } from './now.js';
import { AddOverrides, OverrideList } from './overrides.js';
import { c } from './text.js';
import { WeeklyHours } from './weekly.js';

type Stored = Calendar & { updatedAt: number; updatedBy: number | null };

const byDate = (overrides: CalendarOverride[]) => [...overrides].sort((a, b) => a.date.localeCompare(b.date));
const plain = (s: Stored): Calendar => ({ name: s.name, weekly: s.weekly, overrides: byDate(s.overrides) });
/** Key order differs between the server's answer and an edited row; compare the content. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/**
 * Working calendars for a hotline manager: the weekly hours, the year's holidays and 调休
 * working days, and a month to check the result against. The calendar is saved whole, so
 * either every change is stored or, with the server's errors shown on their rows, none is.
 */
export function CalendarPage({ user }: { user: SessionUser }) {
  const [names, setNames] = useState<string[]>([]);
  const [saved, setSaved] = useState<Stored | null>(null);
  const [calendar, setCalendar] = useState<Calendar | null>(null);
  const [errors, setErrors] = useState<FieldErrors>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [month, setMonth] = useState(today().slice(0, 7));
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);

  const dirty = calendar !== null && (saved === null || canonical(plain(saved)) !== canonical(calendar));

  const refreshNames = async () => setNames((await api<Stored[]>('GET', '/api/calendars')).map((s) => s.name));
  const open = async (name: string) => {
    const stored = await api<Stored>('GET', `/api/calendars/${encodeURIComponent(name)}`);
    setSaved(stored);
    setCalendar(plain(stored));
    setErrors([]);
    setError(null);
    setNotice(null);
    history.replaceState(null, '', `#${name}`);
  };

  useEffect(() => {
    void api<Stored[]>('GET', '/api/calendars').then((list) => {
      setNames(list.map((s) => s.name));
      const wanted = decodeURIComponent(location.hash.slice(1));
      const first = list.find((s) => s.name === wanted) ?? list[0];
      if (first) void open(first.name);
    });
  }, []);

  const leave = () => !dirty || confirm(c('confirmDiscard'));
  const pick = (name: string) => {
    if (leave()) void open(name);
  };
  const create = (e: Event) => {
    e.preventDefault();
    if (!CALENDAR_NAME.test(newName) || names.includes(newName) || !leave()) return;
    // A new calendar starts from government office hours and no holidays, like the seeded one.
    setCalendar({ ...structuredClone(defaultCalendar), name: newName });
    setSaved(null);
    setErrors([]);
    setNotice(null);
    setNewName('');
    history.replaceState(null, '', `#${newName}`);
  };

  const edit = (next: Calendar, rowsMoved = false) => {
    setCalendar(next);
    setNotice(null);
    // Errors are by row number; once rows move, the numbers point at other rows.
    if (rowsMoved) setErrors([]);
  };
  const addOverrides = (added: CalendarOverride[]) => {
    if (!calendar) return;
    const dates = new Set(added.map((o) => o.date));
    const replaced = calendar.overrides.filter((o) => dates.has(o.date)).length;
    edit({ ...calendar, overrides: byDate([...calendar.overrides.filter((o) => !dates.has(o.date)), ...added]) }, true);
    setMonth(added[0]!.date.slice(0, 7));
    setNotice(`${c('added')} ${added.length} ${c('days')}${replaced ? `（${c('replaced')} ${replaced}）` : ''}`);
  };

  const save = async () => {
    if (!calendar) return;
    const sent = { ...calendar, overrides: byDate(calendar.overrides) };
    setCalendar(sent);
    setBusy(true);
    try {
      const stored = await api<Stored>('PUT', `/api/calendars/${encodeURIComponent(sent.name)}`, sent);
      setSaved(stored);
      setCalendar(plain(stored));
      setErrors([]);
      setError(null);
      setNotice(c('saved'));
      await refreshNames();
    } catch (err) {
      const body = err instanceof ApiError ? (err.body as { errors?: FieldErrors } | undefined) : undefined;
      setErrors(body?.errors ?? []);
      setError(body?.errors ? c('notSaved') : err instanceof Error ? err.message : String(err));
      setNotice(null);
    } finally {
      setBusy(false);
    }
  };

  // Problems with no row of their own (the name, the calendar as a whole) show in the banner.
  const general = errors.filter((e) => !/^(weekly\.\w+|overrides\[\d+\])/.test(e.field));
  const listed = calendar && !names.includes(calendar.name) ? [...names, calendar.name] : names;

  return (
    <div class="desk">
      <Header user={user} />
      <div class="toolbar">
        <strong>{c('title')}</strong>
        <select name="calendar" value={calendar?.name ?? ''} onChange={(e) => pick(e.currentTarget.value)}>
          {listed.map((n) => (
            <option value={n}>{names.includes(n) ? n : `${n} ${c('newMark')}`}</option>
          ))}
        </select>
        <form class="row" onSubmit={create}>
          <input name="new-calendar" class="new-name" value={newName} placeholder={c('newName')} maxLength={40} onInput={(e) => setNewName(e.currentTarget.value.trim())} />
          <button type="submit" disabled={!CALENDAR_NAME.test(newName) || names.includes(newName)}>
            {c('create')}
          </button>
        </form>
        <span class="spacer" />
        <NowBadge calendar={saved} />
        {dirty && <span class="problems-count bad">{c('unsaved')}</span>}
        <button type="button" class="primary" name="save" disabled={!calendar || busy || !dirty} onClick={save}>
          {c('save')}
        </button>
      </div>
      {(error || notice || general.length > 0) && (
        <div class="banner" role="status">
          {error && <p class="error">{error}</p>}
          {general.map((e) => (
            <p class="error">{e.message}</p>
          ))}
          {notice && <span class="notice">{notice}</span>}
        </div>
      )}
      {calendar && (
        <div class="calendar-page">
          <section class="card">
            <h2>{c('weekly')}</h2>
            <WeeklyHours weekly={calendar.weekly} errors={errors} onChange={(weekly) => edit({ ...calendar, weekly })} />
          </section>
          <section class="card">
            <h2>{c('overrides')}</h2>
            <AddOverrides weekly={calendar.weekly} onAdd={addOverrides} />
            <OverrideList
              overrides={calendar.overrides}
              weekly={calendar.weekly}
              errors={errors}
              onChange={(i, o) => edit({ ...calendar, overrides: calendar.overrides.map((x, k) => (k === i ? o : x)) })}
              onRemove={(i) => edit({ ...calendar, overrides: calendar.overrides.filter((_, k) => k !== i) }, true)}
            />
          </section>
          <section class="card">
            <h2>{c('month')}</h2>
            <MonthView calendar={calendar} month={month} onMonth={setMonth} />
            {saved && saved.updatedAt > 0 && (
              <p class="muted small">
                {c('updated')}: {dateTime(saved.updatedAt)}
              </p>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
