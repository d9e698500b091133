import t from 'tap';
import { defaultMenu } from '../../src/ivr/default-menu.js';
import type { MenuDefinition } from '../../src/ivr/model.js';
import { promptRefs } from '../../src/prompts/usage.js';

t.test('every prompt field of every node counts, media URIs do not', async (t) => {
  const menu: MenuDefinition = {
    ...structuredClone(defaultMenu),
    nodes: [
      ...structuredClone(defaultMenu.nodes),
      { id: 'leave-message', kind: 'message', label: '留言', prompt: ['leave-after-tone', 'digits:12345'], maxSeconds: 60, thanksPrompt: ['message-thanks', 'number:3'] },
    ],
  };
  const refs = promptRefs(menu);
  t.same(
    refs.filter((r) => r.nodeId === 'main').map((r) => r.name),
    ['welcome', 'no-input', 'invalid-key'],
    'prompt, timeoutPrompt and invalidPrompt of the main menu',
  );
  t.same(refs.filter((r) => r.nodeId === 'leave-message').map((r) => r.name), ['leave-after-tone', 'message-thanks'], 'thanksPrompt too; digits: and number: are not prompts');
  t.same(refs.filter((r) => r.nodeId === 'operator'), [{ name: 'transferring', nodeId: 'operator' }]);
  t.notOk(refs.some((r) => r.name.includes(':')));
});
