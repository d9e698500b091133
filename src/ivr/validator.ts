import { nodeKinds, type MenuDefinition } from './model.js';
import { successors } from './graph.js';

export interface MenuError {
  nodeId: string | null;
  field: string;
  message: string;
}

export type MenuValidation = { ok: true; menu: MenuDefinition } | { ok: false; errors: MenuError[] };

/**
 * What a menu may name. A set left out means none exist, so a node naming one is refused.
 * prompts is checked only when given: the prompts store is optional, and without it any
 * well-formed prompt name is taken on trust.
 */
export interface MenuContext {
  queues: ReadonlySet<string>;
  targets?: ReadonlySet<string>;
  calendars?: ReadonlySet<string>;
  languages?: ReadonlySet<string>;
  /** Each prompt's name and the languages it is recorded in. */
  prompts?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The language a call starts in; with the menu's language nodes, the ones every prompt must be in. */
  defaultLanguage?: string;
}

const NODE_ID = /^[a-z][a-z0-9-]{0,39}$/;
const MENU_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const PROMPT_REF = /^(?:[a-z0-9][a-z0-9/_-]{0,79}|digits:[0-9]{1,32}|number:[0-9]{1,9})$/;
const MEDIA = /^(?:digits|number):/;
const KEYS = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);
const none: ReadonlySet<string> = new Set();

type Obj = Record<string, unknown>;
type Fail = (nodeId: string | null, field: string, message: string) => void;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a whole menu and reports every problem, each naming its node and field, so an
 * admin can fix them all at once. Only a menu with no problem is returned as a MenuDefinition.
 */
export function validateMenu(input: unknown, ctx: MenuContext): MenuValidation {
  const errors: MenuError[] = [];
  const fail: Fail = (nodeId, field, message) => errors.push({ nodeId, field, message: nodeId ? `node "${nodeId}" ${field}: ${message}` : `${field}: ${message}` });

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

  // A caller may hear any prompt in any language the menu can switch to: each must be recorded in all of them.
  const spoken = new Set([ctx.defaultLanguage, ...input.nodes.map((n) => (isObj(n) && n.kind === 'language' ? n.language : undefined))].filter((l): l is string => typeof l === 'string'));
  for (const raw of input.nodes) {
    if (!isObj(raw) || typeof raw.id !== 'string' || !ids.has(raw.id)) continue;
    checkNode(raw, raw.id, ids, ctx, spoken, fail);
  }

  if (typeof input.start !== 'string' || !ids.has(input.start)) fail(null, 'start', `leads to unknown node ${JSON.stringify(input.start)}`);
  if (errors.length) return { ok: false, errors };

  const menu = input as unknown as MenuDefinition;
  checkGraph(menu, fail);
  return errors.length ? { ok: false, errors } : { ok: true, menu };
}

