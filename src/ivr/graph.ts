import type { IvrNode } from './model.js';

/** An edge of the menu graph; byKey: only a key press takes the caller along it. */
export interface MenuEdge {
  field: string;
  to: string;
  byKey: boolean;
}

/**
 * Where a caller can go from a node. A menu's fallback and a collect's next are automatic:
 * a silent caller is taken along them by timeouts alone. So are a transfer's fallback (the
 * target need not answer) and the branches of hours and language nodes.
 */
export function successors(node: IvrNode): MenuEdge[] {
  switch (node.kind) {
    case 'menu':
      return [...Object.entries(node.keys).map(([key, to]) => ({ field: `key "${key}"`, to, byKey: true })), { field: 'fallback', to: node.fallback, byKey: false }];
    case 'collect':
    case 'play':
    case 'language':
      return [{ field: 'next', to: node.next, byKey: false }];
    case 'transfer':
      return [{ field: 'fallback', to: node.fallback, byKey: false }];
    case 'hours':
      return [
        { field: 'open', to: node.open, byKey: false },
        { field: 'closed', to: node.closed, byKey: false },
      ];
    case 'queue':
    case 'hangup':
    case 'message':
      return [];
  }
}
