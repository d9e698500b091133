import type { CallbackResult } from '../tickets/lifecycle.js';
import { surveyResultOfKey } from './keys.js';

// The key-press survey after a call (按键满意度) as a pure state machine: (state, input) →
// (state, commands). The shell in src/calls/post-call-survey.ts plays, times and records.

export interface SurveySettings {
  /** How long the citizen has to press a key once the question has been read. */
  timeoutSeconds: number;
  /** How many times the question is asked before the citizen is let go without a result. */
  tries: number;
}

export interface SurveyState {
  /** asking: the question is playing; waiting: the timer runs; thanking: the thanks is playing. */
  phase: 'asking' | 'waiting' | 'thanking' | 'done';
  tries: number;
}

export type SurveyInput = { type: 'digit'; digit: string } | { type: 'prompt-finished' } | { type: 'timeout' };

export type SurveyCommand =
  | { type: 'play'; prompt: 'survey-ask' | 'survey-thanks' }
  | { type: 'stop-prompt' }
  | { type: 'start-timer'; seconds: number }
  | { type: 'cancel-timer' }
  | { type: 'answered'; key: string; result: CallbackResult }
  | { type: 'invalid-key'; key: string }
  /** Asked `tries` times without a valid key: no result. */
  | { type: 'no-answer'; reason: 'timeout' | 'invalid-key' }
  | { type: 'hangup' };

export interface SurveyStep {
  state: SurveyState;
  commands: SurveyCommand[];
}

export function startSurvey(): SurveyStep {
  return { state: { phase: 'asking', tries: 1 }, commands: [{ type: 'play', prompt: 'survey-ask' }] };
}

export function stepSurvey(state: SurveyState, input: SurveyInput, settings: SurveySettings): SurveyStep {
  switch (input.type) {
    case 'prompt-finished':
      if (state.phase === 'asking') return { state: { ...state, phase: 'waiting' }, commands: [{ type: 'start-timer', seconds: settings.timeoutSeconds }] };
      if (state.phase === 'thanking') return { state: { ...state, phase: 'done' }, commands: [{ type: 'hangup' }] };
      return { state, commands: [] };
    case 'timeout':
      return state.phase === 'waiting' ? askAgain(state, settings, [], 'timeout') : { state, commands: [] };
    case 'digit': {
      // Keys pressed during the thanks (or after) change nothing: the answer is already kept.
      if (state.phase !== 'asking' && state.phase !== 'waiting') return { state, commands: [] };
      const interrupt: SurveyCommand[] = state.phase === 'asking' ? [{ type: 'stop-prompt' }] : [{ type: 'cancel-timer' }];
      const result = surveyResultOfKey(input.digit);
      if (!result) return askAgain(state, settings, [...interrupt, { type: 'invalid-key', key: input.digit }], 'invalid-key');
      return {
        state: { ...state, phase: 'thanking' },
        commands: [...interrupt, { type: 'answered', key: input.digit, result }, { type: 'play', prompt: 'survey-thanks' }],
      };
    }
  }
}

function askAgain(state: SurveyState, settings: SurveySettings, before: SurveyCommand[], reason: 'timeout' | 'invalid-key'): SurveyStep {
  if (state.tries < settings.tries) {
    return { state: { phase: 'asking', tries: state.tries + 1 }, commands: [...before, { type: 'play', prompt: 'survey-ask' }] };
  }
  return { state: { ...state, phase: 'done' }, commands: [...before, { type: 'no-answer', reason }, { type: 'hangup' }] };
}
