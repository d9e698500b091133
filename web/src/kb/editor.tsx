import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { label, t, tk } from '../shared/i18n.js';
import { dateTime } from '../shared/time.js';
import type { Article, Catalogue } from '../shared/types.js';
import { draftOf, emptyDraft, fieldOf, payloadOf, validityOf, type Draft } from './model.js';
import { Preview } from './preview.js';

/**
 * Writing an article: the service checks it (its 400 names the field, shown beside it); retiring
 * takes it out of the agents' search at once and keeps it for the tickets that cite it.
 */
export function Editor({ article, catalogue, units, onSaved }: { article: Article | null; catalogue: Catalogue | null; units: string[]; onSaved: (a: Article) => void }) {
  const [draft, setDraft] = useState<Draft>(article ? draftOf(article) : emptyDraft(catalogue?.categories[0]?.code ?? ''));
  const [error, setError] = useState<{ field: keyof Draft | null; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const retired = article?.retiredAt != null;

  const run = async (call: () => Promise<Article>, done: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await call();
      setDraft(draftOf(saved));
      setNotice(done);
      onSaved(saved);
    } catch (err) {
      const message = err instanceof ApiError ? err.message : String(err);
      setError({ field: fieldOf(message), message });
    } finally {
      setBusy(false);
    }
  };
  const save = (e: Event) => {
    e.preventDefault();
    void run(
      () => (article ? api<Article>('PUT', `/api/kb/${article.id}`, payloadOf(draft, false)) : api<Article>('POST', '/api/kb', payloadOf(draft, true))),
      article ? t('kb.saved') : t('kb.created'),
    );
  };
  const set = (field: keyof Draft) => (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [field]: e.currentTarget.value });
  const invalid = (field: keyof Draft) => (error?.field === field ? true : undefined);
  const state = validityOf(draft, retired);

  return (
    <div class="kb-editor">
      <h2>
        {article ? `${t('kb.editing')} #${article.id}` : t('kb.new')}
        <span class={`badge validity-${state}`}>{tk('kbValidity', state)}</span>
        {article && <small class="muted">{`${t('kb.updated')} ${dateTime(article.updatedAt)}`}</small>}
      </h2>
      <form onSubmit={save} noValidate>
        <label>
          {t('title')}
          <input name="title" value={draft.title} maxLength={200} aria-invalid={invalid('title')} onInput={set('title')} />
        </label>
        <div class="kb-row">
          <label>
            {t('category')}
            <select name="category" value={draft.category} aria-invalid={invalid('category')} onChange={set('category')}>
              {catalogue?.categories.map((c) => (
                <option value={c.code}>{label(c)}</option>
              ))}
            </select>
          </label>
          <label class="grow">
            {t('unit')}
            <input name="unit" list="kb-units" value={draft.unit} placeholder={t('kb.unitHint')} maxLength={100} aria-invalid={invalid('unit')} onInput={set('unit')} />
            <datalist id="kb-units">
              {units.map((u) => (
                <option value={u} />
              ))}
            </datalist>
          </label>
          <label>
            {t('kb.validFrom')}
            <input name="validFrom" type="date" value={draft.validFrom} aria-invalid={invalid('validFrom')} onInput={set('validFrom')} />
          </label>
          <label>
            {`${t('kb.validTo')}${t('kb.validToHint')}`}
            <input name="validTo" type="date" value={draft.validTo} aria-invalid={invalid('validTo')} onInput={set('validTo')} />
          </label>
        </div>
        <label>
          {t('kb.body')}
          <textarea name="body" rows={9} value={draft.body} maxLength={20000} aria-invalid={invalid('body')} onInput={set('body')} />
        </label>
        {error && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
        {notice && !error && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <div class="kb-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('kb.save')}
          </button>
          <span class="spacer" />
          {article && !retired && (
            <button type="button" class="danger" disabled={busy} onClick={() => void run(() => api<Article>('POST', `/api/kb/${article.id}/retire`), t('kb.retired'))}>
              {t('kb.retire')}
            </button>
          )}
          {article && retired && (
            <button type="button" disabled={busy} onClick={() => void run(() => api<Article>('POST', `/api/kb/${article.id}/restore`), t('kb.saved'))}>
              {t('kb.restore')}
            </button>
          )}
        </div>
      </form>
      <Preview draft={draft} catalogue={catalogue} retired={retired} />
    </div>
  );
}
