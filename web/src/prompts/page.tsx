import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { Header } from '../shared/header.js';
import type { SessionUser } from '../shared/session.js';
import { listPrompts, type Prompt } from './model.js';
import { NewPrompt } from './new-prompt.js';
import { PromptDetail } from './prompt-detail.js';
import { PromptTable } from './prompt-table.js';
import { p } from './text.js';

const openedInUrl = () => decodeURIComponent(location.hash.slice(1)) || null;

/**
 * The IVR's prompts for the hotline manager: the list on the left, the open prompt on the right
 * (its address is #name, so a link from the menu editor can open one). Supervisors only listen.
 */
export function PromptsPage({ user }: { user: SessionUser }) {
  const admin = user.role === 'admin';
  const [prompts, setPrompts] = useState<Prompt[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<string | null>(openedInUrl());
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [users, setUsers] = useState(new Map([[user.id, user.username]]));

  const reload = async (): Promise<Prompt[] | null> => {
    try {
      const list = await listPrompts();
      setPrompts(list);
      setLoadError(null);
      return list;
    } catch (err) {
      setLoadError(err instanceof ApiError ? err.message : String(err));
      return null;
    }
  };
  useEffect(() => {
    void reload();
    const onHash = () => setOpened(openedInUrl());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    // Only admins may list users; a supervisor sees who made a version as "#id" unless it was them.
    if (admin) {
      api<Array<{ id: number; username: string }>>('GET', '/api/auth/users')
        .then((list) => setUsers(new Map(list.map((u) => [u.id, u.username]))))
        .catch(() => undefined);
    }
  }, [admin]);

  const open = (name: string | null) => {
    setCreating(false);
    setNotice(null);
    history.replaceState(null, '', name ? `#${encodeURIComponent(name)}` : location.pathname);
    setOpened(name);
  };
  const needle = query.trim().toLowerCase();
  const shown = (prompts ?? []).filter(
    (pr) => !needle || pr.name.includes(needle) || pr.languages.some((l) => l.text?.toLowerCase().includes(needle)),
  );
  const current = prompts?.find((pr) => pr.name === opened) ?? null;

  return (
    <div class="desk">
      <Header user={user} />
      <div class="prompts-toolbar">
        <h1>{p('title')}</h1>
        <input type="search" name="search" class="search" placeholder={p('search')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <span class="muted small">{prompts && `${shown.length} / ${prompts.length}`}</span>
        <span class="spacer" />
        {admin ? (
          <button
            type="button"
            class="primary"
            onClick={() => {
              open(null);
              setCreating(true);
            }}
          >
            ＋ {p('newPrompt')}
          </button>
        ) : (
          <span class="badge hold" data-testid="read-only">
            {p('readOnly')}
          </span>
        )}
      </div>
      {(loadError || notice) && (
        <div class="banner" role="status">
          {loadError && <p class="error">{p('loadFailed')}{loadError}</p>}
          {notice && <span class="notice">{notice}</span>}
        </div>
      )}
      <div class="prompts-page">
        <section class="card">
          <PromptTable prompts={shown} opened={opened} onOpen={open} />
        </section>
        <section class="card">
          {creating ? (
            <NewPrompt
              taken={(name) => !!prompts?.some((pr) => pr.name === name)}
              onCancel={() => setCreating(false)}
              onCreated={async (name) => {
                await reload();
                open(name);
              }}
            />
          ) : current ? (
            <PromptDetail
              key={current.name}
              prompt={current}
              admin={admin}
              users={users}
              reload={reload}
              onClose={() => open(null)}
              onDeleted={async () => {
                open(null);
                setNotice(`${p('deleted')} ${current.name}`);
                await reload();
              }}
            />
          ) : (
            <p class="muted">{p('pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
