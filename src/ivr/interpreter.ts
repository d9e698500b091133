import { nodeById, type CollectNode, type IvrNode, type MenuDefinition, type MenuNode, type PromptRef } from './model.js';

// The IVR as a pure state machine: (menu, state, input) → (state, commands). No timers, no
// Asterisk: the runner carries the commands out and feeds back what happened.

export interface IvrState {
  nodeId: string;
  /** prompt: a prompt is playing; waiting: the timer runs; action: waiting for a lookup; result: its answer is playing. */
  phase: 'prompt' | 'waiting' | 'action' | 'result' | 'done';
  tries: number;
  digits: string;
}

export type IvrInput =
  | { type: 'start' }
  | { type: 'digit'; digit: string }
  | { type: 'prompt-finished' }
  | { type: 'timeout' }
  | { type: 'action-result'; prompt: PromptRef[] };

export type IvrCommand =
  | { type: 'play'; prompt: PromptRef[] }
  | { type: 'stop-prompt' }
  | { type: 'start-timer'; seconds: number }
  | { type: 'cancel-timer' }
  | { type: 'enter-node'; nodeId: string; kind: IvrNode['kind']; label: string; key: string | null }
  | { type: 'run-action'; action: 'ticket-progress'; digits: string }
  | { type: 'queue'; queue: string }
  | { type: 'hangup' };

export interface IvrStep {
  state: IvrState;
  commands: IvrCommand[];
}

export function startIvr(menu: MenuDefinition): IvrStep {
  return enter(menu, menu.start, null);
}

/** Any input that makes no sense in the current state is ignored: no commands, same state. */
export function stepIvr(menu: MenuDefinition, state: IvrState, input: IvrInput): IvrStep {
  const node = nodeById(menu, state.nodeId);
  if (!node || state.phase === 'done') return { state, commands: [] };
  if (input.type === 'start') return startIvr(menu);
  switch (node.kind) {
    case 'menu':
      return stepMenu(menu, node, state, input);
    case 'collect':
      return stepCollect(menu, node, state, input);
    case 'queue':
      return input.type === 'prompt-finished' && state.phase === 'prompt' ? done(state, [{ type: 'queue', queue: node.queue }]) : same(state);
    case 'hangup':
      return input.type === 'prompt-finished' && state.phase === 'prompt' ? done(state, [{ type: 'hangup' }]) : same(state);
    case 'play':
      // A play node carries information the caller should hear whole, so keys do not skip it.
      return input.type === 'prompt-finished' && state.phase === 'prompt' ? enter(menu, node.next, null) : same(state);
    default:
      // TODO(issue 5): transfer, hours, language and message nodes; the validator refuses them until then.
      return same(state);
  }
}

// Enter-node chains are bounded so a malformed menu (which the validator refuses) can never spin.
function enter(menu: MenuDefinition, nodeId: string, key: string | null, depth = 0): IvrStep {
  const node = nodeById(menu, nodeId);
  if (!node || depth > menu.nodes.length) return done({ nodeId, phase: 'done', tries: 0, digits: '' }, [{ type: 'hangup' }]);
  const entered: IvrCommand = { type: 'enter-node', nodeId: node.id, kind: node.kind, label: node.label, key };
  const fresh: IvrState = { nodeId: node.id, phase: 'prompt', tries: 0, digits: '' };
  switch (node.kind) {
    case 'menu':
    case 'collect':
    case 'play':
      return { state: fresh, commands: [entered, { type: 'play', prompt: node.prompt }] };
    case 'queue':
      if (node.prompt?.length) return { state: fresh, commands: [entered, { type: 'play', prompt: node.prompt }] };
      return done(fresh, [entered, { type: 'queue', queue: node.queue }]);
    case 'hangup':
      if (node.prompt?.length) return { state: fresh, commands: [entered, { type: 'play', prompt: node.prompt }] };
      return done(fresh, [entered, { type: 'hangup' }]);
    default:
      return done(fresh, [entered, { type: 'hangup' }]);
  }
}

