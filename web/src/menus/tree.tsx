import type { ComponentChildren } from 'preact';
import type { MenuError } from '../../../src/ivr/validator.js';
import type { Catalogue } from './catalogue.js';
import { edgesOf, unreachable, type Edge, type MenuDefinition } from './graph.js';
import { NodeCard } from './node-card.js';
import { m } from './text.js';

interface Props {
  menu: MenuDefinition;
  errors: MenuError[];
  selected: string | null;
  catalogue: Catalogue;
  onSelect: (id: string) => void;
}

const edgeText = (edge: Edge) => (edge.key !== undefined ? `${m('pressKey')} ${edge.key}` : m(`edge.${edge.edge!}`));

/**
 * The menu as the caller meets it: the start node, then each key and exit beneath it. A node
 * reached a second time (key 9 "repeat", "back to the main menu") is a link, not a copy,
 * so the tree stays finite and each node is edited in one place.
 */
export function MenuTree(props: Props) {
  const byId = new Map(props.menu.nodes.map((n) => [n.id, n]));
  const drawn = new Set<string>();
  const errorsOf = (id: string) => props.errors.filter((e) => e.nodeId === id);

  const branch = (id: string): ComponentChildren => {
    const node = byId.get(id);
    if (!id) return <span class="goto missing">{m('unset')}</span>;
    if (!node) return <span class="goto missing">{`${m('unknownNode')}: ${id}`}</span>;
    if (drawn.has(id)) {
      return (
        <button type="button" class="goto" onClick={() => props.onSelect(id)}>
          ↪ {m('goesTo')} {node.label || id}
        </button>
      );
    }
    drawn.add(id);
    const edges = edgesOf(node);
    return (
      <>
        <NodeCard node={node} errors={errorsOf(id)} selected={props.selected === id} start={props.menu.start === id} catalogue={props.catalogue} onSelect={props.onSelect} />
        {edges.length > 0 && (
          <ul>
            {edges.map((edge) => (
              <li key={edge.field}>
                <span class="edge">{edgeText(edge)}</span>
                {branch(edge.to)}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };

  const root = branch(props.menu.start);
  const loose = unreachable(props.menu);
  return (
    <div class="menu-tree" data-testid="menu-tree">
      <div class="root">{root}</div>
      {loose.length > 0 && (
        <section class="loose">
          <h3>{m('unreachable')}</h3>
          {loose.map((n) => (
            <div key={n.id} class="root">
              {drawn.has(n.id) ? null : branch(n.id)}
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
