import { arrange, callFigures, emptyCallCounts, emptyTicketCounts, sumCounts, ticketFigures, type CallFigures, type Group, type Row, type TicketFigures } from './figures.js';
import { labeller } from './labels.js';
import type { ReportRange } from './range.js';
import type { CallGrouping, ReportsRepository, TicketGrouping } from './repository.js';

// A report's rows and its total, from the repository's sums. The routes call these inside one
// snapshot, so the page's several groupings and totals are of the same moment.

export interface Report<F> {
  rows: Row<F>[];
  /** null where the groups overlap and so do not add up to the total. */
  total: F | null;
}

/** A call is on one day, in one queue, with at most one agent: the groups add up to the total. */
export function callReport(repo: ReportsRepository, range: ReportRange, by: CallGrouping, serviceLevelMs: number): { rows: Row<CallFigures>[]; total: CallFigures } {
  const groups = repo.callCounts(range, by, serviceLevelMs);
  const names = by === 'day' ? new Map<string, string>() : repo.names(by, groups.map((g) => g.key));
  return {
    rows: arrange(groups, callFigures, emptyCallCounts, labeller(by, names), by === 'day' ? range.days : null),
    total: callFigures(sumCounts(groups, emptyCallCounts)),
  };
}

/** By unit a ticket counts for each unit it went to, so only the other groupings add up to the total. */
export function ticketReport(repo: ReportsRepository, range: ReportRange, by: TicketGrouping, now: number): Report<TicketFigures> {
  const groups = repo.ticketCounts(range, by, now);
  const names = by === 'unit' ? repo.names('unit', groups.map((g) => g.key)) : new Map<string, string>();
  return {
    rows: arrange(groups, ticketFigures, emptyTicketCounts, labeller(by, names), by === 'day' ? range.days : null),
    total: by === 'unit' ? null : ticketFigures(sumCounts(groups, emptyTicketCounts)),
  };
}

/** The tickets' total counted on its own, for when the groups overlap. */
export const ticketTotal = (repo: ReportsRepository, range: ReportRange, now: number): TicketFigures =>
  ticketFigures(repo.ticketCounts(range, null, now)[0]?.counts ?? emptyTicketCounts);
