import type { Calendar } from '../calendar/model.js';
import { isOpen } from '../calendar/working-time.js';
import { nodeById, type CollectNode, type IvrNode, type MenuDefinition, type MenuNode, type PromptRef } from './model.js';

// The IVR as a pure state machine: (menu, state, input, context) → (state, commands). No
// timers, no clock, no Asterisk: the runner carries the commands out and feeds back what
// happened, and hands in the moment and the calendars, so the same walk can be simulated.

export interface IvrState {
  nodeId: string;
  /**
   * prompt: a prompt is playing; waiting: the timer runs; action: waiting for a lookup;
   * result: its answer (or a message node's thanks) is playing; transferring: a linkage target
   * is being dialled; recording: the caller is leaving a message.
   */
  phase: 'prompt' | 'waiting' | 'action' | 'result' | 'transferring' | 'recording' | 'done';
  tries: number;
  digits: string;
  /** The prompt language for the rest of the call; a language node changes it. */
  language: string;
}

/** What the interpreter may know of the world besides the caller's input. */
export interface IvrContext {
  /** The moment of this input (epoch ms): hours nodes branch on it. */
  now: number;
  calendar(name: string): Calendar | null;
  /** The language a call starts in. */
  language: string;
}

export type IvrInput =
  | { type: 'start' }
  | { type: 'digit'; digit: string }
  | { type: 'prompt-finished' }
  | { type: 'timeout' }
  | { type: 'action-result'; prompt: PromptRef[] }
  | { type: 'transfer-result'; answered: boolean }
  | { type: 'message-recorded' };

export type IvrCommand =
  | { type: 'play'; prompt: PromptRef[] }
  | { type: 'stop-prompt' }
  | { type: 'start-timer'; seconds: number }
  | { type: 'cancel-timer' }
  | { type: 'enter-node'; nodeId: string; kind: IvrNode['kind']; label: string; key: string | null }
  | { type: 'set-language'; language: string }
  | { type: 'run-action'; action: 'ticket-progress'; digits: string }
  | { type: 'queue'; queue: string }
  /** Dial the linkage target; the runner answers with transfer-result. */
  | { type: 'transfer'; target: string }
  /** Record the caller; the runner answers with message-recorded. */
  | { type: 'record-message'; maxSeconds: number }
  /** messageLeft: the caller hangs up having left a message, not having given up. */
  | { type: 'hangup'; messageLeft?: true };

export interface IvrStep {
  state: IvrState;
  commands: IvrCommand[];
}

export function startIvr(menu: MenuDefinition, ctx: IvrContext): IvrStep {
  return enter(menu, ctx, menu.start, null, ctx.language);
}

/** Any input that makes no sense in the current state is ignored: no commands, same state. */
export function stepIvr(menu: MenuDefinition, state: IvrState, input: IvrInput, ctx: IvrContext): IvrStep {
  const node = nodeById(menu, state.nodeId);
  if (!node || state.phase === 'done') return { state, commands: [] };
  if (input.type === 'start') return startIvr(menu, ctx);
  const promptEnded = input.type === 'prompt-finished' && state.phase === 'prompt';
  switch (node.kind) {
    case 'menu':
      return stepMenu(menu, ctx, node, state, input);
    case 'collect':
      return stepCollect(menu, ctx, node, state, input);
    case 'queue':
      return promptEnded ? done(state, [{ type: 'queue', queue: node.queue }]) : same(state);
    case 'hangup':
      return promptEnded ? done(state, [{ type: 'hangup' }]) : same(state);
    case 'play':
      // A play node carries information the caller should hear whole, so keys do not skip it.
      return promptEnded ? enter(menu, ctx, node.next, null, state.language) : same(state);
    case 'transfer':
      if (promptEnded) return transferTo(state, node.target);
      if (input.type === 'transfer-result' && state.phase === 'transferring') {
        return input.answered ? done(state, []) : enter(menu, ctx, node.fallback, null, state.language);
      }
      return same(state);
    case 'message':
      // Keys are ignored here: # while recording is Asterisk's to end the message.
      if (promptEnded) return { state: { ...state, phase: 'recording' }, commands: [{ type: 'record-message', maxSeconds: node.maxSeconds }] };
      if (input.type === 'message-recorded' && state.phase === 'recording') return { state: { ...state, phase: 'result' }, commands: [{ type: 'play', prompt: node.thanksPrompt }] };
      if (input.type === 'prompt-finished' && state.phase === 'result') return done(state, [{ type: 'hangup', messageLeft: true }]);
      return same(state);
    case 'hours':
    case 'language':
      // Passed through on entry; the caller never rests on them.
      return same(state);
  }
}

