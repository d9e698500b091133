import type { MenuError } from '../../../src/ivr/validator.js';
import { promptText, type Catalogue } from './catalogue.js';
import type { IvrNode, NodeKind } from './graph.js';
import { problemText } from './problem-text.js';
import { m, mk } from './text.js';

export const kindLabel = (kind: NodeKind | string) => mk('kind', kind);

/** A prompt language's name; a code the editor has no name for shows as it is. */
export const languageLabel = (language: string) => mk('lang', language);

/** The one line under a node's name that tells a manager what it does. */
function summary(node: IvrNode, catalogue: Catalogue): string {
  const firstPrompt = 'prompt' in node && node.prompt?.[0] ? node.prompt[0] : null;
  const said = firstPrompt ? (promptText(catalogue, firstPrompt) ?? firstPrompt) : '';
  switch (node.kind) {
    case 'queue':
      return catalogue.queues.find((q) => q.name === node.queue)?.title ?? node.queue;
    case 'transfer':
      return catalogue.targets.find((t) => t.code === node.target)?.name ?? node.target;
    case 'hours':
      return node.calendar;
    case 'language':
      return languageLabel(node.language);
    default:
      return said;
  }
}

/** A node in the tree: its kind, name, what it does, and a red count of its problems. */
export function NodeCard(props: { node: IvrNode; errors: MenuError[]; selected: boolean; start: boolean; catalogue: Catalogue; onSelect: (id: string) => void }) {
  const { node } = props;
  const classes = ['node-card', `kind-${node.kind}`, props.selected ? 'selected' : '', props.errors.length ? 'has-errors' : ''].join(' ');
  return (
    <button type="button" class={classes} data-node={node.id} onClick={() => props.onSelect(node.id)} title={props.errors.map(problemText).join('\n')}>
      <span class="kind">{kindLabel(node.kind)}</span>
      <strong>{node.label || node.id}</strong>
      {props.start && <span class="badge ok">{m('start')}</span>}
      {props.errors.length > 0 && (
        <span class="badge problems" data-testid="node-problems">
          {props.errors.length} {m('problems')}
        </span>
      )}
      <span class="summary">{summary(node, props.catalogue)}</span>
    </button>
  );
}
