import { languages, seconds, type Prompt } from './model.js';
import { menuNode, p, pk } from './text.js';

/** One line per prompt: what each language says (or that it is a recording), how long, how made, and where it is played. */
export function PromptTable(props: { prompts: Prompt[]; opened: string | null; onOpen: (name: string) => void }) {
  if (!props.prompts.length) return <p class="muted">{p('noPrompts')}</p>;
  return (
    <table class="prompt-table">
      <thead>
        <tr>
          <th>{p('name')}</th>
          {languages.map((l) => (
            <th key={l}>{pk('language', l)}</th>
          ))}
          <th>{p('usedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {props.prompts.map((prompt) => (
          <tr key={prompt.name} data-prompt={prompt.name} class={prompt.name === props.opened ? 'selected' : undefined} onClick={() => props.onOpen(prompt.name)}>
            <td class="name">
              <button type="button" class="link">
                {prompt.name}
              </button>
            </td>
            {languages.map((language) => {
              const l = prompt.languages.find((x) => x.language === language);
              return (
                <td key={language} class="text" data-language={language}>
                  {l ? (
                    <>
                      <div class="words" title={l.text ?? undefined}>
                        {l.source === 'upload' ? <em>{p('uploaded')}</em> : l.text}
                      </div>
                      <div class="muted small">
                        {seconds(l.durationMs)}
                        {l.source !== 'upload' && ` · ${pk('source', l.source)}`} · v{l.version}
                      </div>
                    </>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
              );
            })}
            <td class="used small">
              {prompt.usedBy.length ? prompt.usedBy.map((u) => <div key={`${u.menu}/${u.nodeId}`}>{menuNode(u.menu, u.nodeId)}</div>) : <span class="muted">{p('notUsed')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
