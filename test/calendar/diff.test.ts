import t from 'tap';
import { defaultCalendar, type Calendar } from '../../src/calendar/model.js';
import { summarizeCalendarChange } from '../../src/calendar/diff.js';

const withOverrides = (overrides: Calendar['overrides']): Calendar => ({ ...defaultCalendar, overrides });

t.test('a new calendar is "created"; the same calendar again is "no change"', async (t) => {
  t.equal(summarizeCalendarChange(null, defaultCalendar), 'created');
  t.equal(summarizeCalendarChange(defaultCalendar, structuredClone(defaultCalendar)), 'no change');
});

t.test('a relabelled holiday and a Saturday turned into a working day are "changed"', async (t) => {
  const before = withOverrides([{ date: '2026-10-01', kind: 'holiday', label: '国庆' }, { date: '2026-10-10', kind: 'holiday' }]);
  const after = withOverrides([
    { date: '2026-10-01', kind: 'holiday', label: '国庆节' },
    { date: '2026-10-10', kind: 'working-day', hours: [{ from: '08:30', to: '17:30' }] },
  ]);
  t.equal(summarizeCalendarChange(before, after), 'changed 2026-10-01, 2026-10-10');
});

t.test('weekday hours are named by day, in calendar order', async (t) => {
  const after: Calendar = { ...defaultCalendar, weekly: { ...defaultCalendar.weekly, sat: [{ from: '09:00', to: '12:00' }], mon: [] } };
  t.equal(summarizeCalendarChange(defaultCalendar, after), 'hours of mon, sat');
});
