import { nodeKinds, type IvrNode, type MenuDefinition } from './model.js';

export interface MenuError {
  nodeId: string | null;
  field: string;
  message: string;
}

export type MenuValidation = { ok: true; menu: MenuDefinition } | { ok: false; errors: MenuError[] };

const NODE_ID = /^[a-z][a-z0-9-]{0,39}$/;
const MENU_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const PROMPT_REF = /^(?:[a-z0-9][a-z0-9/_-]{0,79}|digits:[0-9]{1,32}|number:[0-9]{1,9})$/;
const KEYS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a whole menu and reports every problem, each naming its node and field, so an
 * admin can fix them all at once. Only a menu with no problem is returned as a MenuDefinition.
 */
export function validateMenu(input: unknown, ctx: { queues: ReadonlySet<string> }): MenuValidation {
  const errors: MenuError[] = [];
  const fail = (nodeId: string | null, field: string, message: string) =>
    errors.push({ nodeId, field, message: nodeId ? `node "${nodeId}" ${field}: ${message}` : `${field}: ${message}` });

  if (!isObj(input)) return { ok: false, errors: [{ nodeId: null, field: 'menu', message: 'menu: must be an object with name, start and nodes' }] };
  if (typeof input.name !== 'string' || !MENU_NAME.test(input.name)) fail(null, 'name', 'must be 1–40 letters, digits, - or _');
  if (!Array.isArray(input.nodes) || input.nodes.length === 0) {
    fail(null, 'nodes', 'must be a non-empty list of nodes');
    return { ok: false, errors };
  }

  const ids = new Set<string>();
  input.nodes.forEach((raw, index) => {
    const id = isObj(raw) && typeof raw.id === 'string' ? raw.id : null;
    if (!id || !NODE_ID.test(id)) fail(null, `nodes[${index}].id`, 'must be lower-case letters, digits and -, starting with a letter (1–40)');
    else if (ids.has(id)) fail(id, 'id', 'is used by more than one node');
    else ids.add(id);
  });

  const ref = (nodeId: string, field: string, target: unknown) => {
    if (typeof target !== 'string' || !ids.has(target)) fail(nodeId, field, `leads to unknown node ${JSON.stringify(target)}`);
  };
  const prompts = (nodeId: string, field: string, value: unknown, optional = false) => {
    if (value === undefined && optional) return;
    if (!Array.isArray(value) || value.length === 0) return fail(nodeId, field, 'must be a non-empty list of prompts');
    value.forEach((p, i) => {
      if (typeof p !== 'string' || !PROMPT_REF.test(p)) fail(nodeId, `${field}[${i}]`, `${JSON.stringify(p)} is not a prompt name or digits:/number: media`);
    });
  };
  const int = (nodeId: string, field: string, value: unknown, min: number, max: number) => {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) fail(nodeId, field, `must be a whole number from ${min} to ${max}`);
  };

  for (const raw of input.nodes) {
    if (!isObj(raw) || typeof raw.id !== 'string' || !ids.has(raw.id)) continue;
    const id = raw.id;
    if (typeof raw.label !== 'string' || raw.label.length === 0 || raw.label.length > 60) fail(id, 'label', 'must be 1–60 characters');
    switch (raw.kind) {
      case 'menu':
        prompts(id, 'prompt', raw.prompt);
        prompts(id, 'timeoutPrompt', raw.timeoutPrompt);
        prompts(id, 'invalidPrompt', raw.invalidPrompt);
        int(id, 'timeoutSeconds', raw.timeoutSeconds, 1, 60);
        int(id, 'maxTries', raw.maxTries, 1, 9);
        ref(id, 'fallback', raw.fallback);
        if (raw.fallback === id) fail(id, 'fallback', 'must lead elsewhere: a silent caller would hear this menu forever');
        if (!isObj(raw.keys) || Object.keys(raw.keys).length === 0) fail(id, 'keys', 'must map at least one key to a node');
        else
          for (const [key, target] of Object.entries(raw.keys)) {
            if (!KEYS.has(key)) fail(id, `key "${key}"`, 'is not a phone key (0–9, * or #)');
            else ref(id, `key "${key}"`, target);
          }
        break;
      case 'queue':
        if (typeof raw.queue !== 'string' || !ctx.queues.has(raw.queue)) fail(id, 'queue', `no such queue ${JSON.stringify(raw.queue)}`);
        prompts(id, 'prompt', raw.prompt, true);
        break;
      case 'play':
        prompts(id, 'prompt', raw.prompt);
        ref(id, 'next', raw.next);
        break;
      case 'collect':
        prompts(id, 'prompt', raw.prompt);
        prompts(id, 'invalidPrompt', raw.invalidPrompt);
        int(id, 'minDigits', raw.minDigits, 1, 32);
        int(id, 'maxDigits', raw.maxDigits, 1, 32);
        if (Number.isInteger(raw.minDigits) && Number.isInteger(raw.maxDigits) && (raw.minDigits as number) > (raw.maxDigits as number)) {
          fail(id, 'minDigits', 'must not be more than maxDigits');
        }
        if (raw.terminator !== '#' && raw.terminator !== '*' && raw.terminator !== null) fail(id, 'terminator', 'must be "#", "*" or null');
        int(id, 'timeoutSeconds', raw.timeoutSeconds, 1, 60);
        int(id, 'maxTries', raw.maxTries, 1, 9);
        if (raw.action !== 'ticket-progress') fail(id, 'action', 'must be "ticket-progress"');
        ref(id, 'next', raw.next);
        break;
      case 'hangup':
        prompts(id, 'prompt', raw.prompt, true);
        break;
      default:
        fail(id, 'kind', `must be one of ${nodeKinds.join(', ')}`);
    }
  }

  if (typeof input.start !== 'string' || !ids.has(input.start)) fail(null, 'start', `leads to unknown node ${JSON.stringify(input.start)}`);
  if (errors.length) return { ok: false, errors };

  const menu = input as unknown as MenuDefinition;
  checkGraph(menu, fail);
  return errors.length ? { ok: false, errors } : { ok: true, menu };
}

function successors(node: IvrNode): Array<{ id: string; byKey: boolean }> {
  switch (node.kind) {
    case 'menu':
      return [...Object.values(node.keys).map((id) => ({ id, byKey: true })), { id: node.fallback, byKey: true }];
    case 'collect':
      return [{ id: node.next, byKey: true }];
    case 'play':
      return [{ id: node.next, byKey: false }];
    default:
      return [];
  }
}

/** Every node reachable from start; no cycle the caller would go round without pressing a key. */
function checkGraph(menu: MenuDefinition, fail: (nodeId: string | null, field: string, message: string) => void): void {
  const byId = new Map(menu.nodes.map((n) => [n.id, n]));
  const reached = new Set<string>([menu.start]);
  const todo = [menu.start];
  while (todo.length) {
    for (const next of successors(byId.get(todo.pop()!)!)) {
      if (!reached.has(next.id)) {
        reached.add(next.id);
        todo.push(next.id);
      }
    }
  }
  for (const node of menu.nodes) if (!reached.has(node.id)) fail(node.id, 'id', `cannot be reached from the start node "${menu.start}"`);

  // Only play nodes pass on without a key press (a menu's fallback needs timeouts, which count as the caller's turn).
  for (const node of menu.nodes) {
    const seen = new Set<string>();
    let current: IvrNode | undefined = node;
    while (current?.kind === 'play') {
      if (seen.has(current.id)) {
        fail(node.id, 'next', 'goes round a loop of play nodes that never waits for a key');
        break;
      }
      seen.add(current.id);
      current = byId.get(current.next);
    }
  }
}