function stepMenu(menu: MenuDefinition, node: MenuNode, state: IvrState, input: IvrInput): IvrStep {
  switch (input.type) {
    case 'digit': {
      if (state.phase !== 'prompt' && state.phase !== 'waiting') return same(state);
      const interrupt: IvrCommand[] = state.phase === 'prompt' ? [{ type: 'stop-prompt' }] : [{ type: 'cancel-timer' }];
      const target = node.keys[input.digit];
      if (target !== undefined) return prefix(interrupt, enter(menu, target, input.digit));
      return prefix(interrupt, retry(menu, node, state, node.invalidPrompt));
    }
    case 'prompt-finished':
      return state.phase === 'prompt' ? { state: { ...state, phase: 'waiting' }, commands: [{ type: 'start-timer', seconds: node.timeoutSeconds }] } : same(state);
    case 'timeout':
      return state.phase === 'waiting' ? retry(menu, node, state, node.timeoutPrompt) : same(state);
    default:
      return same(state);
  }
}

/** A timeout or an invalid key is a try: the caller hears why and the menu again, or after the last try goes to the fallback. */
function retry(menu: MenuDefinition, node: MenuNode | CollectNode, state: IvrState, why: PromptRef[]): IvrStep {
  const tries = state.tries + 1;
  const fallback = node.kind === 'menu' ? node.fallback : node.next;
  if (tries >= node.maxTries) return enter(menu, fallback, null);
  return { state: { nodeId: node.id, phase: 'prompt', tries, digits: '' }, commands: [{ type: 'play', prompt: [...why, ...node.prompt] }] };
}

function stepCollect(menu: MenuDefinition, node: CollectNode, state: IvrState, input: IvrInput): IvrStep {
  switch (input.type) {
    case 'digit': {
      if (state.phase !== 'prompt' && state.phase !== 'waiting') return same(state);
      const interrupt: IvrCommand[] = state.phase === 'prompt' ? [{ type: 'stop-prompt' }] : [{ type: 'cancel-timer' }];
      if (input.digit === node.terminator) return prefix(interrupt, finishInput(menu, node, state));
      if (!/^[0-9]$/.test(input.digit)) return prefix(interrupt, waitForMore(node, state));
      const collected = { ...state, digits: state.digits + input.digit };
      if (collected.digits.length >= node.maxDigits) return prefix(interrupt, finishInput(menu, node, collected));
      return prefix(interrupt, waitForMore(node, collected));
    }
    case 'prompt-finished':
      if (state.phase === 'prompt') return waitForMore(node, state);
      if (state.phase === 'result') return enter(menu, node.next, null);
      return same(state);
    case 'timeout':
      if (state.phase !== 'waiting') return same(state);
      return state.digits.length > 0 ? finishInput(menu, node, state) : retry(menu, node, state, node.invalidPrompt);
    case 'action-result':
      return state.phase === 'action' ? { state: { ...state, phase: 'result' }, commands: [{ type: 'play', prompt: input.prompt }] } : same(state);
    default:
      return same(state);
  }
}

function waitForMore(node: CollectNode, state: IvrState): IvrStep {
  return { state: { ...state, phase: 'waiting' }, commands: [{ type: 'start-timer', seconds: node.timeoutSeconds }] };
}

function finishInput(menu: MenuDefinition, node: CollectNode, state: IvrState): IvrStep {
  if (state.digits.length < node.minDigits) return retry(menu, node, state, node.invalidPrompt);
  return { state: { ...state, phase: 'action' }, commands: [{ type: 'run-action', action: node.action, digits: state.digits }] };
}

function same(state: IvrState): IvrStep {
  return { state, commands: [] };
}

function done(state: IvrState, commands: IvrCommand[]): IvrStep {
  return { state: { ...state, phase: 'done' }, commands };
}

function prefix(commands: IvrCommand[], step: IvrStep): IvrStep {
  return { state: step.state, commands: [...commands, ...step.commands] };
}
