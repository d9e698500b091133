import { useEffect, useState } from 'preact/hooks';
import { emptyFilters, type Filters } from './query.js';
import { channelText, statusText } from './text.js';
import type { Catalogue, Unit } from './types.js';

const ticketStatuses = ['intake', 'dispatched', 'handling', 'replied', 'completed', 'closed', 'returned', 'reopened', 'merged'];

/** The filters as typed; they apply on 查询 (or Enter), so a half-typed number does not fire a query per key. */
export function FilterBar(props: { filters: Filters; units: Unit[]; catalogue: Catalogue | null; ownUnit: boolean; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(props.filters);
  useEffect(() => setDraft(props.filters), [props.filters]);
  const field = (key: 'q' | 'status' | 'unit' | 'type' | 'category' | 'channel' | 'deadline' | 'from' | 'to') => ({
    name: key,
    value: draft[key],
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).value }),
  });
  const submit = (e: Event) => {
    e.preventDefault();
    props.onApply({ ...draft, page: 1, ticket: '' });
  };
  return (
    <form class="filter-bar ticket-filters" onSubmit={submit} data-testid="filters">
      <label class="q">
        工单号 / 来电号码 / 标题
        <input type="search" placeholder="如 202611240007 或 5678" {...field('q')} />
      </label>
      <label>
        状态
        <select {...field('status')}>
          <option value="">全部</option>
          {ticketStatuses.map((s) => (
            <option value={s}>{statusText[s]}</option>
          ))}
        </select>
      </label>
      <label class="unit">
        承办单位
        <select {...field('unit')}>
          <option value="">全部</option>
          {props.units.map((u) => (
            <option value={String(u.id)}>{'\u3000'.repeat(u.path.length - 1) + u.name}</option>
          ))}
        </select>
      </label>
      <label>
        类型
        <select {...field('type')}>
          <option value="">全部</option>
          {props.catalogue?.types.map((t) => <option value={t.code}>{t.zh}</option>)}
        </select>
      </label>
      <label>
        分类
        <select {...field('category')}>
          <option value="">全部</option>
          {props.catalogue?.categories.map((c) => <option value={c.code}>{c.zh}</option>)}
        </select>
      </label>
      <label class="narrow">
        渠道
        <select {...field('channel')}>
          <option value="">全部</option>
          {Object.entries(channelText).map(([v, l]) => (
            <option value={v}>{l}</option>
          ))}
        </select>
      </label>
      <label class="narrow">
        期限
        <select {...field('deadline')}>
          <option value="">全部</option>
          <option value="near">临期</option>
          <option value="overdue">超期</option>
        </select>
      </label>
      <label class="date">
        受理自
        <input type="date" {...field('from')} />
      </label>
      <label class="date">
        至
        <input type="date" {...field('to')} />
      </label>
      {props.ownUnit && (
        <label class="check">
          <input type="checkbox" name="own" checked={draft.own} onChange={(e) => setDraft({ ...draft, own: e.currentTarget.checked })} />
          仅本单位（不含下级）
        </label>
      )}
      <div class="buttons">
        <button type="submit" class="primary">
          查询
        </button>
        <button type="button" onClick={() => props.onApply(emptyFilters(props.filters.tab))}>
          重置
        </button>
      </div>
    </form>
  );
}
