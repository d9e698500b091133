import t from 'tap';
import { defaultCalendar, type Calendar } from '../../src/calendar/model.js';
import { addWorkingMinutes, isOpen, workingMinutesBetween } from '../../src/calendar/working-time.js';

// 2025's National Day: 1–8 October off (国庆节 and 中秋节 together), with Sunday 28 September
// and Saturday 11 October worked in exchange (调休), as the State Council announced.
const nationalDay2025: Calendar = {
  ...defaultCalendar,
  overrides: [
    { date: '2025-09-28', kind: 'working-day', label: '国庆调休', hours: defaultCalendar.weekly.mon },
    ...['01', '02', '03', '06', '07', '08'].map((d) => ({ date: `2025-10-${d}`, kind: 'holiday' as const, label: '国庆节' })),
    { date: '2025-10-11', kind: 'working-day', label: '国庆调休', hours: [{ from: '09:00', to: '12:00' }] },
  ],
};
const at = (local: string) => Date.parse(`${local}+08:00`);

t.test('weekly hours in Beijing time, lunch break included', (t) => {
  t.ok(isOpen(defaultCalendar, at('2025-09-30T08:30:00')), 'Tuesday 08:30 opens');
  t.notOk(isOpen(defaultCalendar, at('2025-09-30T08:29:59')));
  t.notOk(isOpen(defaultCalendar, at('2025-09-30T12:30:00')), 'lunch');
  t.ok(isOpen(defaultCalendar, at('2025-09-30T17:29:00')));
  t.notOk(isOpen(defaultCalendar, at('2025-09-30T17:30:00')), 'closes at 17:30');
  t.notOk(isOpen(defaultCalendar, at('2025-10-04T10:00:00')), 'Saturday');
  // 01:00 UTC on a Tuesday is 09:00 in Beijing: the zone is applied.
  t.ok(isOpen(defaultCalendar, Date.parse('2025-09-30T01:00:00Z')));
  t.end();
});

t.test('a moved holiday closes a weekday; the weekend worked in exchange opens', (t) => {
  t.ok(isOpen(defaultCalendar, at('2025-10-01T10:00:00')), 'a Wednesday, open by the weekly hours alone');
  t.notOk(isOpen(nationalDay2025, at('2025-10-01T10:00:00')), 'closed for 国庆节');
  t.notOk(isOpen(nationalDay2025, at('2025-10-08T10:00:00')), 'the moved day off');
  t.ok(isOpen(nationalDay2025, at('2025-09-28T10:00:00')), 'Sunday 28 September is worked');
  t.ok(isOpen(nationalDay2025, at('2025-10-11T11:59:00')), 'Saturday 11 October is worked…');
  t.notOk(isOpen(nationalDay2025, at('2025-10-11T14:00:00')), '…with its own hours');
  t.ok(isOpen(nationalDay2025, at('2025-10-09T10:00:00')), 'back to the weekly hours');
  t.end();
});

t.test('adding working minutes skips nights, lunch, weekends and holidays', (t) => {
  const iso = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);
  t.equal(iso(addWorkingMinutes(defaultCalendar, at('2025-09-30T11:00:00'), 90)), '2025-09-30T14:00', 'across lunch');
  t.equal(iso(addWorkingMinutes(defaultCalendar, at('2025-09-30T17:00:00'), 60)), '2025-10-01T09:00', 'across the night');
  t.equal(iso(addWorkingMinutes(defaultCalendar, at('2025-09-30T20:00:00'), 0)), '2025-09-30T20:00', 'nothing to add');
  // From Tuesday 30 September 17:00: 30 minutes that day, then nothing until Thursday 9 October.
  t.equal(iso(addWorkingMinutes(nationalDay2025, at('2025-09-30T17:00:00'), 60)), '2025-10-09T09:00', 'across the holiday');
  // From Friday 10 October 17:00: 30 minutes, then the worked Saturday morning.
  t.equal(iso(addWorkingMinutes(nationalDay2025, at('2025-10-10T17:00:00'), 60)), '2025-10-11T09:30', 'into the worked Saturday');
  t.equal(iso(addWorkingMinutes(nationalDay2025, at('2025-09-27T10:00:00'), 30)), '2025-09-28T09:00', 'a Saturday start counts from the worked Sunday');
  t.throws(() => addWorkingMinutes({ ...defaultCalendar, weekly: { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] } }, 0, 1), RangeError);
  t.end();
});

t.test('working minutes between two moments', (t) => {
  t.equal(workingMinutesBetween(defaultCalendar, at('2025-09-30T08:00:00'), at('2025-09-30T18:00:00')), 450, 'one full day: 3.5 h + 4 h');
  t.equal(workingMinutesBetween(defaultCalendar, at('2025-09-29T17:00:00'), at('2025-09-30T09:00:00')), 60);
  t.equal(workingMinutesBetween(nationalDay2025, at('2025-09-30T17:00:00'), at('2025-10-09T09:00:00')), 30 + 30, 'the holiday week is not counted');
  t.equal(workingMinutesBetween(nationalDay2025, at('2025-10-10T17:00:00'), at('2025-10-13T09:00:00')), 30 + 180 + 30, 'the worked Saturday is');
  t.equal(workingMinutesBetween(defaultCalendar, at('2025-09-30T10:00:00'), at('2025-09-30T09:00:00')), -60, 'backwards is negative');
  const start = at('2025-09-26T15:10:00');
  const end = addWorkingMinutes(nationalDay2025, start, 5000);
  t.equal(workingMinutesBetween(nationalDay2025, start, end), 5000, 'the two agree');
  t.end();
});
