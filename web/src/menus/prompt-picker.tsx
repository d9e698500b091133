import { loadSession } from '../shared/session.js';
import { currentLang } from '../shared/i18n.js';
import type { Catalogue, Prompt } from './catalogue.js';
import { m } from './text.js';

// An <audio> element cannot send the Authorization header: the token goes in the query, as for recordings.
const audioUrl = (name: string, language: string) =>
  `/api/prompts/${encodeURIComponent(name)}/${encodeURIComponent(language)}/audio?token=${encodeURIComponent(loadSession()?.token ?? '')}`;

/** The recording an admin hears first: the page's language when the prompt has it. */
function preferredLanguage(prompt: Prompt): string | null {
  const wanted = currentLang() === 'en' ? 'en' : 'zh';
  return (prompt.languages.find((l) => l.language === wanted) ?? prompt.languages[0])?.language ?? null;
}

/** One prompt: chosen from the prompt list with its words shown and a player, or typed when there is no list. */
function PromptPicker(props: { value: string; catalogue: Catalogue; onChange: (v: string) => void; name: string }) {
  const { prompts } = props.catalogue;
  if (!prompts) return <input name={props.name} value={props.value} placeholder="welcome" onInput={(e) => props.onChange(e.currentTarget.value.trim())} />;
  const prompt = prompts.find((p) => p.name === props.value);
  const language = prompt && preferredLanguage(prompt);
  const text = prompt?.languages.find((l) => l.language === language)?.text;
  return (
    <div class="prompt-pick">
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{m('choose')}</option>
        {!prompt && props.value && <option value={props.value}>{props.value}</option>}
        {prompts.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
      {text && <span class="prompt-text">“{text}”</span>}
      {prompt && language && <audio controls preload="none" src={audioUrl(prompt.name, language)} title={m('play')} />}
    </div>
  );
}

/** A list of prompts played one after another; each can be changed, removed, or one added. */
export function PromptList(props: { name: string; value: string[] | undefined; catalogue: Catalogue; onChange: (v: string[]) => void }) {
  const list = props.value ?? [];
  const set = (i: number, v: string) => props.onChange(list.map((p, j) => (j === i ? v : p)));
  return (
    <div class="prompt-list">
      {!props.catalogue.prompts && <p class="muted small">{m('noPromptList')}</p>}
      {list.map((p, i) => (
        <div class="row" key={i}>
          <PromptPicker name={`${props.name}[${i}]`} value={p} catalogue={props.catalogue} onChange={(v) => set(i, v)} />
          <button type="button" class="small" onClick={() => props.onChange(list.filter((_, j) => j !== i))}>
            {m('remove')}
          </button>
        </div>
      ))}
      <div class="row">
        <button type="button" class="small" onClick={() => props.onChange([...list, ''])}>
          ＋ {m('addPrompt')}
        </button>
        <a class="small" href="/prompts.html" target="_blank" rel="noopener">
          {m('managePrompts')}
        </a>
      </div>
    </div>
  );
}
