import t from 'tap';
import { callColumns, toCsv } from '../../src/reports/csv.js';
import { arrange, callFigures, emptyCallCounts, ratio, ticketFigures, emptyTicketCounts } from '../../src/reports/figures.js';
import { chinaDay, parseRange } from '../../src/reports/range.js';

t.test('a range is China days, both ends included', async (t) => {
  const r = parseRange('2026-11-30', '2026-12-01');
  t.equal(r.fromMs, Date.parse('2026-11-30T00:00:00+08:00'));
  t.equal(r.toMs, Date.parse('2026-12-02T00:00:00+08:00'), 'up to midnight after the last day');
  t.same(r.days, ['2026-11-30', '2026-12-01']);
  t.equal(chinaDay(Date.parse('2026-11-30T16:00:00Z')), '2026-12-01', 'midnight in Beijing is 16:00 UTC');
  t.equal(parseRange('2024-01-01', '2024-12-31').days.length, 366);
  t.throws(() => parseRange('2024-01-01', '2025-01-01'), { statusCode: 400, message: /^to: .*367 days; a report covers at most 366/ });
  t.throws(() => parseRange('2026-11-02', '2026-11-01'), { statusCode: 400, message: 'to: 2026-11-01 is before from (2026-11-02)' });
  t.throws(() => parseRange('2026-13-01', '2026-12-01'), { statusCode: 400, message: /^from: 2026-13-01 is not a date/ });
  t.throws(() => parseRange('2026-12-01', '2026-04-31'), { statusCode: 400, message: /^to: 2026-04-31 is not a date/ });
});

t.test('rates: a fraction to 4 places, null when there is nothing to measure', async (t) => {
  t.equal(ratio(2, 3), 0.6667);
  t.equal(ratio(0, 5), 0);
  t.equal(ratio(0, 0), null);
  t.same(callFigures(emptyCallCounts), { offered: 0, answered: 0, abandoned: 0, answeredInServiceLevel: 0, answerRate: null, serviceLevel: null, averageWaitSeconds: null, averageTalkSeconds: null, surveyed: 0, surveySatisfied: 0, surveySatisfactionRate: null });
  // 3 answered of 4 offered, 2 of them within the service level; waits 4 s + 6 s + 11 s over 3, talk 100 s + 51 s over 2;
  // 2 of the 3 keyed the post-call survey, 1 of them satisfied.
  t.same(callFigures({ offered: 4, answered: 3, abandoned: 1, answeredInServiceLevel: 2, waitMs: 21_000, waits: 3, talkMs: 151_000, talks: 2, surveyed: 2, surveySatisfied: 1 }), {
    offered: 4, answered: 3, abandoned: 1, answeredInServiceLevel: 2, answerRate: 0.75, serviceLevel: 0.5, averageWaitSeconds: 7, averageTalkSeconds: 75.5,
    surveyed: 2, surveySatisfied: 1, surveySatisfactionRate: 0.5,
  });
  t.match(ticketFigures({ ...emptyTicketCounts, takenIn: 8, directAnswered: 2, completed: 7, signForDue: 5, signedForOnTime: 4, completionDue: 4, completedOnTime: 3, callbacks: 6, satisfied: 5 }), {
    directAnswerRate: 0.25, completionRate: 0.875, onTimeSignForRate: 0.8, onTimeCompletionRate: 0.75, callbackSatisfactionRate: 0.8333,
  });
});

t.test('rows: every day of the range, quiet ones as zeros; other groups by name, "none" last', async (t) => {
  const days = arrange([{ key: '2026-11-02', counts: { ...emptyCallCounts, offered: 1 } }], callFigures, emptyCallCounts, String, ['2026-11-01', '2026-11-02', '2026-11-03']);
  t.same(days.map((r) => [r.key, r.figures.offered]), [['2026-11-01', 0], ['2026-11-02', 1], ['2026-11-03', 0]]);
  const names: Record<string, string> = { a: '乙', b: '甲' };
  const groups = arrange(
    [null, 'a', 'b'].map((key) => ({ key, counts: emptyCallCounts })),
    callFigures,
    emptyCallCounts,
    (k) => (k === null ? 'none' : names[k]!),
    null,
  );
  t.same(groups.map((r) => r.label), ['甲', '乙', 'none'], 'by pinyin: jia before yi');
});

t.test('CSV: BOM, CRLF, quoted cells, percentages, empty cells for missing figures', async (t) => {
  const rows = [{ key: 'x', label: '队列 "A", 夜班', figures: callFigures({ ...emptyCallCounts, offered: 3, answered: 2, answeredInServiceLevel: 1, waitMs: 3000, waits: 2 }) }];
  const csv = toCsv('队列 queue', callColumns, rows, callFigures(emptyCallCounts));
  t.ok(csv.startsWith('\uFEFF队列 queue,呼入量 calls offered,'));
  t.same(csv.slice(1).split('\r\n').slice(1), ['"队列 ""A"", 夜班",3,2,0,66.67%,1,33.33%,1.5,,0,0,', '合计 total,0,0,0,,0,,,,0,0,', '']);
});
