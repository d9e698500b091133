import t from 'tap';
import { startSurvey, stepSurvey, type SurveyInput, type SurveyStep } from '../../src/survey/post-call.js';

const settings = { timeoutSeconds: 8, tries: 2 };

/** The survey from its start through `inputs`: every command issued, in order. */
function walk(...inputs: SurveyInput[]): SurveyStep {
  let step = startSurvey();
  const commands = [...step.commands];
  for (const input of inputs) {
    step = stepSurvey(step.state, input, settings);
    commands.push(...step.commands);
  }
  return { state: step.state, commands };
}

const key = (digit: string): SurveyInput => ({ type: 'digit', digit });
const finished: SurveyInput = { type: 'prompt-finished' };
const timeout: SurveyInput = { type: 'timeout' };

t.test('a key during the question stops it, is kept, and the thanks ends the call', async (t) => {
  t.same(walk(key('1'), finished).commands, [
    { type: 'play', prompt: 'survey-ask' },
    { type: 'stop-prompt' },
    { type: 'answered', key: '1', result: 'satisfied' },
    { type: 'play', prompt: 'survey-thanks' },
    { type: 'hangup' },
  ]);
});

t.test('a key after the question cancels the timer; 2 and 3 are the other two results', async (t) => {
  t.match(walk(finished, key('2')).commands.slice(1), [{ type: 'start-timer', seconds: 8 }, { type: 'cancel-timer' }, { type: 'answered', result: 'basically-satisfied' }]);
  t.match(walk(finished, key('3')).commands.slice(3), [{ type: 'answered', result: 'dissatisfied' }]);
});

t.test('silence: asked once more, then no answer and hang up; a late timeout or prompt end changes nothing', async (t) => {
  const step = walk(finished, timeout, finished, timeout);
  t.same(step.commands.map((c) => c.type), ['play', 'start-timer', 'play', 'start-timer', 'no-answer', 'hangup']);
  t.match(step.commands[4], { reason: 'timeout' });
  t.same(stepSurvey(step.state, timeout, settings).commands, []);
  t.same(stepSurvey(step.state, key('1'), settings).commands, [], 'a key after the end is not a result');
  t.same(stepSurvey(walk().state, timeout, settings).commands, [], 'no timeout while the question plays');
});

t.test('a wrong key is noted and the question asked again; a second wrong key ends without a result', async (t) => {
  const step = walk(key('9'), finished, key('*'));
  t.same(step.commands, [
    { type: 'play', prompt: 'survey-ask' },
    { type: 'stop-prompt' },
    { type: 'invalid-key', key: '9' },
    { type: 'play', prompt: 'survey-ask' },
    { type: 'start-timer', seconds: 8 },
    { type: 'cancel-timer' },
    { type: 'invalid-key', key: '*' },
    { type: 'no-answer', reason: 'invalid-key' },
    { type: 'hangup' },
  ]);
});

t.test('keys during the thanks are ignored', async (t) => {
  const thanking = walk(key('1')).state;
  t.same(stepSurvey(thanking, key('3'), settings).commands, []);
  t.equal(thanking.phase, 'thanking');
});
