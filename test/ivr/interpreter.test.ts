import t from 'tap';
import { startIvr, stepIvr, type IvrContext, type IvrInput, type IvrState } from '../../src/ivr/interpreter.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';

const ctx: IvrContext = { now: 0, calendar: () => null, language: 'zh' };

/** Feeds inputs to the default menu and returns every command, in order. */
function run(...inputs: IvrInput[]) {
  let { state, commands } = startIvr(defaultMenu, ctx);
  const all = [...commands];
  for (const input of inputs) {
    ({ state, commands } = stepIvr(defaultMenu, state, input, ctx));
    all.push(...commands);
  }
  return { state, commands: all, last: commands };
}
const digit = (d: string): IvrInput => ({ type: 'digit', digit: d });
const finished: IvrInput = { type: 'prompt-finished' };
const timeout: IvrInput = { type: 'timeout' };

t.test('the call starts in the main menu with the welcome prompt', (t) => {
  const { commands, state } = run();
  t.same(commands, [
    { type: 'enter-node', nodeId: 'main', kind: 'menu', label: '主菜单', key: null },
    { type: 'play', prompt: ['welcome'] },
  ]);
  t.match(state, { nodeId: 'main', phase: 'prompt' });
  t.end();
});

t.test('caller presses 3 during the welcome prompt: prompt stopped, enterprise queue', (t) => {
  const { commands, last } = run(digit('3'), finished);
  t.same(commands.slice(2, 5), [
    { type: 'stop-prompt' },
    { type: 'enter-node', nodeId: 'enterprise', kind: 'queue', label: '企业诉求/营商环境专线', key: '3' },
    { type: 'play', prompt: ['transferring-enterprise'] },
  ]);
  t.same(last, [{ type: 'queue', queue: 'enterprise' }]);
  t.end();
});

t.test('keys 1, 2 and 0 lead to their queues after the prompt ends', (t) => {
  for (const [key, queue] of [['1', 'general'], ['2', 'foreign-language'], ['0', 'general']] as const) {
    const { last, state } = run(finished, digit(key), finished);
    t.same(last, [{ type: 'queue', queue }], `key ${key}`);
    t.equal(state.phase, 'done');
  }
  t.end();
});

t.test('9 repeats the menu', (t) => {
  const { last, state } = run(finished, digit('9'));
  t.same(last, [
    { type: 'cancel-timer' },
    { type: 'enter-node', nodeId: 'main', kind: 'menu', label: '主菜单', key: '9' },
    { type: 'play', prompt: ['welcome'] },
  ]);
  t.equal(state.tries, 0);
  t.end();
});

t.test('silence: a retry prompt, then after 3 tries the operator queue', (t) => {
  const first = run(finished);
  t.same(first.last, [{ type: 'start-timer', seconds: 8 }]);
  const second = run(finished, timeout);
  t.same(second.last, [{ type: 'play', prompt: ['no-input', 'welcome'] }]);
  const third = run(finished, timeout, finished, timeout, finished, timeout, finished);
  t.same(third.commands.filter((c) => c.type === 'enter-node').map((c) => c.type === 'enter-node' && c.nodeId), ['main', 'operator']);
  t.same(third.last, [{ type: 'queue', queue: 'general' }]);
  t.end();
});

t.test('an invalid key says so and counts as a try; a valid key during the retry prompt barges in', (t) => {
  const invalid = run(digit('7'));
  t.same(invalid.last, [{ type: 'stop-prompt' }, { type: 'play', prompt: ['invalid-key', 'welcome'] }]);
  t.equal(invalid.state.tries, 1);
  const recovered = run(digit('7'), digit('1'));
  t.same(recovered.last.slice(0, 2), [{ type: 'stop-prompt' }, { type: 'enter-node', nodeId: 'general', kind: 'queue', label: '普通话咨询、投诉、求助', key: '1' }]);
  const exhausted = run(digit('7'), digit('8'), digit('*'));
  t.match(exhausted.last[1], { type: 'enter-node', nodeId: 'operator', key: null });
  t.end();
});

t.test('ticket progress: digits and # run the lookup, its answer plays, then the menu again', (t) => {
  const keyed = run(digit('4'), finished, ...[...'20261124'].map(digit), digit('#'));
  t.same(keyed.last, [{ type: 'cancel-timer' }, { type: 'run-action', action: 'ticket-progress', digits: '20261124' }]);
  let { state } = keyed;
  let step = stepIvr(defaultMenu, state, { type: 'action-result', prompt: ['ticket-not-found'] }, ctx);
  t.same(step.commands, [{ type: 'play', prompt: ['ticket-not-found'] }]);
  state = step.state;
  step = stepIvr(defaultMenu, state, finished, ctx);
  t.match(step.commands[0], { type: 'enter-node', nodeId: 'main', key: null });
  t.end();
});

t.test('ticket progress: digits barge in on the prompt; too few digits ask again', (t) => {
  const barge = run(digit('4'), digit('1'));
  t.same(barge.last, [{ type: 'stop-prompt' }, { type: 'start-timer', seconds: 10 }]);
  const short = run(digit('4'), digit('1'), digit('2'), digit('#'));
  t.same(short.last, [{ type: 'cancel-timer' }, { type: 'play', prompt: ['ticket-number-invalid', 'enter-ticket-number'] }]);
  t.equal(short.state.digits, '');
  const pause = run(digit('4'), ...[...'123456'].map(digit), timeout);
  t.same(pause.last, [{ type: 'run-action', action: 'ticket-progress', digits: '123456' }]);
  t.end();
});

t.test('input that makes no sense is ignored and never throws', (t) => {
  const { state } = run();
  t.same(stepIvr(defaultMenu, state, timeout, ctx).commands, []);
  t.same(stepIvr(defaultMenu, state, { type: 'action-result', prompt: ['x'] }, ctx).commands, []);
  const done: IvrState = { ...state, phase: 'done' };
  t.same(stepIvr(defaultMenu, done, digit('1'), ctx).commands, []);
  t.same(stepIvr(defaultMenu, { ...state, nodeId: 'gone' }, digit('1'), ctx).commands, []);
  t.end();
});
