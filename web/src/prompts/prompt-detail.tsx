import { useState } from 'preact/hooks';
import { ApiError } from '../shared/api.js';
import { LanguagePanel } from './language-panel.js';
import { deletePrompt, languages, type Prompt } from './model.js';
import { menuNode, p } from './text.js';

/** One prompt, a panel per language; admins may delete it beside where it is used, with a second click to be sure. */
export function PromptDetail(props: {
  prompt: Prompt;
  admin: boolean;
  users: Map<number, string>;
  reload: () => Promise<Prompt[] | null>;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { prompt } = props;
  return (
    <div class="prompt-detail" data-testid="prompt-detail">
      <h2>
        <span class="prompt-name">{prompt.name}</span>
        <span class="spacer" />
        <button type="button" class="small" onClick={props.onClose}>
          {p('close')}
        </button>
      </h2>
      <p class="small used-by">
        <span class="muted">{p('usedBy')}</span>
        <span>{prompt.usedBy.length ? prompt.usedBy.map((u) => menuNode(u.menu, u.nodeId)).join('、') : p('notUsed')}</span>
      </p>
      {props.admin && <DeletePrompt name={prompt.name} reload={props.reload} onDeleted={props.onDeleted} />}
      {languages.map((language) => (
        <LanguagePanel
          key={language}
          name={prompt.name}
          language={language}
          current={prompt.languages.find((l) => l.language === language) ?? null}
          admin={props.admin}
          users={props.users}
          onChanged={props.reload}
        />
      ))}
    </div>
  );
}

function DeletePrompt(props: { name: string; reload: () => Promise<Prompt[] | null>; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await deletePrompt(props.name);
      props.onDeleted();
    } catch (err) {
      setConfirming(false);
      setError(await refusal(err, props));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="delete-prompt">
      {confirming ? (
        <div class="row">
          <span>{p('confirmDelete')}</span>
          <button type="button" class="danger" disabled={busy} onClick={remove}>
            {p('confirm')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {p('cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          {p('delete')}
        </button>
      )}
      {error && (
        <p class="error" role="alert" data-testid="delete-error">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A 409 for a prompt in use is said in the admin's words, naming each menu and node from a fresh
 * list (a menu may have been published since the page loaded); any other refusal is the service's own message.
 */
async function refusal(err: unknown, props: { name: string; reload: () => Promise<Prompt[] | null> }): Promise<string> {
  if (!(err instanceof ApiError)) return `${p('failed')}${String(err)}`;
  if (err.status === 409) {
    const uses = (await props.reload())?.find((pr) => pr.name === props.name)?.usedBy ?? [];
    if (uses.length) return `${p('inUse')}${uses.map((u) => menuNode(u.menu, u.nodeId)).join('、')}。${p('inUseHint')}`;
  }
  return `${p('failed')}${err.message}`;
}
