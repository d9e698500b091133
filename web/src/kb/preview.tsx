import { label, t, tk } from '../shared/i18n.js';
import type { Catalogue } from '../shared/types.js';
import { snippetOf, validityOf, type Draft } from './model.js';

/**
 * The article in the agent's knowledge panel, with the panel's own markup and styles: first as
 * a search result (title, category, the start of the body), then opened. Text, never HTML.
 */
export function Preview({ draft, catalogue, retired, heading = t('kb.preview') }: { draft: Draft; catalogue: Catalogue | null; retired: boolean; heading?: string }) {
  const validity = validityOf(draft, retired);
  const category = label(catalogue?.categories.find((c) => c.code === draft.category), draft.category);
  return (
    <div class="kb-preview knowledge" data-testid="kb-preview">
      <h3>
        {heading}
        {validity !== 'current' && <span class={`badge validity-${validity}`}>{`${tk('kbValidity', validity)} · ${t('kb.hidden')}`}</span>}
      </h3>
      <ul class="articles">
        <li>
          <div class="article-head">
            <span class="title">{draft.title || '—'}</span>
            <span class="muted">{category}</span>
            <button type="button" class="cite" disabled>
              {t('cite')}
            </button>
          </div>
          <p class="snippet">{snippetOf(draft.body)}</p>
        </li>
        <li>
          <div class="article-head">
            <span class="title">{draft.title || '—'}</span>
            <span class="muted">{t('kb.previewOpen')}</span>
          </div>
          <div class="article-body">
            <p>{draft.body}</p>
            <p class="muted article-meta">
              {draft.unit && <span>{`${t('unit')}${t('colon')}${draft.unit}`}</span>}
              {draft.validTo && <span>{`${t('validUntil')} ${draft.validTo}`}</span>}
            </p>
          </div>
        </li>
      </ul>
    </div>
  );
}
