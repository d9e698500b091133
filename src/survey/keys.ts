import type { CallbackResult } from '../tickets/lifecycle.js';

// One satisfaction scale for both surveys, the one after a call and the 智能回访 of a
// closed ticket, so the reports can add them up: 1 满意, 2 基本满意, 3 不满意.
const byKey: Record<string, CallbackResult> = { '1': 'satisfied', '2': 'basically-satisfied', '3': 'dissatisfied' };

/** The result a key stands for; null for any other key. */
export function surveyResultOfKey(key: string): CallbackResult | null {
  return byKey[key] ?? null;
}
