import type { Column, Row } from './model.js';

/** A report's groups and its 合计 row; the group column is named for the grouping. */
export function FigureTable<F>({ rows, total, columns, groupTitle, testid }: { rows: Row<F>[]; total: F; columns: Column<F>[]; groupTitle: string; testid: string }) {
  return (
    <table class="figures" data-testid={testid}>
      <thead>
        <tr>
          <th>{groupTitle}</th>
          {columns.map((c) => (
            <th class="num" title={c.def}>
              {c.zh}
              <small>{c.en}</small>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length + 1} class="empty">
              该时段无数据 nothing in this range
            </td>
          </tr>
        )}
        {rows.map((r) => (
          <tr data-testid="report-row">
            <td>{r.label}</td>
            {columns.map((c) => (
              <td class="num">{c.value(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="report-total">
          <th>合计 Total</th>
          {columns.map((c) => (
            <td class="num">{c.value(total)}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
