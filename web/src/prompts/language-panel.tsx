import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../shared/api.js';
import { audioUrl, listVersions, restore, seconds, synthesise, uploadAudio, type PromptLanguageView, type PromptVersion } from './model.js';
import { p, pk } from './text.js';
import { Versions } from './versions.js';

type Busy = 'synthesise' | 'upload' | null;
const says = (err: unknown) => `${p('failed')}${err instanceof ApiError ? err.message : String(err)}`;

/**
 * One language of a prompt: the current version to play; for admins, new words to synthesise or a
 * file to upload (each with its progress and its refusal beside it); then every version, to play or restore.
 */
export function LanguagePanel(props: {
  name: string;
  language: string;
  current: PromptLanguageView | null;
  admin: boolean;
  users: Map<number, string>;
  onChanged: () => Promise<unknown>;
}) {
  const { name, language, current } = props;
  const [versions, setVersions] = useState<PromptVersion[] | null>(null);
  const [versionsError, setVersionsError] = useState<string | null>(null);
  const [text, setText] = useState(current?.text ?? '');
  const [busy, setBusy] = useState<Busy>(null);
  const [done, setDone] = useState<string | null>(null);
  const [ttsError, setTtsError] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  // Set once this page made a version, so the new one plays by itself (a browser may still wait for a click).
  const [playNew, setPlayNew] = useState(false);

  const loadVersions = async () => {
    try {
      setVersions(await listVersions(name, language));
      setVersionsError(null);
    } catch (err) {
      // No version in this language yet is a 404, not a fault.
      if (err instanceof ApiError && err.status === 404) setVersions([]);
      else setVersionsError(says(err));
    }
  };
  useEffect(() => void loadVersions(), [name, language]);

  const made = async (version: PromptVersion, message: string) => {
    setDone(`${message}：v${version.version}`);
    setPlayNew(true);
    await Promise.all([loadVersions(), props.onChanged()]);
  };
  const run = async (kind: Exclude<Busy, null>, work: () => Promise<PromptVersion> | null, message: string, setError: (e: string | null) => void) => {
    setTtsError(null);
    setUploadError(null);
    setDone(null);
    const pending = work();
    if (!pending) return setError(p('badFile'));
    setBusy(kind);
    try {
      await made(await pending, message);
    } catch (err) {
      setError(says(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="language-panel" data-language={language}>
      <h3>{pk('language', language)}</h3>
      {current ? (
        <div class="current">
          <audio controls autoPlay={playNew} preload="metadata" src={audioUrl(name, language, current.version)} key={current.version} data-testid="current-audio" />
          <span class="small">
            {p('current')} v{current.version} · {pk('source', current.source)} · {seconds(current.durationMs)}
          </span>
        </div>
      ) : (
        <p class="muted small">{p('noLanguage')}</p>
      )}
      {!props.admin && current?.text && <p class="words">“{current.text}”</p>}
      {props.admin && (
        <div class="change">
          <label>
            {p('typeText')}
            <textarea name={`text-${language}`} rows={2} maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <div class="row wrap">
            <button
              type="button"
              class="primary"
              disabled={busy !== null || !text.trim()}
              onClick={() => run('synthesise', () => synthesise(name, language, text.trim()), p('synthesised'), setTtsError)}
            >
              {p('synthesise')}
            </button>
            <label class="file">
              <input
                type="file"
                name={`upload-${language}`}
                accept=".wav,.mp3,audio/wav,audio/mpeg"
                disabled={busy !== null}
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (file) void run('upload', () => uploadAudio(name, language, file), p('uploadedVersion'), setUploadError);
                }}
              />
              <span class="button-like">{p('upload')}</span>
            </label>
            {busy && (
              <span class="progress" role="progressbar" aria-busy="true">
                {busy === 'synthesise' ? p('synthesising') : p('uploading')}
              </span>
            )}
            {done && !busy && <span class="done">{done}</span>}
          </div>
          {ttsError && (
            <p class="error" data-testid="tts-error">
              {ttsError}
            </p>
          )}
          {uploadError && (
            <p class="error" data-testid="upload-error">
              {uploadError}
            </p>
          )}
        </div>
      )}
      {versionsError && <p class="error">{versionsError}</p>}
      {versions && versions.length > 0 && (
        <Versions
          name={name}
          language={language}
          versions={versions}
          current={current?.version ?? null}
          admin={props.admin}
          users={props.users}
          onRestore={async (version) => made(await restore(name, language, version), p('restored'))}
        />
      )}
    </section>
  );
}
