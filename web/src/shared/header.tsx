import { api } from './api.js';
import { t, switchLang } from './i18n.js';
import { clearSession, type SessionUser } from './session.js';
import type { SocketStatus } from './socket.js';

/** `status` is the live socket's; a page without a socket (the menu editor) leaves it out. */
/** Where an admin moves between the supervisor view and the menu editor. */
const pages = [
  { href: '/supervisor.html', title: 'supervisorDesk' },
  { href: '/menus.html', title: 'menuEditor' },
] as const;

export function Header(props: { title: string; user: SessionUser; status?: SocketStatus; detail?: string }) {
  const logout = async () => {
    await api('POST', '/api/auth/logout').catch(() => undefined);
    clearSession();
    location.replace('/');
  };
  return (
    <header class="top">
      <strong>{t('appName')}</strong>
      <span class="page-title">{props.title}</span>
      <span class="spacer" />
      {props.user.role === 'admin' &&
        pages
          .filter((page) => page.href !== location.pathname)
          .map((page) => (
            <a class="nav" href={page.href} key={page.href}>
              {t(page.title)}
            </a>
          ))}
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
