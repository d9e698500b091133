import type { CallFigures, Row, TicketFigures } from './figures.js';

/** Excel reads a CSV without a byte-order mark as the local ANSI code page and garbles Chinese. */
export const BOM = '\uFEFF';

export interface Column<F> {
  /** Chinese and English, so the sheet reads for the director and for the code's users alike. */
  title: string;
  value: (figures: F) => number | null;
  kind: 'count' | 'rate' | 'seconds';
}

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A rate as Excel shows a percentage (80.00%); a missing figure (nothing to measure) as an empty cell. */
function format(value: number | null, kind: Column<unknown>['kind']): string {
  if (value === null) return '';
  if (kind === 'rate') return `${(value * 100).toFixed(2)}%`;
  if (kind === 'seconds') return value.toFixed(1);
  return String(value);
}

/** The report as CSV: a header row, a row per group, the total last; CRLF lines and a BOM for Excel. */
export function toCsv<F>(groupTitle: string, columns: Column<F>[], rows: Row<F>[], total: F): string {
  const line = (label: string, figures: F) => [cell(label), ...columns.map((c) => format(c.value(figures), c.kind))].join(',');
  const lines = [[groupTitle, ...columns.map((c) => c.title)].map(cell).join(','), ...rows.map((r) => line(r.label, r.figures)), line('合计 total', total)];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export const callColumns: Column<CallFigures>[] = [
  { title: '呼入量 calls offered', value: (f) => f.offered, kind: 'count' },
  { title: '接通量 answered', value: (f) => f.answered, kind: 'count' },
  { title: '放弃量 abandoned', value: (f) => f.abandoned, kind: 'count' },
  { title: '接通率 answer rate', value: (f) => f.answerRate, kind: 'rate' },
  { title: '服务水平内接通量 answered within service level', value: (f) => f.answeredInServiceLevel, kind: 'count' },
  { title: '服务水平 service level', value: (f) => f.serviceLevel, kind: 'rate' },
  { title: '平均等待时长(秒) average wait (s)', value: (f) => f.averageWaitSeconds, kind: 'seconds' },
  { title: '平均通话时长(秒) average talk time (s)', value: (f) => f.averageTalkSeconds, kind: 'seconds' },
  { title: '参评量 surveyed', value: (f) => f.surveyed, kind: 'count' },
  { title: '满意量 satisfied', value: (f) => f.surveySatisfied, kind: 'count' },
  { title: '满意度 post-call satisfaction', value: (f) => f.surveySatisfactionRate, kind: 'rate' },
];

export const ticketColumns: Column<TicketFigures>[] = [
  { title: '受理量 tickets taken in', value: (f) => f.takenIn, kind: 'count' },
  { title: '直接答复量 direct answers', value: (f) => f.directAnswered, kind: 'count' },
  { title: '直接答复率 direct-answer rate', value: (f) => f.directAnswerRate, kind: 'rate' },
  { title: '应签收 parts due for sign-for', value: (f) => f.signForDue, kind: 'count' },
  { title: '按时签收 signed for on time', value: (f) => f.signedForOnTime, kind: 'count' },
  { title: '签收及时率 on-time sign-for rate', value: (f) => f.onTimeSignForRate, kind: 'rate' },
  { title: '应办结 parts due for completion', value: (f) => f.completionDue, kind: 'count' },
  { title: '按时办结 completed on time', value: (f) => f.completedOnTime, kind: 'count' },
  { title: '按时办结率 on-time completion rate', value: (f) => f.onTimeCompletionRate, kind: 'rate' },
  { title: '办结量 completed', value: (f) => f.completed, kind: 'count' },
  { title: '办结率 completion rate', value: (f) => f.completionRate, kind: 'rate' },
  { title: '回访量 callbacks', value: (f) => f.callbacks, kind: 'count' },
  { title: '满意量 satisfied', value: (f) => f.satisfied, kind: 'count' },
  { title: '回访满意率 callback satisfaction rate', value: (f) => f.callbackSatisfactionRate, kind: 'rate' },
];

/** The first column's title, by what the rows are. */
export const groupTitles: Record<string, string> = {
  day: '日期 day',
  queue: '队列 queue',
  agent: '坐席 agent',
  channel: '渠道 channel',
  type: '类型 type',
  category: '分类 category',
  unit: '承办单位 handling unit',
};
