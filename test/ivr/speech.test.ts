import t from 'tap';
import { promptMedia, spokenDigits, spokenNumber } from '../../src/ivr/speech.js';

const zh = { prefix: 'hotline', language: 'zh' };
const en = { prefix: 'hotline', language: 'en' };
const d = (n: number | string) => `sound:hotline/zh/digit-${n}`;
const ten = 'sound:hotline/zh/ten';

t.test('Mandarin numbers are read as words up to 99', (t) => {
  t.same(spokenNumber(0, zh), [d(0)]);
  t.same(spokenNumber(7, zh), [d(7)]);
  t.same(spokenNumber(10, zh), [ten]);
  t.same(spokenNumber(12, zh), [ten, d(2)]);
  t.same(spokenNumber(20, zh), [d(2), ten]);
  t.same(spokenNumber(23, zh), [d(2), ten, d(3)]);
  t.same(spokenNumber(105, zh), [d(1), d(0), d(5)]);
  t.end();
});

t.test('English reads digits from our own prompts, not from Asterisk sound packs', (t) => {
  t.same(spokenNumber(23, en), ['sound:hotline/en/digit-2', 'sound:hotline/en/digit-3']);
  t.same(spokenDigits('2026', en), ['sound:hotline/en/digit-2', 'sound:hotline/en/digit-0', 'sound:hotline/en/digit-2', 'sound:hotline/en/digit-6']);
  t.end();
});

t.test('prompt refs become sound URIs; media URIs pass through', (t) => {
  t.same(promptMedia('welcome', zh), ['sound:hotline/zh/welcome']);
  t.same(promptMedia('digits:12', zh), [d(1), d(2)]);
  t.same(promptMedia('sound:beep', zh), ['sound:beep']);
  t.end();
});
