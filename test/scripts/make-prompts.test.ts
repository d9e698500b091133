import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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
