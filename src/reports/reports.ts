import { arrange, callFigures, emptyCallCounts, emptyTicketCounts, ticketFigures, type CallFigures, type Group, type Row, type TicketFigures } from './figures.js';
import { labeller } from './labels.js';
import type { ReportRange } from './range.js';
import type { CallGrouping, ReportsRepository, TicketGrouping } from './repository.js';

// A report's rows and its total, from the repository's sums. The routes call these inside one
// snapshot, so the page's several groupings and totals are of the same moment.

const totalOf = <C>(groups: Group<C>[], empty: C) => groups[0]?.counts ?? empty;

export function callRows(repo: ReportsRepository, range: ReportRange, by: CallGrouping, serviceLevelMs: number): Row<CallFigures>[] {
  const groups = repo.callCounts(range, by, serviceLevelMs);
  const names = by === 'day' ? new Map<string, string>() : repo.names(by, groups.map((g) => g.key));
  return arrange(groups, callFigures, emptyCallCounts, labeller(by, names), by === 'day' ? range.days : null);
}

export const callTotal = (repo: ReportsRepository, range: ReportRange, serviceLevelMs: number): CallFigures =>
  callFigures(totalOf(repo.callCounts(range, null, serviceLevelMs), emptyCallCounts));

export function ticketRows(repo: ReportsRepository, range: ReportRange, by: TicketGrouping, now: number): Row<TicketFigures>[] {
  const groups = repo.ticketCounts(range, by, now);
  const names = by === 'unit' ? repo.names('unit', groups.map((g) => g.key)) : new Map<string, string>();
  return arrange(groups, ticketFigures, emptyTicketCounts, labeller(by, names), by === 'day' ? range.days : null);
}

export const ticketTotal = (repo: ReportsRepository, range: ReportRange, now: number): TicketFigures =>
  ticketFigures(totalOf(repo.ticketCounts(range, null, now), emptyTicketCounts));
