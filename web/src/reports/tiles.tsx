import type { Column } from './model.js';

/** The headline figures, each with its definition on hover. */
export function Tiles<F>({ figures, columns, testid }: { figures: F; columns: Column<F>[]; testid: string }) {
  return (
    <div class="tiles" data-testid={testid}>
      {columns.map((c) => (
        <div class="tile" title={c.def} data-testid="tile" data-name={c.en}>
          <span class="tile-name">
            {c.zh} <small>{c.en}</small>
          </span>
          <strong class="tile-value">{c.value(figures)}</strong>
        </div>
      ))}
    </div>
  );
}

/** The definitions written out, for the printed sheet where nothing hovers. */
export function Legend({ columns }: { columns: Pick<Column<unknown>, 'zh' | 'def'>[] }) {
  return (
    <dl class="definitions">
      {columns.map((c) => (
        <>
          <dt>{c.zh}</dt>
          <dd>{c.def}</dd>
        </>
      ))}
    </dl>
  );
}
