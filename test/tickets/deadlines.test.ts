import t from 'tap';
import { defaultCalendar, type Calendar } from '../../src/calendar/model.js';
import { deadlineFlag, defaultPolicies, dueDates, flagAt, policyFor } from '../../src/tickets/deadlines.js';

/** 2026: 国庆节 1–7 October off, Saturday 10 October worked in exchange (调休). */
const nationalDay: Calendar = {
  ...defaultCalendar,
  overrides: [
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, label: '国庆节' })),
    { date: '2026-10-10', kind: 'working-day', label: '国庆调休', hours: defaultCalendar.weekly.mon },
  ],
};
const cst = (iso: string) => Date.parse(`${iso}+08:00`);

t.test('dispatched on 30 September at 15:00 with 5 working days: due 13 October at 15:00, the Saturday worked counting', async (t) => {
  const due = dueDates(nationalDay, cst('2026-09-30T15:00:00'), defaultPolicies.normal);
  t.equal(new Date(due.dueAt).toISOString(), new Date(cst('2026-10-13T15:00:00')).toISOString(), '30 Sep (2.5 h) + 8, 9, 10 (Sat), 12 Oct + 5 h of the 13th');
  t.equal(new Date(due.signForDueAt).toISOString(), new Date(cst('2026-09-30T17:00:00')).toISOString(), 'two working hours to sign for, the same afternoon');

  const late = dueDates(nationalDay, cst('2026-09-30T17:00:00'), defaultPolicies.normal);
  t.equal(new Date(late.signForDueAt).toISOString(), new Date(cst('2026-10-08T10:00:00')).toISOString(), 'dispatched at 17:00: half an hour that day, the rest after the holiday');
  const withoutExchange = dueDates({ ...nationalDay, overrides: nationalDay.overrides.slice(0, 7) }, cst('2026-09-30T15:00:00'), defaultPolicies.normal);
  t.equal(new Date(withoutExchange.dueAt).toISOString(), new Date(cst('2026-10-14T15:00:00')).toISOString(), 'without the Saturday worked it would be a day later');
});

t.test('near at 80% of the working time, overdue once the deadline passes; holidays do not use time up', async (t) => {
  const start = cst('2026-09-30T15:00:00');
  const { dueAt } = dueDates(nationalDay, start, defaultPolicies.normal);
  t.same(deadlineFlag(nationalDay, start, dueAt, cst('2026-10-07T12:00:00'), 80), { flag: 'on-time', usedPercent: 7 }, 'a week of holiday later, 150 of 2250 minutes are used');
  t.same(deadlineFlag(nationalDay, start, dueAt, cst('2026-10-13T08:30:00'), 80), { flag: 'near', usedPercent: 87 });
  t.same(deadlineFlag(nationalDay, start, dueAt, cst('2026-10-13T15:00:00'), 80), { flag: 'overdue', usedPercent: 100 });
});

t.test('an admin’s policy for a type and urgency wins over the default', async (t) => {
  const stored = [{ type: 'complaint' as const, urgency: 'normal' as const, signForMinutes: 60, completionMinutes: 900 }];
  t.same(policyFor(stored, 'complaint', 'normal'), { signForMinutes: 60, completionMinutes: 900 });
  t.same(policyFor(stored, 'consult', 'normal'), defaultPolicies.normal);
  t.same(policyFor(stored, 'complaint', 'urgent'), defaultPolicies.urgent);
});

t.test('the flag time (what the overdue list reads from an index) is never after the minute a deadline shows as near, and only minutes before', async (t) => {
  const MINUTE = 60_000;
  for (const [dispatchedAt, urgency] of [[cst('2026-09-30T15:00:00'), 'normal'], [cst('2026-11-24T11:50:00'), 'urgent'], [cst('2026-11-27T17:10:00'), 'critical']] as const) {
    const due = dueDates(nationalDay, dispatchedAt, defaultPolicies[urgency]);
    for (const nearPercent of [1, 50, 80, 99]) {
      for (const status of ['dispatched', 'handling'] as const) {
        const at = flagAt(nationalDay, { status, dispatchedAt, ...due }, nearPercent)!;
        const deadlines = status === 'dispatched' ? [due.signForDueAt, due.dueAt] : [due.dueAt];
        const shows = (now: number) => deadlines.some((d) => deadlineFlag(nationalDay, dispatchedAt, d, now, nearPercent).flag !== 'on-time');
        let first = dispatchedAt;
        while (!shows(first)) first += MINUTE;
        t.ok(at <= first && first - at <= 5 * MINUTE, `${urgency}, ${status}, near at ${nearPercent}%: flag ${new Date(at).toISOString()}, first shown ${new Date(first).toISOString()}`);
      }
    }
  }
  t.equal(flagAt(nationalDay, { status: 'replied', dispatchedAt: cst('2026-09-30T15:00:00'), signForDueAt: 0, dueAt: 0 }, 80), null, 'a replied part is off the list');
});