// Enter-node chains are bounded so a malformed menu (which the validator refuses) can never spin.
function enter(menu: MenuDefinition, ctx: IvrContext, nodeId: string, key: string | null, language: string, depth = 0): IvrStep {
  const node = nodeById(menu, nodeId);
  if (!node || depth > menu.nodes.length) return done({ nodeId, phase: 'done', tries: 0, digits: '', language }, [{ type: 'hangup' }]);
  const entered: IvrCommand = { type: 'enter-node', nodeId: node.id, kind: node.kind, label: node.label, key };
  const fresh: IvrState = { nodeId: node.id, phase: 'prompt', tries: 0, digits: '', language };
  switch (node.kind) {
    case 'menu':
    case 'collect':
    case 'play':
    case 'message':
      return { state: fresh, commands: [entered, { type: 'play', prompt: node.prompt }] };
    case 'queue':
      if (node.prompt?.length) return { state: fresh, commands: [entered, { type: 'play', prompt: node.prompt }] };
      return done(fresh, [entered, { type: 'queue', queue: node.queue }]);
    case 'hangup':
      if (node.prompt?.length) return { state: fresh, commands: [entered, { type: 'play', prompt: node.prompt }] };
      return done(fresh, [entered, { type: 'hangup' }]);
    case 'transfer':
      if (node.prompt?.length) return { state: fresh, commands: [entered, { type: 'play', prompt: node.prompt }] };
      return prefix([entered], transferTo(fresh, node.target));
    case 'hours': {
      const calendar = ctx.calendar(node.calendar);
      // A calendar deleted since the menu was published must not turn callers away: treat it as open.
      const open = calendar ? isOpen(calendar, ctx.now) : true;
      return prefix([entered], enter(menu, ctx, open ? node.open : node.closed, null, language, depth + 1));
    }
    case 'language':
      return prefix([entered, { type: 'set-language', language: node.language }], enter(menu, ctx, node.next, null, node.language, depth + 1));
  }
}

function transferTo(state: IvrState, target: string): IvrStep {
  return { state: { ...state, phase: 'transferring' }, commands: [{ type: 'transfer', target }] };
}

function stepMenu(menu: MenuDefinition, ctx: IvrContext, node: MenuNode, state: IvrState, input: IvrInput): IvrStep {
  switch (input.type) {
    case 'digit': {
      if (state.phase !== 'prompt' && state.phase !== 'waiting') return same(state);
      const interrupt: IvrCommand[] = state.phase === 'prompt' ? [{ type: 'stop-prompt' }] : [{ type: 'cancel-timer' }];
      const target = node.keys[input.digit];
      if (target !== undefined) return prefix(interrupt, enter(menu, ctx, target, input.digit, state.language));
      return prefix(interrupt, retry(menu, ctx, node, state, node.invalidPrompt));
    }
    case 'prompt-finished':
      return state.phase === 'prompt' ? { state: { ...state, phase: 'waiting' }, commands: [{ type: 'start-timer', seconds: node.timeoutSeconds }] } : same(state);
    case 'timeout':
      return state.phase === 'waiting' ? retry(menu, ctx, node, state, node.timeoutPrompt) : same(state);
    default:
      return same(state);
  }
}

/** A timeout or an invalid key is a try: the caller hears why and the menu again, or after the last try goes to the fallback. */
function retry(menu: MenuDefinition, ctx: IvrContext, node: MenuNode | CollectNode, state: IvrState, why: PromptRef[]): IvrStep {
  const tries = state.tries + 1;
  const fallback = node.kind === 'menu' ? node.fallback : node.next;
  if (tries >= node.maxTries) return enter(menu, ctx, fallback, null, state.language);
  return { state: { ...state, nodeId: node.id, phase: 'prompt', tries, digits: '' }, commands: [{ type: 'play', prompt: [...why, ...node.prompt] }] };
}

function stepCollect(menu: MenuDefinition, ctx: IvrContext, node: CollectNode, state: IvrState, input: IvrInput): IvrStep {
  switch (input.type) {
    case 'digit': {
      if (state.phase !== 'prompt' && state.phase !== 'waiting') return same(state);
      const interrupt: IvrCommand[] = state.phase === 'prompt' ? [{ type: 'stop-prompt' }] : [{ type: 'cancel-timer' }];
      if (input.digit === node.terminator) return prefix(interrupt, finishInput(menu, ctx, node, state));
      if (!/^[0-9]$/.test(input.digit)) return prefix(interrupt, waitForMore(node, state));
      const collected = { ...state, digits: state.digits + input.digit };
      if (collected.digits.length >= node.maxDigits) return prefix(interrupt, finishInput(menu, ctx, node, collected));
      return prefix(interrupt, waitForMore(node, collected));
    }
    case 'prompt-finished':
      if (state.phase === 'prompt') return waitForMore(node, state);
      if (state.phase === 'result') return enter(menu, ctx, node.next, null, state.language);
      return same(state);
    case 'timeout':
      if (state.phase !== 'waiting') return same(state);
      return state.digits.length > 0 ? finishInput(menu, ctx, node, state) : retry(menu, ctx, node, state, node.invalidPrompt);
    case 'action-result':
      return state.phase === 'action' ? { state: { ...state, phase: 'result' }, commands: [{ type: 'play', prompt: input.prompt }] } : same(state);
    default:
      return same(state);
  }
}

function waitForMore(node: CollectNode, state: IvrState): IvrStep {
  return { state: { ...state, phase: 'waiting' }, commands: [{ type: 'start-timer', seconds: node.timeoutSeconds }] };
}

function finishInput(menu: MenuDefinition, ctx: IvrContext, node: CollectNode, state: IvrState): IvrStep {
  if (state.digits.length < node.minDigits) return retry(menu, ctx, node, state, node.invalidPrompt);
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
