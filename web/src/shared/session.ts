/** The login token, kept per browser tab so two agents can share a machine between shifts. */
export interface SessionUser {
  id: number;
  username: string;
  role: 'admin' | 'supervisor' | 'agent' | 'unit';
  agentId: number | null;
  /** The handling unit a unit user works for. */
  unitId?: number | null;
}

const KEY = 'hotline.session';

export function saveSession(token: string, user: SessionUser): void {
  sessionStorage.setItem(KEY, JSON.stringify({ token, user }));
}

export function loadSession(): { token: string; user: SessionUser } | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as { token: string; user: SessionUser }) : null;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** The page a role works in: a handling unit's users work from their inbox on the tickets page. */
export function homeOf(user: SessionUser): string {
  return user.role === 'agent' ? '/agent.html' : user.role === 'unit' ? '/tickets.html' : '/supervisor.html';
}

/** For pages behind the login: the session, or off to the login page. */
export function requireSession(): { token: string; user: SessionUser } {
  const session = loadSession();
  if (!session) {
    location.replace('/');
    throw new Error('not logged in');
  }
  return session;
}
