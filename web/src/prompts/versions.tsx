import { useState } from 'preact/hooks';
import { ApiError } from '../shared/api.js';
import { dateTime } from '../shared/time.js';
import { audioUrl, seconds, type PromptVersion } from './model.js';
import { p, pk } from './text.js';

/** Every version of one language, newest first, each playable; admins restore an old one as a new version. */
export function Versions(props: {
  name: string;
  language: string;
  versions: PromptVersion[];
  current: number | null;
  admin: boolean;
  users: Map<number, string>;
  onRestore: (version: number) => Promise<void>;
}) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<{ version: number; message: string } | null>(null);
  const who = (id: number | null) => (id == null ? p('system') : (props.users.get(id) ?? `${p('user')} #${id}`));
  const restore = async (version: number) => {
    setBusy(version);
    setError(null);
    try {
      await props.onRestore(version);
    } catch (err) {
      setError({ version, message: `${p('failed')}${err instanceof ApiError ? err.message : String(err)}` });
    } finally {
      setBusy(null);
    }
  };
  const newestFirst = [...props.versions].sort((a, b) => b.version - a.version);
  return (
    <details class="versions" open>
      <summary>
        {p('history')} ({props.versions.length})
      </summary>
      <ol>
        {newestFirst.map((v) => (
          <li key={v.version} data-version={v.version} class={v.version === props.current ? 'current' : undefined}>
            <div class="what">
              <div class="meta small">
                <strong>v{v.version}</strong>
                {v.version === props.current && <span class="badge ok">{p('current')}</span>}
                <span>{who(v.createdBy)}</span>
                <span class="muted">{dateTime(v.createdAt)}</span>
                <span>{pk('source', v.source)}</span>
                {v.restoredFrom != null && (
                  <span class="muted">
                    {p('restoredFrom')} v{v.restoredFrom}
                  </span>
                )}
                <span class="muted">{seconds(v.durationMs)}</span>
              </div>
              <div class="words">{v.text ?? <em class="muted">{p('uploaded')}</em>}</div>
              {error?.version === v.version && <p class="error">{error.message}</p>}
            </div>
            <audio controls preload="none" src={audioUrl(props.name, props.language, v.version)} />
            {props.admin && (
              <button type="button" class="small" disabled={busy !== null || v.version === props.current} onClick={() => restore(v.version)}>
                {p('restore')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
