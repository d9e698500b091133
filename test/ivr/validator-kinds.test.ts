import t from 'tap';
import { validateMenu, type MenuContext } from '../../src/ivr/validator.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';

// The transfer, hours, language and message kinds, and the rules that span the whole graph.
const ctx: MenuContext = {
  queues: new Set(['general', 'foreign-language', 'enterprise']),
  targets: new Set(['110', '12315']),
  calendars: new Set(['default']),
  languages: new Set(['zh', 'en']),
};
type Raw = { name: string; start: string; nodes: Array<Record<string, unknown>> };

/** The shipped menu behind an hours check and a language choice, with a transfer and a message node. */
function full(): Raw {
  const menu = structuredClone(defaultMenu) as unknown as Raw;
  menu.start = 'hours';
  const main = menu.nodes.find((n) => n.id === 'main')!;
  (main.keys as Record<string, string>)['2'] = 'english';
  (main.keys as Record<string, string>)['5'] = 'to-12315';
  menu.nodes.find((n) => n.id === 'english')!.kind = 'language';
  Object.assign(menu.nodes.find((n) => n.id === 'english')!, { language: 'en', next: 'main', queue: undefined, prompt: undefined });
  menu.nodes.push(
    { id: 'hours', kind: 'hours', label: '工作时间', calendar: 'default', open: 'main', closed: 'after-hours' },
    { id: 'after-hours', kind: 'message', label: '非工作时间留言', prompt: ['after-hours'], maxSeconds: 120, thanksPrompt: ['message-thanks'] },
    { id: 'to-12315', kind: 'transfer', label: '转12315', target: '12315', prompt: ['transferring'], fallback: 'main' },
  );
  return menu;
}
const node = (menu: Raw, id: string) => menu.nodes.find((n) => n.id === id)!;
const messages = (menu: unknown, c: MenuContext = ctx) => {
  const r = validateMenu(menu, c);
  return r.ok ? [] : r.errors.map((e) => e.message);
};

t.test('a menu with every new kind is valid', (t) => {
  t.same(messages(full()), []);
  t.end();
});

t.test('a transfer names an existing linkage target and leads on to an existing fallback', (t) => {
  const m = full();
  Object.assign(node(m, 'to-12315'), { target: '999', fallback: 'nowhere' });
  t.same(messages(m), ['node "to-12315" target: no such linkage target "999"', 'node "to-12315" fallback: leads to unknown node "nowhere"']);
  t.end();
});

t.test('an hours node names an existing calendar and both branches exist', (t) => {
  const m = full();
  Object.assign(node(m, 'hours'), { calendar: 'weekend', open: 'x', closed: undefined });
  t.same(messages(m), ['node "hours" calendar: no such calendar "weekend"', 'node "hours" open: leads to unknown node "x"', 'node "hours" closed: leads to unknown node undefined']);
  t.end();
});

t.test('a language node switches to a configured language', (t) => {
  const m = full();
  node(m, 'english').language = 'fr';
  t.same(messages(m), ['node "english" language: no such language "fr"']);
  t.end();
});

t.test('a message node has its prompts and a maximum length in range', (t) => {
  const m = full();
  Object.assign(node(m, 'after-hours'), { maxSeconds: 3600, thanksPrompt: [] });
  t.same(messages(m), ['node "after-hours" thanksPrompt: must be a non-empty list of prompts', 'node "after-hours" maxSeconds: must be a whole number from 5 to 300']);
  node(m, 'after-hours').thanksPrompt = ['message-thanks'];
  node(m, 'after-hours').maxSeconds = 2;
  t.same(messages(m), ['node "after-hours" maxSeconds: must be a whole number from 5 to 300']);
  t.end();
});

t.test('without a set in the context, nothing of that sort exists', (t) => {
  t.same(messages(full(), { queues: ctx.queues }), [
    'node "english" language: no such language "en"',
    'node "hours" calendar: no such calendar "default"',
    'node "to-12315" target: no such linkage target "12315"',
  ]);
  t.end();
});

t.test('prompts are checked against the prompts store only when one is given', (t) => {
  const both = new Set(['zh', 'en']);
  const names = ['welcome', 'no-input', 'invalid-key', 'transferring', 'transferring-enterprise', 'enter-ticket-number', 'ticket-number-invalid', 'message-thanks'];
  const prompts = new Map(names.map((n) => [n, both]));
  t.same(messages(full(), { ...ctx, prompts }), ['node "after-hours" prompt[0]: no such prompt "after-hours"']);
  const m = full();
  node(m, 'after-hours').prompt = ['digits:12345'];
  t.same(messages(m, { ...ctx, prompts }), [], 'digits: and number: media need no prompt');
  // The menu switches to English, so a prompt recorded only in Mandarin would leave an English caller in silence.
  prompts.set('message-thanks', new Set(['zh']));
  t.same(messages(m, { ...ctx, prompts, defaultLanguage: 'zh' }), ['node "after-hours" thanksPrompt[0]: prompt "message-thanks" is not recorded in en, a language callers of this menu may be in']);
  t.end();
});

t.test('a node only the new kinds lead to is reachable; one nothing leads to is not', (t) => {
  const m = full();
  delete (node(m, 'main').keys as Record<string, string>)['5'];
  t.same(messages(m), ['node "to-12315" id: cannot be reached from the start node "hours"']);
  t.end();
});

t.test('loops of automatic edges are refused, naming each node and field on the loop', (t) => {
  let m = full();
  // hours.closed → language → hours: a caller outside hours would go round for ever.
  node(m, 'hours').closed = 'english';
  node(m, 'english').next = 'hours';
  node(m, 'main').keys = { ...(node(m, 'main').keys as object), '7': 'after-hours' };
  t.same(messages(m), [
    'node "english" next: goes round a loop that never waits for a key: english → hours → english',
    'node "hours" closed: goes round a loop that never waits for a key: hours → english → hours',
  ]);

  m = full();
  // A failing transfer whose fallback dials it again.
  node(m, 'to-12315').fallback = 'to-12315';
  t.same(messages(m), ['node "to-12315" fallback: goes round a loop that never waits for a key: to-12315 → to-12315']);

  m = full();
  // A silent caller: main's fallback → ticket-progress, whose next (after its tries) → main.
  node(m, 'main').fallback = 'ticket-progress';
  t.match(messages(m), [/node "main" fallback: goes round a loop that never waits for a key: main → ticket-progress → main/, /node "ticket-progress" next: goes round a loop/]);
  t.end();
});

t.test('a loop broken by a key press is fine', (t) => {
  const m = full();
  // english → main is automatic, main → english by key 2: the caller chooses each round.
  t.same(messages(m), []);
  t.end();
});
