import t from 'tap';
import { defaultCalendar } from '../../src/calendar/model.js';
import { validateCalendar } from '../../src/calendar/validate.js';

const fields = (input: unknown, name = 'default') => {
  const r = validateCalendar(name, input);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

t.test('the shipped calendar is valid', (t) => {
  t.match(validateCalendar('default', defaultCalendar), { ok: true, calendar: defaultCalendar });
  t.end();
});

t.test('each problem names its field', (t) => {
  const weekly = structuredClone(defaultCalendar.weekly) as Record<string, unknown>;
  weekly.mon = [{ from: '08:30', to: '12:00' }, { from: '11:30', to: '25:00' }, { from: '14:00', to: '13:00' }];
  weekly.funday = [];
  delete weekly.sat;
  const overrides = [
    { date: '2025-10-01', kind: 'holiday' },
    { date: '2025-10-01', kind: 'holiday' },
    { date: '2025-02-30', kind: 'holiday' },
    { date: '2025-10-11', kind: 'working-day', hours: [] },
    { date: '2025-10-12', kind: 'day-off' },
    { date: '2025-10-13', kind: 'holiday', hours: [{ from: '09:00', to: '10:00' }] },
  ];
  t.same(fields({ weekly, overrides }), [
    'weekly.funday',
    'weekly.mon[1].to',
    'weekly.mon[2].to',
    'weekly.sat',
    'overrides[1].date',
    'overrides[2].date',
    'overrides[3].hours',
    'overrides[4].kind',
    'overrides[5].hours',
  ]);
  t.end();
});

t.test('overlapping ranges, a name mismatch and missing parts', (t) => {
  const weekly = { ...defaultCalendar.weekly, tue: [{ from: '13:00', to: '15:00' }, { from: '08:00', to: '13:30' }] };
  t.same(fields({ weekly, overrides: [] }), ['weekly.tue[0]']);
  t.same(fields({ ...defaultCalendar, name: 'other' }), ['name']);
  t.same(fields({}), ['weekly', 'overrides']);
  t.same(fields(defaultCalendar, 'Bad Name'), ['name', 'name']);
  t.match(validateCalendar('default', { weekly: {}, overrides: [] }), { ok: false, errors: [{ field: 'weekly.sun', message: 'weekly.sun: must be a list of {from, to} ranges' }] });
  t.end();
});
