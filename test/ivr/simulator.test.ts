import t from 'tap';
import { simulate, type SimulatorInput, type SimulatorOptions } from '../../src/ivr/simulator.js';
import { promptText } from '../../src/ivr/prompt-texts.js';
import { defaultCalendar } from '../../src/calendar/model.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';
import { beijing, kindsMenu } from '../helpers/menus.js';

const options = (local = '2025-09-30T10:00:00'): SimulatorOptions => ({
  at: beijing(local),
  calendar: (name) => (name === 'default' ? defaultCalendar : null),
  language: 'zh',
  ticketProgress: (digits) => (digits === '20261124' ? ['ticket-status-intro', `digits:${digits}`, 'ticket-status-handling'] : ['ticket-not-found']),
  promptText,
});
const run = (inputs: SimulatorInput[], local?: string) => simulate(kindsMenu(), inputs, options(local));
const path = (r: ReturnType<typeof run>) => r.steps.map((s) => `${s.input ? JSON.stringify(s.input) : '-'} ${s.nodeId}`);

t.test('no input: the caller rests at the menu, waiting for a key, having heard the welcome', (t) => {
  const r = run([]);
  t.same(path(r), ['- hours', '- main']);
  t.same(r.steps[1]!.played, [{ ref: 'welcome', text: promptText('welcome', 'zh') }]);
  t.match(r, { done: false, waitingFor: 'key' });
  t.end();
});

t.test('a key to a queue: the transfer prompt, then the queue outcome', (t) => {
  const r = run([{ digit: '1' }]);
  t.same(path(r), ['- hours', '- main', '{"digit":"1"} general']);
  t.match(r.steps[2], { label: '人工服务', kind: 'queue', played: [{ ref: 'transferring' }], outcome: { type: 'queue', queue: 'general' } });
  t.match(r, { done: true, waitingFor: null });
  t.end();
});

t.test('language: later prompts are read in English', (t) => {
  const r = run([{ digit: '2' }, { digit: '9' }]);
  t.same(path(r), ['- hours', '- main', '{"digit":"2"} english', '- main', '{"digit":"9"} main']);
  t.same(r.steps.map((s) => s.language), ['zh', 'zh', 'en', 'en', 'en']);
  t.equal(r.steps[3]!.played[0]!.text, promptText('welcome', 'en'));
  t.same(r.steps[4]!.played.map((p) => p.ref), ['invalid-key', 'welcome'], 'an invalid key: a step at the same node');
  t.end();
});

t.test('transfer: waits for the outcome; answered ends there, failed returns to the fallback', (t) => {
  const ringing = run([{ digit: '5' }]);
  t.match(ringing, { done: false, waitingFor: 'transfer' });
  const answered = run([{ digit: '5' }, { transfer: 'answered' }]);
  t.match(answered.steps.at(-1), { input: { transfer: 'answered' }, nodeId: 'to-12315', outcome: { type: 'transfer', target: '12315' } });
  t.match(answered, { done: true, waitingFor: null });
  const failed = run([{ digit: '5' }, { transfer: 'failed' }]);
  t.same(path(failed).slice(-1), ['{"transfer":"failed"} main']);
  t.match(failed, { done: false, waitingFor: 'key' });
  t.end();
});

t.test('hours: out of hours, at the moment given, the message node runs to its end', (t) => {
  const r = run([], '2025-10-04T10:00:00');
  t.same(path(r), ['- hours', '- after-hours']);
  t.same(r.steps[1]!.played.map((p) => p.ref), ['after-hours', 'message-thanks']);
  t.match(r.steps[1], { outcome: { type: 'message' } });
  t.match(r, { done: true, waitingFor: null });
  t.end();
});

t.test('timeouts count as tries; the fallback follows', (t) => {
  const r = run([{ timeout: true }, { timeout: true }]);
  t.same(r.steps[2]!.played.map((p) => p.ref), ['no-input', 'welcome']);
  t.match(r.steps.at(-1), { input: { timeout: true }, nodeId: 'general', outcome: { type: 'queue', queue: 'general' } });
  t.end();
});

t.test('digits for a lookup: one step for "20261124#", the answer read back, then the menu', (t) => {
  const r = simulate(defaultMenu, [{ digit: '4' }, { digit: '20261124#' }], options());
  t.same(path(r), ['- main', '{"digit":"4"} ticket-progress', '{"digit":"20261124#"} ticket-progress', '- main']);
  t.same(r.steps[2]!.played.map((p) => [p.ref, p.text]), [
    ['ticket-status-intro', '您查询的工单'],
    ['digits:20261124', '20261124'],
    ['ticket-status-handling', '正在办理中。'],
  ]);
  t.match(simulate(defaultMenu, [{ digit: '4' }, { digit: '123' }], options()), { waitingFor: 'digits' });
  t.end();
});

t.test('inputs after the end are ignored; the text lookup can be swapped', (t) => {
  const r = simulate(kindsMenu(), [{ digit: '1' }, { digit: '2' }], { ...options(), promptText: (ref, lang) => `${lang}:${ref}` });
  t.equal(r.steps.length, 3);
  t.equal(r.steps[2]!.played[0]!.text, 'zh:transferring');
  t.end();
});
