/** The report API's answers (src/reports/routes.ts) and how the page writes their numbers. */
import type { CallFigures, TicketFigures } from '../../../src/reports/figures.js';

export type { CallFigures, TicketFigures };
export type Row<F> = F & { key: string | null; label: string };
export interface Report<F> {
  by: string;
  rows: Row<F>[];
  total: F;
}
/** GET /api/reports/overview: everything the page shows, of one moment. */
export interface Overview {
  from: string;
  to: string;
  serviceLevelSeconds: number;
  asOf: number;
  calls: Report<CallFigures>;
  tickets: Report<TicketFigures>;
  callsByDay: Row<CallFigures>[];
  ticketsByChannel: Row<TicketFigures>[];
  ticketsByType: Row<TicketFigures>[];
  ticketsByUnit: Row<TicketFigures>[];
}

export const callGroupings = [
  { by: 'day', label: '按日 by day' },
  { by: 'queue', label: '按队列 by queue' },
  { by: 'agent', label: '按坐席 by agent' },
] as const;
export const ticketGroupings = [
  { by: 'day', label: '按日 by day' },
  { by: 'channel', label: '按渠道 by channel' },
  { by: 'type', label: '按类型 by type' },
  { by: 'category', label: '按分类 by category' },
  { by: 'unit', label: '按承办单位 by handling unit' },
] as const;

/** A rate without a denominator is not 0%: nothing was there to measure. */
export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
export const seconds = (s: number | null) => (s === null ? '—' : `${s.toFixed(1)} 秒`);
export const count = (n: number) => n.toLocaleString('zh-CN');

export interface Column<F> {
  zh: string;
  en: string;
  value: (f: F) => string;
  /** The figure's definition, shown on hover and in the legend. */
  def: string;
}

export const callColumns = (slSeconds: number): Column<CallFigures>[] => [
  { zh: '呼入量', en: 'Offered', value: (f) => count(f.offered), def: '进入排队的来电数 calls that reached a queue' },
  { zh: '接通量', en: 'Answered', value: (f) => count(f.answered), def: '坐席接起的来电 offered calls an agent answered' },
  { zh: '放弃量', en: 'Abandoned', value: (f) => count(f.abandoned), def: '排队中挂机的来电 callers who hung up while queued' },
  { zh: '接通率', en: 'Answer rate', value: (f) => percent(f.answerRate), def: '接通量 ÷ 呼入量 answered / offered' },
  {
    zh: `服务水平 (${slSeconds}秒)`,
    en: 'Service level',
    value: (f) => percent(f.serviceLevel),
    def: `${slSeconds} 秒内接通 ÷ 呼入量 answered within ${slSeconds} s / offered (abandoned calls count against it)`,
  },
  { zh: '平均等待', en: 'Avg wait', value: (f) => seconds(f.averageWaitSeconds), def: '已接通来电的平均排队时长 mean queue wait of answered calls' },
  { zh: '平均通话', en: 'Avg talk', value: (f) => seconds(f.averageTalkSeconds), def: '已结束通话的平均通话时长 mean talk time of answered, ended calls' },
  {
    zh: '满意度',
    en: 'Caller satisfaction',
    value: (f) => percent(f.surveySatisfactionRate),
    def: '通话后按键评价满意及基本满意 ÷ 参评来电 post-call survey: satisfied or basically satisfied / calls that keyed a result',
  },
];

export const ticketColumns: Column<TicketFigures>[] = [
  { zh: '受理量', en: 'Taken in', value: (f) => count(f.takenIn), def: '区间内受理的工单（合并的重复件不计） tickets taken in, merged duplicates excluded' },
  { zh: '直接答复率', en: 'Direct answers', value: (f) => percent(f.directAnswerRate), def: '直接答复办结的工单 ÷ 受理量 tickets answered directly / taken in' },
  {
    zh: '签收及时率',
    en: 'On-time sign-for',
    value: (f) => percent(f.onTimeSignForRate),
    def: '时限内签收 ÷ 已签收或已超时未签收 parts signed for by the deadline / parts signed for or overdue',
  },
  {
    zh: '按时办结率',
    en: 'On-time completion',
    value: (f) => percent(f.onTimeCompletionRate),
    def: '时限内答复 ÷ 已答复或已超时未答复 parts replied by the deadline / parts replied or overdue',
  },
  { zh: '办结率', en: 'Completion', value: (f) => percent(f.completionRate), def: '已办结或已归档 ÷ 受理量 tickets completed or closed / taken in' },
  {
    zh: '回访满意率',
    en: 'Callback satisfaction',
    value: (f) => percent(f.callbackSatisfactionRate),
    def: '满意及基本满意 ÷ 已回访 callbacks satisfied or basically satisfied / callbacks with a result',
  },
];
