import { render } from 'preact';
import { useState } from 'preact/hooks';
import './shared/style.css';
import { api, ApiError } from './shared/api.js';
import { t, switchLang } from './shared/i18n.js';
import { homeOf, loadSession, saveSession, type SessionUser } from './shared/session.js';

function Login() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { token, user } = await api<{ token: string; user: SessionUser }>('POST', '/api/auth/login', { username, password });
      saveSession(token, user);
      location.assign(homeOf(user));
    } catch (err) {
      setError(err instanceof ApiError ? `${t('loginFailed')}: ${err.message}` : String(err));
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form onSubmit={submit} class="card">
        <h1>{t('appName')}</h1>
        <label>
          {t('username')}
          <input name="username" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
        </label>
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>
          {t('login')}
        </button>
        <button type="button" class="link" onClick={switchLang}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}

const session = loadSession();
if (session) location.replace(homeOf(session.user));
else render(<Login />, document.getElementById('root')!);
