import type { MenuDefinition } from './model.js';

/** The shipped 12345 menu: seed data for an empty database, edited afterwards through the API. */
export const defaultMenu: MenuDefinition = {
  name: '12345',
  start: 'main',
  nodes: [
    {
      id: 'main',
      kind: 'menu',
      label: '主菜单',
      prompt: ['welcome'],
      keys: { '1': 'general', '2': 'english', '3': 'enterprise', '4': 'ticket-progress', '9': 'main', '0': 'operator' },
      timeoutSeconds: 8,
      maxTries: 3,
      timeoutPrompt: ['no-input'],
      invalidPrompt: ['invalid-key'],
      fallback: 'operator',
    },
    { id: 'general', kind: 'queue', label: '普通话咨询、投诉、求助', queue: 'general', prompt: ['transferring'] },
    { id: 'english', kind: 'queue', label: 'English service', queue: 'foreign-language', prompt: ['transferring-en'] },
    { id: 'enterprise', kind: 'queue', label: '企业诉求/营商环境专线', queue: 'enterprise', prompt: ['transferring-enterprise'] },
    {
      id: 'ticket-progress',
      kind: 'collect',
      label: '工单进度查询',
      prompt: ['enter-ticket-number'],
      minDigits: 6,
      maxDigits: 20,
      terminator: '#',
      timeoutSeconds: 10,
      maxTries: 3,
      invalidPrompt: ['ticket-number-invalid'],
      action: 'ticket-progress',
      next: 'main',
    },
    { id: 'operator', kind: 'queue', label: '人工服务', queue: 'general', prompt: ['transferring'] },
  ],
};
