import type { Calendar } from '../calendar/model.js';
import { nodeById, type IvrNode, type MenuDefinition, type PromptRef } from './model.js';
import { startIvr, stepIvr, type IvrContext, type IvrInput, type IvrState, type IvrStep } from './interpreter.js';

// Walks a menu as a caller would, without a call: the editor shows an admin what a caller
// hears for a given run of keys, silences and transfer outcomes, at a given moment. It drives
// the same interpreter as live calls, so what it shows is what callers get.

export type SimulatorInput = { digit: string } | { timeout: true } | { transfer: 'answered' | 'failed' };

export type SimulatorOutcome = { type: 'queue'; queue: string } | { type: 'transfer'; target: string } | { type: 'message' } | { type: 'hangup' };

export interface SimulatorStep {
  /** The input that led here; null when the caller was taken on without one. */
  input: SimulatorInput | null;
  nodeId: string;
  label: string;
  kind: IvrNode['kind'];
  language: string;
  played: Array<{ ref: PromptRef; text: string | null }>;
  outcome: SimulatorOutcome | null;
}

export interface Simulation {
  steps: SimulatorStep[];
  done: boolean;
  waitingFor: 'key' | 'digits' | 'transfer' | null;
}

export interface SimulatorOptions {
  /** The moment the walk happens (epoch ms): hours nodes branch on it. */
  at: number;
  calendar(name: string): Calendar | null;
  /** The language the call starts in. */
  language: string;
  /** What a ticket-progress lookup answers for the keyed number. */
  ticketProgress(digits: string): PromptRef[];
  /** What a prompt says; swappable, so a prompts store can supply the texts. */
  promptText(ref: PromptRef, language: string): string | null;
}

/** A menu cannot make the simulator spin: automatic moves are bounded (the validator refuses loops anyway). */
const MAX_AUTOMATIC = 1000;

export function simulate(menu: MenuDefinition, inputs: readonly SimulatorInput[], options: SimulatorOptions): Simulation {
  const ctx: IvrContext = { now: options.at, calendar: options.calendar, language: options.language };
  const steps: SimulatorStep[] = [];
  let state: IvrState = { nodeId: menu.start, phase: 'prompt', tries: 0, digits: '', language: options.language };

  /**
   * Records what one interpreter step did. A fresh input always shows as a step of its own;
   * automatic moves (input null) and the later keys of one "123#" input add to the last step
   * unless they enter a node.
   */
  const record = (result: IvrStep, input: SimulatorInput | null, fresh: boolean) => {
    const before = state;
    state = result.state;
    let language = before.language;
    let opened = false;
    const open = (nodeId: string) => {
      const node = nodeById(menu, nodeId);
      steps.push({ input: opened ? null : input, nodeId, label: node?.label ?? nodeId, kind: node?.kind ?? 'hangup', language, played: [], outcome: null });
      opened = true;
    };
    const current = () => {
      if (!opened && (fresh || steps.length === 0)) open(before.nodeId);
      return steps[steps.length - 1]!;
    };
    for (const command of result.commands) {
      switch (command.type) {
        case 'enter-node':
          open(command.nodeId);
          break;
        case 'set-language':
          language = command.language;
          current().language = language;
          break;
        case 'play': {
          const step = current();
          step.played.push(...command.prompt.map((ref) => ({ ref, text: options.promptText(ref, step.language) })));
          break;
        }
        case 'queue':
          current().outcome = { type: 'queue', queue: command.queue };
          break;
        case 'hangup':
          current().outcome = command.messageLeft ? { type: 'message' } : { type: 'hangup' };
          break;
        default:
          break;
      }
    }
    if (before.phase === 'transferring' && state.phase === 'done') {
      const node = nodeById(menu, before.nodeId);
      if (node?.kind === 'transfer') current().outcome = { type: 'transfer', target: node.target };
    }
    if (fresh) current();
  };

  /** What a live call would do on its own: prompts play to their end, lookups answer, messages finish. */
  const runOn = () => {
    for (let i = 0; i < MAX_AUTOMATIC; i += 1) {
      const next = automaticInput(state, options);
      if (!next) return;
      record(stepIvr(menu, state, next, ctx), null, false);
    }
  };

  record(startIvr(menu, ctx), null, false);
  runOn();
  for (const input of inputs) {
    if (state.phase === 'done') break;
    toIvrInputs(input).forEach((ivrInput, i) => {
      record(stepIvr(menu, state, ivrInput, ctx), input, i === 0);
      runOn();
    });
  }
  return { steps, done: state.phase === 'done', waitingFor: waitingFor(menu, state) };
}

function automaticInput(state: IvrState, options: SimulatorOptions): IvrInput | null {
  switch (state.phase) {
    case 'prompt':
    case 'result':
      return { type: 'prompt-finished' };
    case 'action':
      return { type: 'action-result', prompt: options.ticketProgress(state.digits) };
    case 'recording':
      return { type: 'message-recorded' };
    default:
      return null;
  }
}

/** "123#" is three digits and a hash, pressed one after the other. */
function toIvrInputs(input: SimulatorInput): IvrInput[] {
  if ('digit' in input) return [...input.digit].map((digit) => ({ type: 'digit', digit }));
  if ('timeout' in input) return [{ type: 'timeout' }];
  return [{ type: 'transfer-result', answered: input.transfer === 'answered' }];
}

function waitingFor(menu: MenuDefinition, state: IvrState): Simulation['waitingFor'] {
  if (state.phase === 'transferring') return 'transfer';
  if (state.phase !== 'waiting') return null;
  return nodeById(menu, state.nodeId)?.kind === 'collect' ? 'digits' : 'key';
}
