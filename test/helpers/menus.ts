import type { MenuDefinition } from '../../src/ivr/model.js';

/**
 * A menu using every node kind: outside the default calendar's hours the caller may leave a
 * message; inside, 2 switches to English (and the menu plays again), 5 puts them through to
 * 12315 (back to the menu if 12315 does not answer), 1 reaches the general queue.
 */
export function kindsMenu(timeoutSeconds = 5): MenuDefinition {
  return {
    name: '12345',
    start: 'hours',
    nodes: [
      { id: 'hours', kind: 'hours', label: '工作时间', calendar: 'default', open: 'main', closed: 'after-hours' },
      {
        id: 'main',
        kind: 'menu',
        label: '主菜单',
        prompt: ['welcome'],
        keys: { '1': 'general', '2': 'english', '5': 'to-12315' },
        timeoutSeconds,
        maxTries: 2,
        timeoutPrompt: ['no-input'],
        invalidPrompt: ['invalid-key'],
        fallback: 'general',
      },
      { id: 'english', kind: 'language', label: 'English', language: 'en', next: 'main' },
      { id: 'general', kind: 'queue', label: '人工服务', queue: 'general', prompt: ['transferring'] },
      { id: 'to-12315', kind: 'transfer', label: '12315 市场监管', target: '12315', prompt: ['transferring-linkage'], fallback: 'main' },
      { id: 'after-hours', kind: 'message', label: '非工作时间留言', prompt: ['after-hours'], maxSeconds: 60, thanksPrompt: ['message-thanks'] },
    ],
  };
}

/** Beijing time, as the calendar reads it. */
export const beijing = (local: string) => Date.parse(`${local}+08:00`);
