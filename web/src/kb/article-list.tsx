import { label, t, tk } from '../shared/i18n.js';
import type { ArticleHit, Catalogue } from '../shared/types.js';

/** The hits as the search returns them: its HTML escapes the text and adds only <mark>. */
export function ArticleList({ hits, catalogue, openId, onPick }: { hits: ArticleHit[]; catalogue: Catalogue | null; openId: number | null; onPick: (id: number) => void }) {
  if (hits.length === 0) return <p class="muted">{t('noArticles')}</p>;
  return (
    <table class="kb-table">
      <thead>
        <tr>
          <th>{t('title')}</th>
          <th>{t('category')}</th>
          <th>{t('unit')}</th>
          <th>{t('kb.validRange')}</th>
          <th>{t('kb.validity')}</th>
        </tr>
      </thead>
      <tbody>
        {hits.map((hit) => (
          <tr key={hit.id} data-testid="kb-row" class={hit.id === openId ? 'open' : ''} onClick={() => onPick(hit.id)}>
            <td class="wide">
              <button type="button" class="link title" dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              <div class="snippet muted" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            </td>
            <td>{label(catalogue?.categories.find((c) => c.code === hit.category), hit.category)}</td>
            <td>{hit.unit ?? '—'}</td>
            <td class="dates">{`${hit.validFrom} ~ ${hit.validTo ?? t('kb.forever')}`}</td>
            <td>
              <span class={`badge validity-${hit.validity}`}>{tk('kbValidity', hit.validity)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
