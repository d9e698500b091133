import type { IvrNode, MenuDefinition } from '../ivr/model.js';

export interface FieldChange {
  /** A node's field, or `keys.3` for one key of a menu node, so an admin sees which key moved. */
  field: string;
  from: unknown;
  to: unknown;
}

export type NodeChange =
  | { nodeId: string; change: 'added'; label: string; kind: string }
  | { nodeId: string; change: 'removed'; label: string; kind: string }
  | { nodeId: string; change: 'changed'; label: string; kind: string; fields: FieldChange[] };

export interface MenuDiff {
  start: { from: string; to: string } | null;
  nodes: NodeChange[];
}

/** What changed between two versions of a menu, node by node, in the order of the newer version. */
export function diffMenus(from: MenuDefinition, to: MenuDefinition): MenuDiff {
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  const after = new Map(to.nodes.map((n) => [n.id, n]));
  const nodes: NodeChange[] = [];
  for (const node of to.nodes) {
    const old = before.get(node.id);
    if (!old) nodes.push({ nodeId: node.id, change: 'added', label: node.label, kind: node.kind });
    else {
      const fields = fieldChanges(old, node);
      if (fields.length) nodes.push({ nodeId: node.id, change: 'changed', label: node.label, kind: node.kind, fields });
    }
  }
  for (const node of from.nodes) {
    if (!after.has(node.id)) nodes.push({ nodeId: node.id, change: 'removed', label: node.label, kind: node.kind });
  }
  return { start: from.start === to.start ? null : { from: from.start, to: to.start }, nodes };
}

function fieldChanges(old: IvrNode, node: IvrNode): FieldChange[] {
  const a = old as unknown as Record<string, unknown>;
  const b = node as unknown as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const field of unionKeys(a, b)) {
    if (field === 'id') continue;
    if (field === 'keys' && isRecord(a.keys) && isRecord(b.keys)) {
      for (const key of unionKeys(a.keys, b.keys).sort()) {
        if (a.keys[key] !== b.keys[key]) changes.push({ field: `keys.${key}`, from: a.keys[key] ?? null, to: b.keys[key] ?? null });
      }
    } else if (!sameValue(a[field], b[field])) changes.push({ field, from: a[field] ?? null, to: b[field] ?? null });
  }
  return changes;
}

/** One line for the audit log, e.g. "start main → hours; added hours; changed main (keys.5, prompt)". */
export function summarizeDiff(diff: MenuDiff): string {
  const parts: string[] = [];
  if (diff.start) parts.push(`start ${diff.start.from} → ${diff.start.to}`);
  const of = (change: NodeChange['change']) => diff.nodes.filter((n) => n.change === change);
  if (of('added').length) parts.push(`added ${of('added').map((n) => n.nodeId).join(', ')}`);
  if (of('removed').length) parts.push(`removed ${of('removed').map((n) => n.nodeId).join(', ')}`);
  const changed = diff.nodes.flatMap((n) => (n.change === 'changed' ? [`${n.nodeId} (${n.fields.map((f) => f.field).join(', ')})`] : []));
  if (changed.length) parts.push(`changed ${changed.join('; ')}`);
  return parts.length ? parts.join('; ') : 'no change';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const unionKeys = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])];
// Definitions come from JSON, so comparing their JSON is exact; keys are compared one by one above.
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
