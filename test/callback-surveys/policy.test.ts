import t from 'tap';
import { defaultCalendar, type Calendar } from '../../src/calendar/model.js';
import { afterFailure, callable, mayCall, nextCallTime, parseWindow, type SurveyRules } from '../../src/callback-surveys/policy.js';
import { loadConfig } from '../../src/config.js';

const cst = (iso: string) => Date.parse(`${iso}+08:00`);
const rules: SurveyRules = { window: parseWindow('09:00-20:00')!, days: 'working-days', attempts: 3, retryMinutes: 60 };
// 国庆节 2026 (1–7 October) off, Saturday 10 October worked in exchange.
const calendar: Calendar = {
  ...defaultCalendar,
  overrides: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
    { date: '2026-10-10', kind: 'working-day', hours: [{ from: '08:30', to: '17:30' }] },
  ],
};

t.test('the window is HH:MM-HH:MM, start before end', async (t) => {
  t.same(parseWindow('09:00-20:00'), { from: 540, to: 1200 });
  t.same(parseWindow('00:00-24:00'), { from: 0, to: 1440 });
  for (const bad of ['9:00-20:00', '20:00-09:00', '09:00-09:00', '09:60-20:00', '25:00-26:00', '09:00-24:30', 'always']) t.equal(parseWindow(bad), null, bad);
  t.throws(() => loadConfig({ ARI_USER: 'a', ARI_PASSWORD: 'b', CALLBACK_SURVEY_HOURS: '20:00-09:00' }), /CALLBACK_SURVEY_HOURS/);
  t.throws(() => loadConfig({ ARI_USER: 'a', ARI_PASSWORD: 'b', CALLBACK_SURVEY_HOURS: 'daytime' }), /CALLBACK_SURVEY_HOURS/);
});

t.test('calls on working days within the hours, past the offices’ own hours; never on a holiday', async (t) => {
  t.ok(mayCall(rules, calendar, cst('2026-09-30T09:00:00')), 'a Wednesday at 09:00');
  t.ok(mayCall(rules, calendar, cst('2026-09-30T19:59:00')), 'and at 19:59, after the offices close');
  t.notOk(mayCall(rules, calendar, cst('2026-09-30T20:00:00')), 'not at 20:00');
  t.notOk(mayCall(rules, calendar, cst('2026-09-30T08:59:59')));
  t.notOk(mayCall(rules, calendar, cst('2026-10-02T10:00:00')), 'not on 国庆节');
  t.ok(mayCall(rules, calendar, cst('2026-10-10T18:00:00')), 'the Saturday worked in exchange, at the survey’s hours');
  t.notOk(mayCall(rules, calendar, cst('2026-10-11T10:00:00')), 'not on a Sunday');
  t.ok(mayCall({ ...rules, days: 'every-day' }, calendar, cst('2026-10-02T10:00:00')), 'every-day calls on holidays too');
});

t.test('the next call time: now if allowed, else the next opening of the window on an allowed day', async (t) => {
  t.equal(nextCallTime(rules, calendar, cst('2026-09-30T12:00:00')), cst('2026-09-30T12:00:00'));
  t.equal(nextCallTime(rules, calendar, cst('2026-09-29T07:00:00')), cst('2026-09-29T09:00:00'), 'early morning: at 09:00 the same day');
  t.equal(nextCallTime(rules, calendar, cst('2026-09-30T20:30:00')), cst('2026-10-08T09:00:00'), 'the evening before 国庆节: after the holiday');
  t.equal(nextCallTime(rules, calendar, cst('2026-10-09T21:00:00')), cst('2026-10-10T09:00:00'), 'Friday evening: the Saturday worked');
  const closed: Calendar = { ...defaultCalendar, weekly: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } };
  t.equal(nextCallTime(rules, closed, cst('2026-09-30T12:00:00')), null, 'a calendar without working days never calls');
});

t.test('after a failed call: the retry delay, moved into the window; failed once every attempt is used', async (t) => {
  t.same(afterFailure(rules, calendar, 1, cst('2026-09-29T10:15:00')), { status: 'pending', nextAttemptAt: cst('2026-09-29T11:15:00') });
  t.same(afterFailure(rules, calendar, 2, cst('2026-09-29T19:30:00')), { status: 'pending', nextAttemptAt: cst('2026-09-30T09:00:00') }, 'an hour after 19:30 is past 20:00: the next morning');
  t.same(afterFailure(rules, calendar, 3, cst('2026-09-29T10:15:00')), { status: 'failed' });
  t.same(afterFailure({ ...rules, attempts: 1 }, calendar, 1, cst('2026-09-29T10:15:00')), { status: 'failed' }, 'a single attempt');
});

t.test('a callable number', async (t) => {
  for (const n of ['13912345678', '+8613912345678', '09518888888', '110']) t.ok(callable(n), n);
  for (const n of ['', '12', '12#', '*86', 'anonymous', '1391234567812345678901']) t.notOk(callable(n), n);
});
