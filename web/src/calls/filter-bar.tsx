import { useEffect, useState } from 'preact/hooks';
import type { CallOutcome } from '../../../src/db/schema/calls.js';
import { t, tk } from '../shared/i18n.js';
import type { Agent, QueueView } from '../shared/types.js';
import { emptyFilters, type Filters } from './query.js';
import { tc } from './i18n.js';

// A record, so a new outcome on the server fails the page's type check until it is listed here.
const outcomes = Object.keys({
  completed: 1,
  'abandoned-in-ivr': 1,
  'abandoned-in-queue': 1,
  overflowed: 1,
  'ended-in-ivr': 1,
  lost: 1,
  'callback-failed': 1,
  transferred: 1,
  'message-left': 1,
} satisfies Record<CallOutcome, 1>);

/** The filters as typed; they apply on 查询, so a half-typed number does not fire a query per key. */
export function FilterBar(props: { filters: Filters; agents: Agent[] | null; queues: QueueView[]; onApply: (f: Filters) => void }) {
  const [draft, setDraft] = useState(props.filters);
  useEffect(() => setDraft(props.filters), [props.filters]);
  const field = (key: 'from' | 'to' | 'caller' | 'agentId' | 'queue' | 'outcome') => ({
    value: draft[key],
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.target as HTMLInputElement).value }),
  });
  const submit = (e: Event) => {
    e.preventDefault();
    props.onApply({ ...draft, page: 1, call: '' });
  };
  return (
    <form class="filter-bar" onSubmit={submit} data-testid="filters">
      <label>
        {tc('dateFrom')}
        <input type="date" name="from" {...field('from')} />
      </label>
      <label>
        {tc('dateTo')}
        <input type="date" name="to" {...field('to')} />
      </label>
      <label>
        {tc('callerDigits')}
        <input name="caller" inputMode="tel" pattern="[0-9+*#]{1,32}" {...field('caller')} />
      </label>
      {props.agents && (
        <label>
          {t('agent')}
          <select name="agentId" {...field('agentId')}>
            <option value="">{tc('anyAgent')}</option>
            {props.agents.map((a) => (
              <option value={String(a.id)}>{a.name}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('queue')}
        <select name="queue" {...field('queue')}>
          <option value="">{tc('anyQueue')}</option>
          {props.queues.map((q) => (
            <option value={q.name}>{q.title}</option>
          ))}
        </select>
      </label>
      <label>
        {tc('outcome')}
        <select name="outcome" {...field('outcome')}>
          <option value="">{tc('anyOutcome')}</option>
          {outcomes.map((o) => (
            <option value={o}>{tk('outcome', o)}</option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" name="undisposed" checked={draft.undisposed} onChange={(e) => setDraft({ ...draft, undisposed: (e.target as HTMLInputElement).checked })} />
        {tc('undisposedOnly')}
      </label>
      <div class="buttons">
        <button type="submit" class="primary">
          {tc('search')}
        </button>
        <button type="button" onClick={() => props.onApply(emptyFilters)}>
          {tc('reset')}
        </button>
      </div>
    </form>
  );
}
