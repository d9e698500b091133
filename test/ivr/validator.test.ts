import t from 'tap';
import { validateMenu } from '../../src/ivr/validator.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';

const queues = new Set(['general', 'foreign-language', 'enterprise']);
const clone = () => structuredClone(defaultMenu) as unknown as { name: string; start: string; nodes: Array<Record<string, unknown>> };
const node = (menu: ReturnType<typeof clone>, id: string) => menu.nodes.find((n) => n.id === id)!;
const messages = (input: unknown) => {
  const r = validateMenu(input, { queues });
  return r.ok ? [] : r.errors.map((e) => e.message);
};

t.test('the shipped menu is valid', (t) => {
  t.match(validateMenu(defaultMenu, { queues }), { ok: true });
  t.end();
});

t.test('each problem names its node and field', (t) => {
  let m = clone();
  (node(m, 'main').keys as Record<string, string>)['7'] = 'nowhere';
  t.same(messages(m), ['node "main" key "7": leads to unknown node "nowhere"']);

  m = clone();
  node(m, 'enterprise').queue = 'vip';
  t.same(messages(m), ['node "enterprise" queue: no such queue "vip"']);

  m = clone();
  node(m, 'main').timeoutSeconds = 0;
  node(m, 'main').maxTries = 12;
  t.same(messages(m), ['node "main" timeoutSeconds: must be a whole number from 1 to 60', 'node "main" maxTries: must be a whole number from 1 to 9']);

  m = clone();
  (node(m, 'main').keys as Record<string, string>).x = 'main';
  t.same(messages(m), ['node "main" key "x": is not a phone key (0–9, * or #)']);

  m = clone();
  node(m, 'ticket-progress').minDigits = 30;
  node(m, 'ticket-progress').maxDigits = 20;
  t.same(messages(m), ['node "ticket-progress" minDigits: must not be more than maxDigits']);

  m = clone();
  node(m, 'main').prompt = ['Welcome!'];
  t.same(messages(m), ['node "main" prompt[0]: "Welcome!" is not a prompt name or digits:/number: media']);

  m = clone();
  node(m, 'main').kind = 'ivr';
  t.same(messages(m), ['node "main" kind: must be one of menu, queue, play, collect, hangup, transfer, hours, language, message']);
  t.end();
});

t.test('graph rules: start, duplicates, unreachable nodes, silent loops', (t) => {
  let m = clone();
  m.start = 'nope';
  t.same(messages(m), ['start: leads to unknown node "nope"']);

  m = clone();
  m.nodes.push({ ...node(m, 'general') });
  t.same(messages(m), ['node "general" id: is used by more than one node']);

  m = clone();
  m.nodes.push({ id: 'orphan', kind: 'hangup', label: '挂机' });
  t.same(messages(m), ['node "orphan" id: cannot be reached from the start node "main"']);

  m = clone();
  m.nodes.push({ id: 'a', kind: 'play', label: 'a', prompt: ['welcome'], next: 'b' }, { id: 'b', kind: 'play', label: 'b', prompt: ['welcome'], next: 'a' });
  (node(m, 'main').keys as Record<string, string>)['5'] = 'a';
  t.same(messages(m), ['node "a" next: goes round a loop that never waits for a key: a → b → a', 'node "b" next: goes round a loop that never waits for a key: b → a → b']);

  m = clone();
  node(m, 'main').fallback = 'main';
  t.same(messages(m), ['node "main" fallback: must lead elsewhere: a silent caller would hear this menu forever']);
  t.end();
});

t.test('structure errors are all reported, not just the first', (t) => {
  t.same(messages(null), ['menu: must be an object with name, start and nodes']);
  t.same(messages({ name: '12345', start: 'main', nodes: [] }), ['nodes: must be a non-empty list of nodes']);
  const r = messages({ name: 'bad name!', start: 'main', nodes: [{ id: 'main', kind: 'menu', label: '' }] });
  t.ok(r.length >= 5);
  t.match(r, ['name: must be 1–40 letters, digits, - or _', 'node "main" label: must be 1–60 characters']);
  t.end();
});
