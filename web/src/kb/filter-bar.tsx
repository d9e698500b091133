import { useState } from 'preact/hooks';
import { label, t, tk } from '../shared/i18n.js';
import type { Catalogue } from '../shared/types.js';
import { validities, type Filters } from './model.js';

/** The words go when the search is asked (as on the agent's desktop); a filter applies as soon as it is picked. */
export function FilterBar({ filters, catalogue, units, onChange }: { filters: Filters; catalogue: Catalogue | null; units: string[]; onChange: (f: Filters) => void }) {
  const [q, setQ] = useState(filters.q);
  const submit = (e: Event) => {
    e.preventDefault();
    onChange({ ...filters, q });
  };
  return (
    <form class="kb-filters" role="search" onSubmit={submit}>
      <input type="search" name="kb-q" value={q} aria-label={t('kbSearch')} placeholder={t('kbSearchHint')} maxLength={100} onInput={(e) => setQ(e.currentTarget.value)} />
      <button type="submit">{t('search')}</button>
      <select name="category" aria-label={t('category')} value={filters.category} onChange={(e) => onChange({ ...filters, q, category: e.currentTarget.value })}>
        <option value="">{t('kb.allCategories')}</option>
        {catalogue?.categories.map((c) => (
          <option value={c.code}>{label(c)}</option>
        ))}
      </select>
      <select name="unit" aria-label={t('unit')} value={filters.unit} onChange={(e) => onChange({ ...filters, q, unit: e.currentTarget.value })}>
        <option value="">{t('kb.allUnits')}</option>
        {units.map((u) => (
          <option value={u}>{u}</option>
        ))}
      </select>
      <select name="validity" aria-label={t('kb.validity')} value={filters.validity} onChange={(e) => onChange({ ...filters, q, validity: e.currentTarget.value as Filters['validity'] })}>
        {validities.map((v) => (
          <option value={v}>{tk('kbValidity', v)}</option>
        ))}
      </select>
    </form>
  );
}
