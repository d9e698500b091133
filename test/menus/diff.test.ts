import t from 'tap';
import { defaultMenu } from '../../src/ivr/default-menu.js';
import type { MenuDefinition } from '../../src/ivr/model.js';
import { diffMenus, summarizeDiff } from '../../src/menus/diff.js';

const edited = (change: (menu: MenuDefinition) => void) => {
  const menu = structuredClone(defaultMenu);
  change(menu);
  return menu;
};

t.test('the same menu has no change', async (t) => {
  const diff = diffMenus(defaultMenu, structuredClone(defaultMenu));
  t.same(diff, { start: null, nodes: [] });
  t.equal(summarizeDiff(diff), 'no change');
});

t.test('key 3 moved to a new hours node: one node added, one key changed', async (t) => {
  const after = edited((menu) => {
    menu.nodes.push({ id: 'office-hours', kind: 'hours', label: '工作时间', calendar: 'default', open: 'enterprise', closed: 'general' });
    const main = menu.nodes[0]!;
    if (main.kind === 'menu') main.keys['3'] = 'office-hours';
  });
  const diff = diffMenus(defaultMenu, after);
  t.same(diff.nodes, [
    { nodeId: 'main', change: 'changed', label: '主菜单', kind: 'menu', fields: [{ field: 'keys.3', from: 'enterprise', to: 'office-hours' }] },
    { nodeId: 'office-hours', change: 'added', label: '工作时间', kind: 'hours' },
  ]);
  t.equal(summarizeDiff(diff), 'added office-hours; changed main (keys.3)');
});

t.test('a removed key, a new key and a changed prompt are each named with old and new values', async (t) => {
  const after = edited((menu) => {
    const main = menu.nodes[0]!;
    if (main.kind !== 'menu') throw new Error('main is a menu');
    delete main.keys['9'];
    main.keys['5'] = 'general';
    main.prompt = ['welcome-2026'];
    main.timeoutSeconds = 10;
  });
  const [main] = diffMenus(defaultMenu, after).nodes;
  t.same(main, {
    nodeId: 'main',
    change: 'changed',
    label: '主菜单',
    kind: 'menu',
    fields: [
      { field: 'prompt', from: ['welcome'], to: ['welcome-2026'] },
      { field: 'keys.5', from: null, to: 'general' },
      { field: 'keys.9', from: 'main', to: null },
      { field: 'timeoutSeconds', from: 8, to: 10 },
    ],
  });
});

t.test('a node removed, the start moved, and a node whose kind changed', async (t) => {
  const after = edited((menu) => {
    menu.nodes = menu.nodes.filter((n) => n.id !== 'english');
    menu.nodes.push({ id: 'greeting', kind: 'play', label: '问候', prompt: ['welcome'], next: 'main' });
    menu.start = 'greeting';
    const operator = menu.nodes.findIndex((n) => n.id === 'operator');
    menu.nodes[operator] = { id: 'operator', kind: 'hangup', label: '人工服务' };
  });
  const diff = diffMenus(defaultMenu, after);
  t.same(diff.start, { from: 'main', to: 'greeting' });
  t.match(diff.nodes, [
    { nodeId: 'operator', change: 'changed', fields: [{ field: 'kind', from: 'queue', to: 'hangup' }, { field: 'queue', from: 'general', to: null }, { field: 'prompt' }] },
    { nodeId: 'greeting', change: 'added' },
    { nodeId: 'english', change: 'removed', label: 'English service' },
  ]);
  t.equal(summarizeDiff(diff), 'start main → greeting; added greeting; removed english; changed operator (kind, queue, prompt)');
});