function checkNode(raw: Obj, id: string, ids: ReadonlySet<string>, ctx: MenuContext, spoken: ReadonlySet<string>, fail: Fail): void {
  const ref = (field: string, target: unknown) => {
    if (typeof target !== 'string' || !ids.has(target)) fail(id, field, `leads to unknown node ${JSON.stringify(target)}`);
  };
  const prompts = (field: string, value: unknown, optional = false) => {
    if (value === undefined && optional) return;
    if (!Array.isArray(value) || value.length === 0) return fail(id, field, 'must be a non-empty list of prompts');
    value.forEach((p, i) => {
      if (typeof p !== 'string' || !PROMPT_REF.test(p)) fail(id, `${field}[${i}]`, `${JSON.stringify(p)} is not a prompt name or digits:/number: media`);
      else if (ctx.prompts && !MEDIA.test(p)) {
        const recorded = ctx.prompts.get(p);
        const missing = [...spoken].filter((l) => !recorded?.has(l));
        if (!recorded) fail(id, `${field}[${i}]`, `no such prompt "${p}"`);
        else if (missing.length) fail(id, `${field}[${i}]`, `prompt "${p}" is not recorded in ${missing.join(', ')}, a language callers of this menu may be in`);
      }
    });
  };
  const int = (field: string, value: unknown, min: number, max: number) => {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) fail(id, field, `must be a whole number from ${min} to ${max}`);
  };
  const named = (field: string, value: unknown, known: ReadonlySet<string> | undefined, what: string) => {
    if (typeof value !== 'string' || !(known ?? none).has(value)) fail(id, field, `no such ${what} ${JSON.stringify(value)}`);
  };

  if (typeof raw.label !== 'string' || raw.label.length === 0 || raw.label.length > 60) fail(id, 'label', 'must be 1–60 characters');
  switch (raw.kind) {
    case 'menu':
      prompts('prompt', raw.prompt);
      prompts('timeoutPrompt', raw.timeoutPrompt);
      prompts('invalidPrompt', raw.invalidPrompt);
      int('timeoutSeconds', raw.timeoutSeconds, 1, 60);
      int('maxTries', raw.maxTries, 1, 9);
      ref('fallback', raw.fallback);
      if (raw.fallback === id) fail(id, 'fallback', 'must lead elsewhere: a silent caller would hear this menu forever');
      if (!isObj(raw.keys) || Object.keys(raw.keys).length === 0) fail(id, 'keys', 'must map at least one key to a node');
      else
        for (const [key, target] of Object.entries(raw.keys)) {
          if (!KEYS.has(key)) fail(id, `key "${key}"`, 'is not a phone key (0–9, * or #)');
          else ref(`key "${key}"`, target);
        }
      return;
    case 'queue':
      named('queue', raw.queue, ctx.queues, 'queue');
      prompts('prompt', raw.prompt, true);
      return;
    case 'play':
      prompts('prompt', raw.prompt);
      ref('next', raw.next);
      return;
    case 'collect':
      prompts('prompt', raw.prompt);
      prompts('invalidPrompt', raw.invalidPrompt);
      int('minDigits', raw.minDigits, 1, 32);
      int('maxDigits', raw.maxDigits, 1, 32);
      if (Number.isInteger(raw.minDigits) && Number.isInteger(raw.maxDigits) && (raw.minDigits as number) > (raw.maxDigits as number)) {
        fail(id, 'minDigits', 'must not be more than maxDigits');
      }
      if (raw.terminator !== '#' && raw.terminator !== '*' && raw.terminator !== null) fail(id, 'terminator', 'must be "#", "*" or null');
      int('timeoutSeconds', raw.timeoutSeconds, 1, 60);
      int('maxTries', raw.maxTries, 1, 9);
      if (raw.action !== 'ticket-progress') fail(id, 'action', 'must be "ticket-progress"');
      ref('next', raw.next);
      return;
    case 'hangup':
      prompts('prompt', raw.prompt, true);
      return;
    case 'transfer':
      named('target', raw.target, ctx.targets, 'linkage target');
      prompts('prompt', raw.prompt, true);
      ref('fallback', raw.fallback);
      return;
    case 'hours':
      named('calendar', raw.calendar, ctx.calendars, 'calendar');
      ref('open', raw.open);
      ref('closed', raw.closed);
      return;
    case 'language':
      named('language', raw.language, ctx.languages, 'language');
      ref('next', raw.next);
      return;
    case 'message':
      prompts('prompt', raw.prompt);
      prompts('thanksPrompt', raw.thanksPrompt);
      int('maxSeconds', raw.maxSeconds, 5, 300);
      return;
    default:
      fail(id, 'kind', `must be one of ${nodeKinds.join(', ')}`);
  }
}

/** Every node reachable from start; no cycle the caller would go round without pressing a key. */
function checkGraph(menu: MenuDefinition, fail: Fail): void {
  const byId = new Map(menu.nodes.map((n) => [n.id, n]));
  const reached = new Set<string>([menu.start]);
  const todo = [menu.start];
  while (todo.length) {
    for (const edge of successors(byId.get(todo.pop()!)!)) {
      if (!reached.has(edge.to)) {
        reached.add(edge.to);
        todo.push(edge.to);
      }
    }
  }
  for (const node of menu.nodes) if (!reached.has(node.id)) fail(node.id, 'id', `cannot be reached from the start node "${menu.start}"`);

  // The self-fallback of a menu is reported on its own, with a plainer message.
  const automatic = (id: string) => successors(byId.get(id)!).filter((e) => !e.byKey && !(e.field === 'fallback' && e.to === id && byId.get(id)!.kind === 'menu'));
  for (const node of menu.nodes) {
    for (const edge of automatic(node.id)) {
      const back = pathBetween(edge.to, node.id, automatic);
      if (back) fail(node.id, edge.field, `goes round a loop that never waits for a key: ${[node.id, ...back].join(' → ')}`);
    }
  }
}

/** The node ids from `from` to `to` following automatic edges only, or null when there is no way. */
function pathBetween(from: string, to: string, automatic: (id: string) => Array<{ to: string }>): string[] | null {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === to) {
      const path: string[] = [];
      for (let at: string | null = id; at !== null; at = previous.get(at)!) path.unshift(at);
      return path;
    }
    for (const edge of automatic(id)) {
      if (!previous.has(edge.to)) {
        previous.set(edge.to, id);
        queue.push(edge.to);
      }
    }
  }
  return null;
}
