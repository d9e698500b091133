import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { promptTexts } from '../../src/ivr/prompt-texts.js';

const run = promisify(execFile);

t.test('every prompt the menu and queues use is synthesised as 8 kHz mono 16-bit WAV, in Mandarin and English', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'hotline-prompts-'));
  await run(process.execPath, ['--import', 'tsx', 'scripts/make-prompts.ts', out], { timeout: 120_000 });
  for (const name of Object.keys(promptTexts)) {
    for (const lang of ['zh', 'en']) t.ok(existsSync(join(out, 'hotline', lang, `${name}.wav`)), `${lang}/${name}.wav`);
  }
  const { stdout } = await run('soxi', [join(out, 'hotline', 'zh', 'welcome.wav')]);
  t.match(stdout, /Channels\s+: 1/);
  t.match(stdout, /Sample Rate\s+: 8000/);
  t.match(stdout, /Precision\s+: 16-bit/);
  const { stdout: duration } = await run('soxi', ['-D', join(out, 'hotline', 'zh', 'welcome.wav')]);
  t.ok(Number(duration) > 5, 'the welcome prompt is speech, not silence');
});

t.test('a second run keeps the prompt files already there (an admin may have replaced them); --force rewrites them', async (t) => {
  const out = mkdtempSync(join(tmpdir(), 'hotline-prompts-'));
  t.teardown(() => rmSync(out, { recursive: true, force: true }));
  await run(process.execPath, ['--import', 'tsx', 'scripts/make-prompts.ts', out], { timeout: 120_000 });
  const welcome = join(out, 'hotline', 'zh', 'welcome.wav');
  writeFileSync(welcome, 'an admin’s upload');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/make-prompts.ts', out], { timeout: 120_000 });
  t.match(stdout, /^0 prompt files written, \d+ already there kept/);
  t.equal(readFileSync(welcome, 'utf8'), 'an admin’s upload');
  await run(process.execPath, ['--import', 'tsx', 'scripts/make-prompts.ts', '--force', out], { timeout: 120_000 });
  t.equal(readFileSync(welcome).subarray(0, 4).toString('ascii'), 'RIFF');
});
