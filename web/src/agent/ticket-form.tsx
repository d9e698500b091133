import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { label, t } from '../shared/i18n.js';
import type { Article, Catalogue, Label, ScreenPop, Ticket } from '../shared/types.js';
import { NoTicket } from './no-ticket.js';
import { Duplicates } from './duplicates.js';
import type { CitedArticle } from './knowledge.js';

interface Draft {
  type: string;
  category: string;
  title: string;
  content: string;
  citizenName: string;
  address: string;
}

/**
 * The ticket opened with the call: caller and channel filled in, type and category
 * preselected from the IVR path. Saved during or after the call; saving again updates it.
 */
export function TicketForm({ call, catalogue, cited, onCite }: { call: ScreenPop; catalogue: Catalogue; cited: CitedArticle | null; onCite: (article: CitedArticle | null) => void }) {
  const [draft, setDraft] = useState<Draft>({
    type: 'consult',
    category: call.category ?? 'other',
    title: '',
    content: '',
    citizenName: '',
    address: '',
  });
  const [saved, setSaved] = useState<string | null>(call.tickets[0] ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saves, setSaves] = useState(0);
  // A page reopened mid-call finds the ticket it already saved and shows it again.
  useEffect(() => {
    const number = call.tickets[0];
    if (!number) return;
    void api<Ticket>('GET', `/api/tickets/${number}`).then((t) => {
      setDraft({ type: t.type, category: t.category, title: t.title, content: t.content, citizenName: t.citizenName ?? '', address: t.address ?? '' });
      if (t.articleId !== null) void api<Article>('GET', `/api/kb/${t.articleId}`).then((a) => onCite({ id: a.id, title: a.title }));
    });
  }, [call.callId]);
  const field = (name: keyof Draft) => ({
    name,
    value: draft[name],
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
  });

  const choice = (name: 'type' | 'category', options: Label[]) => (
    <select {...field(name)}>
      {options.map((l) => (
        <option key={l.code} value={l.code}>
          {label(l)}
        </option>
      ))}
    </select>
  );

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { ...draft, citizenName: draft.citizenName || null, address: draft.address || null, articleId: cited?.id ?? null };
    try {
      const ticket = saved
        ? await api<Ticket>('PATCH', `/api/tickets/${saved}`, body)
        : await api<Ticket>('POST', '/api/tickets', { callId: call.callId, ...body });
      setSaved(ticket.number);
      setSaves((n) => n + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card ticket-form" onSubmit={save} data-testid="ticket-form">
      <h2>
        {t('ticketDraft')}
        {saved && (
          <span class="badge ok" data-testid="ticket-saved">
            {t('savedAs')} {saved}
          </span>
        )}
      </h2>
      <div class="row">
        <label>
          {t('caller')}
          <input value={call.caller} readOnly />
        </label>
        <label>
          {t('channel')}
          <input value={t('channelPhone')} readOnly />
        </label>
      </div>
      <div class="row">
        <label>
          {t('type')}
          {choice('type', catalogue.types)}
        </label>
        <label>
          {t('category')}
          {choice('category', catalogue.categories)}
        </label>
      </div>
      <label>
        {t('title')}
        <input {...field('title')} required minLength={2} maxLength={100} />
      </label>
      <label class="grow">
        {t('content')}
        <textarea {...field('content')} maxLength={5000} />
      </label>
      <div class="row">
        <label>
          <span>
            {t('citizenName')} <small>({t('optional')})</small>
          </span>
          <input {...field('citizenName')} maxLength={40} />
        </label>
        <label>
          <span>
            {t('address')} <small>({t('optional')})</small>
          </span>
          <input {...field('address')} maxLength={200} />
        </label>
      </div>
      {cited && (
        <p class="cited" data-testid="cited-article">
          {t('citedArticle')}
          {t('colon')}
          <strong>{cited.title}</strong>
          <button type="button" class="link" onClick={() => onCite(null)}>
            {t('removeCite')}
          </button>
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {saved ? t('update') : t('save')}
      </button>
      {saved && <Duplicates number={saved} version={saves} />}
      {!saved && call.answeredAt !== null && <NoTicket call={call} />}
    </form>
  );
}
