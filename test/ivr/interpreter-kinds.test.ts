import t from 'tap';
import { startIvr, stepIvr, type IvrContext, type IvrInput } from '../../src/ivr/interpreter.js';
import { defaultCalendar } from '../../src/calendar/model.js';
import { beijing, kindsMenu } from '../helpers/menus.js';

const menu = kindsMenu();
const ctxAt = (local: string): IvrContext => ({ now: beijing(local), calendar: (name) => (name === 'default' ? defaultCalendar : null), language: 'zh' });
const open = ctxAt('2025-09-30T10:00:00');
const finished: IvrInput = { type: 'prompt-finished' };
const digit = (d: string): IvrInput => ({ type: 'digit', digit: d });

function run(ctx: IvrContext, ...inputs: IvrInput[]) {
  let { state, commands } = startIvr(menu, ctx);
  const all = [...commands];
  for (const input of inputs) {
    ({ state, commands } = stepIvr(menu, state, input, ctx));
    all.push(...commands);
  }
  return { state, commands: all, last: commands };
}
const entered = (commands: Array<{ type: string; nodeId?: string }>) => commands.filter((c) => c.type === 'enter-node').map((c) => c.nodeId);

t.test('hours: the calendar at the given moment picks the branch, and no clock is read', (t) => {
  t.same(entered(run(open).commands), ['hours', 'main']);
  t.same(entered(run(ctxAt('2025-09-30T12:15:00')).commands), ['hours', 'after-hours'], 'lunch break');
  t.same(entered(run(ctxAt('2025-10-04T10:00:00')).commands), ['hours', 'after-hours'], 'Saturday');
  const missing: IvrContext = { ...open, calendar: () => null };
  t.same(entered(run(missing).commands), ['hours', 'main'], 'a calendar gone since publishing counts as open');
  t.end();
});

t.test('language: set for the rest of the call, and the menu plays again', (t) => {
  const { state, last } = run(open, finished, digit('2'));
  t.same(last, [
    { type: 'cancel-timer' },
    { type: 'enter-node', nodeId: 'english', kind: 'language', label: 'English', key: '2' },
    { type: 'set-language', language: 'en' },
    { type: 'enter-node', nodeId: 'main', kind: 'menu', label: '主菜单', key: null },
    { type: 'play', prompt: ['welcome'] },
  ]);
  t.equal(state.language, 'en');
  t.equal(run(open, digit('2'), digit('7')).state.language, 'en', 'kept through retries');
  t.equal(startIvr(menu, { ...open, language: 'en' }).state.language, 'en', 'a call can start in a language (recovery)');
  t.end();
});

t.test('transfer: prompt, then dial; answered ends the menu, failed goes on at the fallback', (t) => {
  const dialling = run(open, digit('5'), finished);
  t.same(dialling.last, [{ type: 'transfer', target: '12315' }]);
  t.equal(dialling.state.phase, 'transferring');
  t.same(stepIvr(menu, dialling.state, digit('1'), open).commands, [], 'keys while it rings do nothing');
  const answered = stepIvr(menu, dialling.state, { type: 'transfer-result', answered: true }, open);
  t.same(answered.commands, []);
  t.equal(answered.state.phase, 'done');
  const failed = stepIvr(menu, dialling.state, { type: 'transfer-result', answered: false }, open);
  t.match(failed.commands, [{ type: 'enter-node', nodeId: 'main', key: null }, { type: 'play', prompt: ['welcome'] }]);
  t.end();
});

t.test('message: prompt, record, thanks, hang up as a message left', (t) => {
  const closed = ctxAt('2025-10-04T10:00:00');
  let { state, last } = run(closed, digit('1'));
  t.same(last, [], 'keys do not skip the instructions');
  ({ state, last } = run(closed, finished));
  t.same(last, [{ type: 'record-message', maxSeconds: 60 }]);
  let step = stepIvr(menu, state, digit('#'), closed);
  t.same(step.commands, [], '# is Asterisk’s, to end the recording');
  step = stepIvr(menu, state, { type: 'message-recorded' }, closed);
  t.same(step.commands, [{ type: 'play', prompt: ['message-thanks'] }]);
  step = stepIvr(menu, step.state, finished, closed);
  t.same(step.commands, [{ type: 'hangup', messageLeft: true }]);
  t.equal(step.state.phase, 'done');
  t.end();
});
