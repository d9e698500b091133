// The hotline's figures from the counts SQLite sums (repository.ts). Every rate is a fraction
// 0–1 rounded to 4 places, or null when its denominator is 0 (nothing to measure is not 0%).
// README's report table repeats these definitions; keep the two together.

export const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

/** An average of milliseconds, in seconds to one decimal. */
const averageSeconds = (sumMs: number, count: number): number | null => (count > 0 ? Math.round(sumMs / count / 100) / 10 : null);

/**
 * What one group of calls sums to. The calls counted are those that started in the range and
 * reached a queue (enqueuedAt set); IVR-only calls, linkage transfers from the IVR and
 * outbound calls never offered to a queue are not part of these figures.
 */
export interface CallCounts {
  /** Offered (呼入量): calls that reached a queue. */
  offered: number;
  /** Answered (接通量): offered calls an agent answered (agentAnsweredAt set). */
  answered: number;
  /** Abandoned (放弃量): offered calls whose caller hung up while waiting in the queue (outcome abandoned-in-queue). Overflowed and lost calls are neither answered nor abandoned. */
  abandoned: number;
  /** Answered calls whose wait in the queue (waitMs) was at most SERVICE_LEVEL_SECONDS. */
  answeredInServiceLevel: number;
  /** Sum and count of waitMs over answered calls. */
  waitMs: number;
  waits: number;
  /** Sum and count of talkMs over answered calls that have ended (a call still talking has no talk time yet). */
  talkMs: number;
  talks: number;
  /** Calls whose citizen keyed a result in the post-call survey (calls.surveyResult set). */
  surveyed: number;
  /** Of those, satisfied or basically satisfied. */
  surveySatisfied: number;
}

export interface CallFigures {
  offered: number;
  answered: number;
  abandoned: number;
  answeredInServiceLevel: number;
  /** 接通率: answered / offered. */
  answerRate: number | null;
  /** 服务水平: answered within SERVICE_LEVEL_SECONDS / offered (abandoned calls count against it, however short their wait). */
  serviceLevel: number | null;
  /** 平均等待时长: mean waitMs of answered calls, in seconds. */
  averageWaitSeconds: number | null;
  /** 平均通话时长: mean talkMs of answered, ended calls, in seconds. */
  averageTalkSeconds: number | null;
  surveyed: number;
  surveySatisfied: number;
  /** 满意度 (post-call survey): satisfied or basically satisfied / calls with a survey result. */
  surveySatisfactionRate: number | null;
}

export function callFigures(c: CallCounts): CallFigures {
  return {
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    answeredInServiceLevel: c.answeredInServiceLevel,
    answerRate: ratio(c.answered, c.offered),
    serviceLevel: ratio(c.answeredInServiceLevel, c.offered),
    averageWaitSeconds: averageSeconds(c.waitMs, c.waits),
    averageTalkSeconds: averageSeconds(c.talkMs, c.talks),
    surveyed: c.surveyed,
    surveySatisfied: c.surveySatisfied,
    surveySatisfactionRate: ratio(c.surveySatisfied, c.surveyed),
  };
}

/**
 * What one group of tickets sums to. The tickets counted are those taken in (created) in the
 * range, except duplicates merged into another ticket, which live on in that one; each figure
 * is their state when the report runs, so last month's completion rate rises as late tickets close.
 */
export interface TicketCounts {
  /** Taken in (受理量). */
  takenIn: number;
  /** Closed by a direct answer: the ticket's latest direct-answer-or-dispatch event is a direct answer (one dispatched after a reopen no longer counts). */
  directAnswered: number;
  /** Status completed (accepted, waiting for its callback) or closed. */
  completed: number;
  /**
   * Unit parts whose sign-for is decided: signed for, or still unsigned past the sign-for
   * deadline. A part its unit returned without signing for (wrong unit) is left out, and so is
   * one still inside its deadline.
   */
  signForDue: number;
  /** Of those, signed for at or before the sign-for deadline. */
  signedForOnTime: number;
  /**
   * Unit parts whose completion is decided: replied, or still with the unit (dispatched or
   * handling) past the completion deadline (dueAt, moved by approved extensions). A part sent back
   * by the review counts by its latest reply.
   */
  completionDue: number;
  /** Of those, replied at or before the completion deadline. */
  completedOnTime: number;
  /** Callbacks (回访) recorded with a result; a ticket called back twice (after a reopen) counts twice. */
  callbacks: number;
  /** Of those, satisfied or basically satisfied. */
  satisfied: number;
}

export interface TicketFigures extends TicketCounts {
  /** 直接答复率: directAnswered / takenIn. */
  directAnswerRate: number | null;
  /** 签收及时率: signedForOnTime / signForDue. */
  onTimeSignForRate: number | null;
  /** 按时办结率: completedOnTime / completionDue. */
  onTimeCompletionRate: number | null;
  /** 办结率: completed / takenIn. */
  completionRate: number | null;
  /** 回访满意率: satisfied / callbacks. */
  callbackSatisfactionRate: number | null;
}

export function ticketFigures(c: TicketCounts): TicketFigures {
  return {
    ...c,
    directAnswerRate: ratio(c.directAnswered, c.takenIn),
    onTimeSignForRate: ratio(c.signedForOnTime, c.signForDue),
    onTimeCompletionRate: ratio(c.completedOnTime, c.completionDue),
    completionRate: ratio(c.completed, c.takenIn),
    callbackSatisfactionRate: ratio(c.satisfied, c.callbacks),
  };
}

export const emptyCallCounts: CallCounts = { offered: 0, answered: 0, abandoned: 0, answeredInServiceLevel: 0, waitMs: 0, waits: 0, talkMs: 0, talks: 0, surveyed: 0, surveySatisfied: 0 };
export const emptyTicketCounts: TicketCounts = { takenIn: 0, directAnswered: 0, completed: 0, signForDue: 0, signedForOnTime: 0, completionDue: 0, completedOnTime: 0, callbacks: 0, satisfied: 0 };

export interface Group<C> {
  /** The day, queue name, agent id, channel, type, category or unit id; null: none (calls no agent answered, tickets never dispatched). */
  key: string | null;
  counts: C;
}

/** `more` added into `into`, which is returned. */
export function addCounts<C extends object>(into: C, more: C): C {
  const sum = into as Record<string, number>;
  for (const [k, v] of Object.entries(more)) sum[k] = (sum[k] ?? 0) + (v as number);
  return into;
}

/** The groups' counts added up: the total, where every row counted falls in exactly one group. */
export const sumCounts = <C extends object>(groups: Array<{ counts: C }>, empty: C): C => groups.reduce((total, g) => addCounts(total, g.counts), { ...empty });

export interface Row<F> {
  key: string | null;
  label: string;
  figures: F;
}

/**
 * Rows in a director's order: by day every day of the range, quiet days as zeros; otherwise
 * the groups that have data, by label, with the "none" group last.
 */
export function arrange<C, F>(
  groups: Group<C>[],
  figures: (c: C) => F,
  empty: C,
  label: (key: string | null) => string,
  days: string[] | null,
): Row<F>[] {
  if (days) {
    const byDay = new Map(groups.map((g) => [g.key, g.counts]));
    return days.map((day) => ({ key: day, label: day, figures: figures(byDay.get(day) ?? empty) }));
  }
  return groups
    .map((g) => ({ key: g.key, label: label(g.key), figures: figures(g.counts) }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.label.localeCompare(b.label, 'zh-CN')));
}
