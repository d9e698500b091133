import type { IvrNode, MenuDefinition, NodeKind } from '../../../src/ivr/model.js';

export type { IvrNode, MenuDefinition, NodeKind };

/** One way out of a node: which field holds it, and the words on the arrow. */
export interface Edge {
  field: string;
  /** A phone key, or an edge name looked up in text.ts (edge.fallback…). */
  key?: string;
  edge?: 'fallback' | 'next' | 'open' | 'closed' | 'transferFallback';
  to: string;
}

/** Where a caller can go from a node, in the order the tree shows them. */
export function edgesOf(node: IvrNode): Edge[] {
  switch (node.kind) {
    case 'menu':
      return [
        ...Object.entries(node.keys ?? {})
          .sort(([a], [b]) => keyOrder(a) - keyOrder(b))
          .map(([key, to]) => ({ field: `key "${key}"`, key, to })),
        { field: 'fallback', edge: 'fallback', to: node.fallback },
      ];
    case 'play':
    case 'collect':
    case 'language':
      return [{ field: 'next', edge: 'next', to: node.next }];
    case 'transfer':
      return [{ field: 'fallback', edge: 'transferFallback', to: node.fallback }];
    case 'hours':
      return [
        { field: 'open', edge: 'open', to: node.open },
        { field: 'closed', edge: 'closed', to: node.closed },
      ];
    default:
      return [];
  }
}

export const phoneKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const keyOrder = (key: string) => (phoneKeys.includes(key) ? phoneKeys.indexOf(key) : 99);

/** Node ids are made for the admin, who names nodes by their label: "menu-2", "queue-3"… */
export function newNodeId(menu: MenuDefinition, kind: NodeKind): string {
  const ids = new Set(menu.nodes.map((n) => n.id));
  let n = 1;
  while (ids.has(`${kind}-${n}`)) n += 1;
  return `${kind}-${n}`;
}

/** A new node with the shipped menu's usual timings; what it leads to is left for the admin to choose. */
export function newNode(id: string, kind: NodeKind, label: string): IvrNode {
  switch (kind) {
    case 'menu':
      return { id, kind, label, prompt: [], keys: {}, timeoutSeconds: 8, maxTries: 3, timeoutPrompt: ['no-input'], invalidPrompt: ['invalid-key'], fallback: '' };
    case 'queue':
      return { id, kind, label, queue: '', prompt: ['transferring'] };
    case 'play':
      return { id, kind, label, prompt: [], next: '' };
    case 'collect':
      return { id, kind, label, prompt: [], minDigits: 6, maxDigits: 20, terminator: '#', timeoutSeconds: 10, maxTries: 3, invalidPrompt: [], action: 'ticket-progress', next: '' };
    case 'hangup':
      return { id, kind, label };
    case 'transfer':
      return { id, kind, label, target: '', fallback: '' };
    case 'hours':
      return { id, kind, label, calendar: '', open: '', closed: '' };
    case 'language':
      return { id, kind, label, language: '', next: '' };
    case 'message':
      return { id, kind, label, prompt: [], maxSeconds: 120, thanksPrompt: [] };
  }
}

/** Nodes the start node cannot reach: shown apart, so a forgotten node is noticed. */
export function unreachable(menu: MenuDefinition): IvrNode[] {
  const byId = new Map(menu.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const todo = [menu.start];
  while (todo.length) {
    const node = byId.get(todo.pop()!);
    if (!node || seen.has(node.id)) continue;
    seen.add(node.id);
    todo.push(...edgesOf(node).map((e) => e.to));
  }
  return menu.nodes.filter((n) => !seen.has(n.id));
}

/** Removing a node leaves the arrows into it pointing nowhere, which the validator then names. */
export function withoutNode(menu: MenuDefinition, id: string): MenuDefinition {
  return { ...menu, nodes: menu.nodes.filter((n) => n.id !== id) };
}

export function replaceNode(menu: MenuDefinition, node: IvrNode): MenuDefinition {
  return { ...menu, nodes: menu.nodes.map((n) => (n.id === node.id ? node : n)) };
}
