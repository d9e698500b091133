import { api } from './api.js';
import { t, switchLang } from './i18n.js';
import { clearSession, homeOf, type SessionUser } from './session.js';
import type { SocketStatus } from './socket.js';

/**
 * Every hotline role may open the call log (agents see their own calls there), the tickets and
 * the knowledge base (agents read it, supervisors and admins keep it); supervisors and admins
 * read the reports; only admins edit the IVR menu, its prompts and the working calendars. A
 * handling unit's users have only their tickets.
 */
const pagesOf = (user: SessionUser) => user.role === 'unit' ? [{ href: '/tickets.html', label: t('tickets') }] : [
  { href: homeOf(user), label: t(user.role === 'agent' ? 'agentDesk' : 'supervisorDesk') },
  { href: '/calls.html', label: t('callLog') },
  { href: '/tickets.html', label: t('tickets') },
  { href: '/kb.html', label: t('knowledge') },
  ...(user.role === 'agent' ? [] : [{ href: '/reports.html', label: t('reports') }]),
  ...(user.role === 'admin'
    ? [
        { href: '/menus.html', label: t('menuEditor') },
        { href: '/prompts.html', label: t('prompts') },
        { href: '/calendars.html', label: t('calendars') },
      ]
    : []),
];

/** The current page is the highlighted link. `status` is the live socket's; a page without one (the call log, the menu editor) leaves it out. */
export function Header(props: { user: SessionUser; status?: SocketStatus; detail?: string }) {
  const logout = async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    clearSession();
    location.replace('/');
  };
  return (
    <header class="top">
      <strong>{t('appName')}</strong>
      <nav>
        {pagesOf(props.user).map((p) => (
          <a href={p.href} aria-current={location.pathname === p.href ? 'page' : undefined}>
            {p.label}
          </a>
        ))}
      </nav>
      <span class="spacer" />
      {props.status && (
        <span class={`link-status ${props.status}`} data-testid="link-status">
          {props.status === 'open' ? t('connected') : t('reconnecting')}
        </span>
      )}
      <span>
        {props.user.username}
        {props.detail ? ` · ${props.detail}` : ''}
      </span>
      <button type="button" class="link" onClick={switchLang}>
        {t('language')}
      </button>
      <button type="button" class="link" onClick={logout}>
        {t('logout')}
      </button>
    </header>
  );
}
