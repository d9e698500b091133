import { useState } from 'preact/hooks';
import { ApiError } from '../shared/api.js';
import { languages, promptName, synthesise } from './model.js';
import { p, pk } from './text.js';

type Language = (typeof languages)[number];

/**
 * A new prompt is its name and the words in each language it is needed in, synthesised one
 * language after another. A language the service refuses keeps its words and shows why; the
 * ones made are kept (a second try sends only the rest), and the prompt opens once every one is made.
 */
export function NewPrompt(props: { taken: (name: string) => boolean; onCancel: () => void; onCreated: (name: string) => Promise<void> }) {
  const [made, setMade] = useState<{ name: string; languages: Language[] }>({ name: '', languages: [] });
  const [name, setName] = useState('');
  const [texts, setTexts] = useState<Record<Language, string>>({ zh: '', en: '' });
  const [nameError, setNameError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Language, string>>>({});
  const [busy, setBusy] = useState(false);

  const create = async (e: Event) => {
    e.preventDefault();
    setErrors({});
    const ours = made.name === name;
    const wanted = languages.filter((l) => texts[l].trim() && !(ours && made.languages.includes(l)));
    const problem = !promptName.test(name) ? p('badName') : props.taken(name) && !ours ? p('nameTaken') : !wanted.length && !ours ? p('needText') : null;
    setNameError(problem);
    if (problem) return;
    setBusy(true);
    const failed: Partial<Record<Language, string>> = {};
    const done = ours ? [...made.languages] : [];
    for (const language of wanted) {
      try {
        await synthesise(name, language, texts[language].trim());
        done.push(language);
      } catch (err) {
        failed[language] = `${p('failed')}${err instanceof ApiError ? err.message : String(err)}`;
      }
    }
    setBusy(false);
    setErrors(failed);
    setMade({ name, languages: done });
    if (!Object.keys(failed).length) await props.onCreated(name);
  };

  return (
    <form class="new-prompt" onSubmit={create} data-testid="new-prompt">
      <h2>{p('newPrompt')}</h2>
      <label>
        {p('name')}
        <input name="name" value={name} placeholder="holiday-notice" autoComplete="off" onInput={(e) => setName(e.currentTarget.value.trim())} />
        <span class="muted small">{p('nameHint')}</span>
      </label>
      {nameError && (
        <p class="error" data-testid="name-error">
          {nameError}
        </p>
      )}
      {languages.map((language) => (
        <div key={language}>
          <label>
            {pk('language', language)} · {p('text')}
            <textarea name={`text-${language}`} rows={3} maxLength={1000} value={texts[language]} onInput={(e) => setTexts({ ...texts, [language]: e.currentTarget.value })} />
          </label>
          {errors[language] && (
            <p class="error" data-testid={`error-${language}`}>
              {errors[language]}
            </p>
          )}
        </div>
      ))}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? p('creating') : p('create')}
        </button>
        <button type="button" disabled={busy} onClick={props.onCancel}>
          {p('cancel')}
        </button>
        {busy && (
          <span class="progress" role="progressbar" aria-busy="true">
            {p('synthesising')}
          </span>
        )}
      </div>
    </form>
  );
}
