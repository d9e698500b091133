import { addCounts, arrange, callFigures, emptyCallCounts, emptyTicketCounts, sumCounts, ticketFigures, type CallFigures, type Row, type TicketCounts, type TicketFigures } from './figures.js';
import { labeller } from './labels.js';
import type { ReportRange } from './range.js';
import type { CallGrouping, ReportsRepository, TicketCell, TicketGrouping } from './repository.js';

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

/**
 * The tickets report in any grouping for one range: every grouping but the unit adds up from
 * the same cells, read once however many groupings (the report page draws four) are asked for.
 */
export function ticketReports(repo: ReportsRepository, range: ReportRange, now: number) {
  let cells: TicketCell[] | undefined;
  const cube = () => (cells ??= repo.ticketCells(range, now));
  const total = (): TicketFigures => ticketFigures(sumCounts(cube(), emptyTicketCounts));

  /** By unit a ticket counts for each unit it went to, so only the other groupings add up to the total. */
  function report(by: TicketGrouping): Report<TicketFigures> {
    if (by === 'unit') {
      const groups = repo.unitCounts(range, now);
      const names = repo.names('unit', groups.map((g) => g.key));
      return { rows: arrange(groups, ticketFigures, emptyTicketCounts, labeller(by, names), null), total: null };
    }
    const groups = new Map<string, TicketCounts>();
    for (const cell of cube()) {
      const key = cell[by];
      groups.set(key, addCounts(groups.get(key) ?? { ...emptyTicketCounts }, cell.counts));
    }
    const rows = [...groups].map(([key, counts]) => ({ key, counts }));
    return { rows: arrange(rows, ticketFigures, emptyTicketCounts, labeller(by, new Map()), by === 'day' ? range.days : null), total: total() };
  }

  return { report, total };
}
