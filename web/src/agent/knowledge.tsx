import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { label, t } from '../shared/i18n.js';
import type { Article, ArticleHit, Catalogue } from '../shared/types.js';

export interface CitedArticle {
  id: number;
  title: string;
}

/**
 * 知识库: the articles the caller's menu choices suggest, and a search box for the agent's own
 * words. An article opens in place; citing it puts it on the ticket as the answer given.
 * The hits' HTML comes from the service, which escapes the text and adds only <mark>.
 */
export function Knowledge({ suggested, catalogue, cited, onCite }: { suggested: ArticleHit[]; catalogue: Catalogue | null; cited: number | null; onCite: (article: CitedArticle) => void }) {
  const [q, setQ] = useState('');
  // The hits keep the words they were found for: the box may already hold the next search.
  const [found, setFound] = useState<{ q: string; hits: ArticleHit[] } | null>(null);
  const [open, setOpen] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const words = q.trim();
    if (!words) return setFound(null);
    try {
      setFound({ q: words, hits: await api<ArticleHit[]>('GET', `/api/kb?q=${encodeURIComponent(words)}&limit=10`) });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const toggle = async (id: number) => setOpen(open?.id === id ? null : await api<Article>('GET', `/api/kb/${id}`));
  const hits = found?.hits ?? suggested;

  return (
    <section class="card knowledge" data-testid="knowledge">
      <h2>{t('knowledge')}</h2>
      <form class="kb-search" onSubmit={search} role="search">
        <input type="search" name="kb-q" value={q} aria-label={t('kbSearch')} placeholder={t('kbSearchHint')} maxLength={100} onInput={(e) => setQ(e.currentTarget.value)} />
        <button type="submit">{t('search')}</button>
      </form>
      <h3>{found ? `${t('resultsFor')}${found.q}` : t('suggested')}</h3>
      {hits.length === 0 && <p class="muted">{found ? t('noArticles') : t('none')}</p>}
      <ul class="articles">
        {hits.map((hit) => (
          <li key={hit.id} data-testid={found ? 'kb-hit' : 'kb-suggested'}>
            <div class="article-head">
              <button type="button" class="link title" onClick={() => void toggle(hit.id)} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              <span class="muted">{label(catalogue?.categories.find((c) => c.code === hit.category), hit.category)}</span>
              {cited === hit.id ? (
                <span class="badge ok">{t('cited')}</span>
              ) : (
                <button type="button" class="cite" onClick={() => onCite({ id: hit.id, title: hit.title })}>
                  {t('cite')}
                </button>
              )}
            </div>
            {open?.id === hit.id ? (
              <div class="article-body" data-testid="kb-article">
                <p>{open.body}</p>
                <p class="muted article-meta">
                  {open.unit && <span>{`${t('unit')}${t('colon')}${open.unit}`}</span>}
                  {open.validTo && <span>{`${t('validUntil')} ${open.validTo}`}</span>}
                </p>
              </div>
            ) : (
              <p class="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
