import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { Header } from '../shared/header.js';
import { t } from '../shared/i18n.js';
import type { SessionUser } from '../shared/session.js';
import type { Article, ArticleHit, Catalogue } from '../shared/types.js';
import { ArticleList } from './article-list.js';
import { Editor } from './editor.js';
import { FilterBar } from './filter-bar.js';
import { Preview } from './preview.js';
import { draftOf, listUrl, type Filters } from './model.js';

const LIMIT = 100;

/**
 * 知识库维护: the articles as the agents' search finds them, filtered by category, unit and
 * state; supervisors and admins open one to edit, retire or restore it, or write a new one,
 * and see beside the form how it will look on the agent's desktop. Agents read only.
 */
export function KbPage({ user }: { user: SessionUser }) {
  const editor = user.role === 'admin' || user.role === 'supervisor';
  const [filters, setFilters] = useState<Filters>({ q: '', category: '', unit: '', validity: editor ? 'all' : 'current' });
  const [hits, setHits] = useState<ArticleHit[]>([]);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  // The filter offers the units articles name; the editor also suggests the handling units' names.
  const [usedUnits, setUsedUnits] = useState<string[]>([]);
  const [units, setUnits] = useState<string[]>([]);
  // null: nothing open; 'new': a blank form; else the article open.
  const [open, setOpen] = useState<Article | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A new editor for each article picked (or each new one begun), the same one across its saves, so its notice stays.
  const [session, setSession] = useState(0);

  const loadUnits = async () => {
    const used = await api<Array<{ unit: string }>>('GET', '/api/kb/units');
    setUsedUnits(used.map((u) => u.unit));
    // So an article names its unit as the tickets do.
    const handling = editor ? await api<Array<{ name: string; active: boolean }>>('GET', '/api/units').catch(() => []) : [];
    setUnits([...new Set([...used.map((u) => u.unit), ...handling.filter((u) => u.active).map((u) => u.name)])].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  };
  const load = async (f = filters) => {
    setError(null);
    try {
      setHits(await api<ArticleHit[]>('GET', listUrl(f, LIMIT)));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  useEffect(() => {
    void api<Catalogue>('GET', '/api/tickets/catalogue').then(setCatalogue);
    void loadUnits();
    void load();
  }, []);

  const change = (f: Filters) => {
    setFilters(f);
    void load(f);
  };
  const pick = async (id: number) => {
    setOpen(await api<Article>('GET', `/api/kb/${id}`));
    setSession((n) => n + 1);
  };
  const begin = () => {
    setOpen('new');
    setSession((n) => n + 1);
  };
  const saved = (article: Article) => {
    setOpen(article);
    void load();
    void loadUnits();
  };

  return (
    <div class="desk">
      <Header user={user} />
      <div class="kb">
        <section class="card kb-list">
          <h2>
            {editor ? t('kb.title') : t('knowledge')}
            <small class="muted">{`${hits.length}${hits.length >= LIMIT ? '+' : ''} ${t('kb.items')}`}</small>
            <span class="spacer" />
            {editor && (
              <button type="button" class="primary" onClick={begin}>
                {`＋ ${t('kb.new')}`}
              </button>
            )}
          </h2>
          <FilterBar filters={filters} catalogue={catalogue} units={usedUnits} onChange={change} />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <ArticleList hits={hits} catalogue={catalogue} openId={open && open !== 'new' ? open.id : null} onPick={(id) => void pick(id)} />
          {hits.length >= LIMIT && <p class="muted">{t('kb.more')}</p>}
        </section>
        <section class="card kb-detail">
          {!editor && <p class="muted read-only">{t('kb.readOnly')}</p>}
          {open === null && <p class="muted">{t('kb.pick')}</p>}
          {open !== null && editor && <Editor key={session} article={open === 'new' ? null : open} catalogue={catalogue} units={units} onSaved={saved} />}
          {open !== null && open !== 'new' && !editor && <Preview heading={t('kb.viewing')} draft={draftOf(open)} catalogue={catalogue} retired={open.retiredAt !== null} />}
        </section>
      </div>
    </div>
  );
}
