import { useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { edgesOf, phoneKeys, type MenuDefinition } from './graph.js';
import type { Catalogue } from './catalogue.js';
import { kindLabel } from './node-card.js';
import { m, mk } from './text.js';

type Input = { digit: string } | { timeout: true } | { transfer: 'answered' | 'failed' };
type Outcome = null | { type: 'queue'; queue: string } | { type: 'transfer'; target: string } | { type: 'message' } | { type: 'hangup' };

interface Step {
  input: Input | null;
  nodeId: string;
  label: string;
  kind: string;
  language: string;
  played: Array<{ ref: string; text: string | null }>;
  outcome: Outcome;
}

interface Simulation {
  steps: Step[];
  done: boolean;
  waitingFor: 'key' | 'digits' | 'transfer' | null;
}

const inputText = (input: Input | null) => {
  if (!input) return m('callStart');
  if ('digit' in input) return `${m('digit')} ${input.digit}`;
  if ('timeout' in input) return m('timeout');
  return input.transfer === 'answered' ? m('transferAnswered') : m('transferFailed');
};

/** The outcome with the queue's or target's name, as the supervisor page shows them. */
const outcomeText = (o: Exclude<Outcome, null>, catalogue: Catalogue) => {
  const words = mk('outcome', o.type);
  if (o.type === 'queue') return `${words} ${catalogue.queues.find((q) => q.name === o.queue)?.title ?? o.queue}`;
  if (o.type === 'transfer') return `${words} ${catalogue.targets.find((t) => t.code === o.target)?.name ?? o.target}`;
  return words;
};

/** The date-time input's local value, e.g. 2026-11-26T10:00, for "now" in the admin's clock. */
const localNow = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/**
 * A pretend call through the menu being edited, so a manager hears (reads) what a citizen
 * would before publishing. Every press replays the whole call on the service: the simulation
 * holds no state of its own.
 */
export function Simulator(props: { name: string; menu: MenuDefinition; catalogue: Catalogue }) {
  const [at, setAt] = useState(localNow());
  const [inputs, setInputs] = useState<Input[] | null>(null);
  const [result, setResult] = useState<Simulation | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (next: Input[]) => {
    setError(null);
    try {
      const body = { definition: props.menu, at: new Date(at).toISOString(), inputs: next };
      setResult(await api<Simulation>('POST', `/api/menus/${encodeURIComponent(props.name)}/simulate`, body));
      setInputs(next);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const press = (input: Input) => void run([...(inputs ?? []), input]);
  const live = result !== null && !result.done;
  const current = result?.steps.at(-1);
  const here = current && props.menu.nodes.find((n) => n.id === current.nodeId);
  const keyMap = here?.kind === 'menu' && live ? edgesOf(here).filter((e) => e.key !== undefined) : [];
  const labelOf = (id: string) => props.menu.nodes.find((n) => n.id === id)?.label ?? id;

  return (
    <section class="simulator" data-testid="simulator">
      <label>
        {m('at')}
        <input type="datetime-local" name="at" value={at} onInput={(e) => setAt(e.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="button" class="primary" onClick={() => void run([])}>
          {m('call')}
        </button>
        {inputs && (
          <button type="button" onClick={() => (setInputs(null), setResult(null))}>
            {m('hangUp')}
          </button>
        )}
      </div>
      {error && <p class="error">{error}</p>}
      <div class="keypad">
        {phoneKeys.map((k) => (
          <button type="button" key={k} disabled={!live || result?.waitingFor === 'transfer'} onClick={() => press({ digit: k })}>
            {k}
          </button>
        ))}
      </div>
      <div class="row wrap">
        <button type="button" disabled={!live || result?.waitingFor === 'transfer'} onClick={() => press({ timeout: true })}>
          {m('timeout')}
        </button>
        <button type="button" disabled={result?.waitingFor !== 'transfer' || !live} onClick={() => press({ transfer: 'answered' })}>
          {m('transferAnswered')}
        </button>
        <button type="button" disabled={result?.waitingFor !== 'transfer' || !live} onClick={() => press({ transfer: 'failed' })}>
          {m('transferFailed')}
        </button>
      </div>
      {result && (
        <ol class="steps" data-testid="sim-steps">
          {result.steps.map((s, i) => (
            <li key={i} data-step={i}>
              <div>
                <span class="badge count">{inputText(s.input)}</span> → <strong>{s.label}</strong> <span class="muted small">{kindLabel(s.kind)}</span>
              </div>
              {s.played.map((p, j) => (
                <div class="played" key={j}>
                  {p.text ?? p.ref}
                </div>
              ))}
              {s.outcome && <div class="outcome">{outcomeText(s.outcome, props.catalogue)}</div>}
            </li>
          ))}
        </ol>
      )}
      {result && (
        <p class="muted" data-testid="sim-status">
          {result.done ? m('callEnded') : result.waitingFor ? `${m('waitingFor')}: ${mk('waiting', result.waitingFor)}` : ''}
        </p>
      )}
      {keyMap.length > 0 && (
        <div class="key-map">
          <h3>{m('keyLeadsTo')}</h3>
          {keyMap.map((e) => (
            <div key={e.key}>
              <strong>{e.key}</strong> → {e.to ? labelOf(e.to) : m('unset')}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
