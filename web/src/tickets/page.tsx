import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { Header } from '../shared/header.js';
import type { SessionUser } from '../shared/session.js';
import { OverduePanel } from './overdue.js';
import { TicketDetailPanel } from './detail.js';
import { say, statusText, when } from './text.js';
import type { Ticket } from './types.js';

const numberOf = () => new URLSearchParams(location.search).get('ticket');

/**
 * 工单管理: look a ticket up by its number or the caller's number, open it, act on it; supervisors
 * also see the overdue list. The open ticket follows the address (?ticket=…), so links to it work.
 */
export function TicketsPage({ user }: { user: SessionUser }) {
  const [open, setOpen] = useState<string | null>(numberOf);
  const [found, setFound] = useState<Ticket[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const lead = user.role !== 'agent';

  useEffect(() => {
    const back = () => setOpen(numberOf());
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);

  const go = (number: string) => {
    history.pushState(null, '', `${location.pathname}?ticket=${number}`);
    setOpen(number);
  };

  const search = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const q = query.trim();
    try {
      // A ticket number is 12 digits (the CST date and a 4-digit sequence); anything else is a caller's number.
      if (/^\d{12}$/.test(q)) {
        const ticket = await api<Ticket>('GET', `/api/tickets/${q}`).catch(() => null);
        if (ticket) return setFound([ticket]);
      }
      setFound(await api<Ticket[]>('GET', `/api/tickets?caller=${encodeURIComponent(q)}&limit=50`));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <div class="desk">
      <Header user={user} />
      <div class="tickets">
        <aside class="card">
          <h2>工单查询 <span class="muted">Find</span></h2>
          <form class="lookup" onSubmit={search}>
            <input name="q" placeholder="工单编号或来电号码" value={query} onInput={(e) => setQuery(e.currentTarget.value)} required />
            <button class="primary">查询</button>
          </form>
          {error && <p class="error">{error}</p>}
          <table class="list">
            <tbody>
              {found.map((f) => (
                <tr data-testid="ticket-row" class={f.number === open ? 'open' : ''} onClick={() => go(f.number)}>
                  <td>{f.number}</td>
                  <td>{f.title}</td>
                  <td>{say(statusText, f.status)}</td>
                  <td class="muted">{when(f.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {lead && <OverduePanel onOpen={go} />}
        </aside>
        <main class="card">{open ? <TicketDetailPanel key={open} number={open} user={user} onOpen={go} /> : <p class="muted">选择一张工单 · Pick a ticket</p>}</main>
      </div>
    </div>
  );
}
