import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t, { type Test } from 'tap';
import { build, type TestContext } from '../helpers/app.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';

const run = promisify(execFile);

/** A fresh service whose prompts live in a folder the test can look into. */
async function setUp(t: Test): Promise<{ ctx: TestContext; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-prompts-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return { ctx: await build(t, { env: { PROMPTS_DIR: dir } }), dir };
}

/** A tone made with sox, e.g. 44.1 kHz stereo WAV or MP3, as an admin's recording would be. */
async function tone(t: Test, ext: 'wav' | 'mp3', seconds: number, rate = 44100, channels = 2): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'hotline-tone-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const file = join(work, `tone.${ext}`);
  await run('sox', ['-n', '-r', String(rate), '-c', String(channels), file, 'synth', String(seconds), 'sine', '440', 'vol', '0.5']);
  return readFileSync(file);
}

async function soxi(file: string) {
  const { stdout } = await run('soxi', [file]);
  return stdout;
}

const isTelephoneWav = async (t: Test, file: string) => {
  const info = await soxi(file);
  t.match(info, /Channels\s+: 1/, 'mono');
  t.match(info, /Sample Rate\s+: 8000/, '8 kHz');
  t.match(info, /Precision\s+: 16-bit/, '16-bit');
  t.match(info, /Sample Encoding: 16-bit Signed Integer PCM/, 'signed PCM');
};

const upload = (ctx: TestContext, name: string, body: Buffer, contentType = 'audio/wav', language = 'zh') =>
  ctx.api({ method: 'PUT', url: `/api/prompts/${name}/${language}/audio`, payload: body, headers: { 'content-type': contentType } });

/** The default menu with the prompt added to the main menu's greeting. */
async function publishMenuUsing(ctx: TestContext, prompt: string | null): Promise<void> {
  const menu = structuredClone(defaultMenu);
  const main = menu.nodes.find((n) => n.id === 'main')!;
  if (main.kind === 'menu' && prompt) main.prompt = ['welcome', prompt];
  const res = await ctx.api({ method: 'PUT', url: '/api/menus/12345', payload: menu });
  if (res.statusCode !== 200) throw new Error(`menu refused: ${res.body}`);
}

t.test('the built-in prompts are version 1 on first start, with where the published menu plays them', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-prompts-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // As scripts/make-prompts.ts leaves it before the service first starts.
  mkdirSync(join(dir, 'zh'));
  await run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', join(dir, 'zh', 'welcome.wav'), 'synth', '1.5', 'sine', '440']);
  const ctx = await build(t, { env: { PROMPTS_DIR: dir } });

  const list = (await ctx.api({ method: 'GET', url: '/api/prompts' })).json();
  const welcome = list.find((p: { name: string }) => p.name === 'welcome');
  t.match(welcome, {
    languages: [
      { language: 'en', version: 1, source: 'built-in', text: /^Welcome to the 12345/, durationMs: null },
      { language: 'zh', version: 1, source: 'built-in', text: /^您好/, durationMs: 1500 },
    ],
    usedBy: [{ menu: '12345', nodeId: 'main' }],
  });
  t.same(list.find((p: { name: string }) => p.name === 'digit-7').usedBy, [], 'played by the service, not a menu');
  t.ok(existsSync(join(dir, 'zh', '.versions', 'welcome-v1.wav')), 'version 1 keeps its own copy of the file');
  t.ok(ctx.app.promptsRepository.languagesByName().has('queue-position-before'), 'the menu validator will see every built-in');
});

t.test('an admin has a prompt spoken by espeak-ng: 8 kHz mono, as long as the sentence', async (t) => {
  const { ctx, dir } = await setUp(t);
  const text = '春节期间热线照常服务，请按1继续。';
  const res = await ctx.api({ method: 'POST', url: '/api/prompts/holiday-notice/zh/tts', payload: { text } });
  t.equal(res.statusCode, 201, res.body);
  const saved = res.json();
  t.match(saved, { version: 1, source: 'tts', text, restoredFrom: null });
  t.ok(saved.durationMs > 1500 && saved.durationMs < 15000, `${saved.durationMs} ms for a sentence of 16 characters`);
  await isTelephoneWav(t, join(dir, 'zh', 'holiday-notice.wav'));
  t.ok(ctx.app.promptsRepository.languagesByName().has('holiday-notice'), 'menus can name it now');

  const blank = await ctx.api({ method: 'POST', url: '/api/prompts/holiday-notice/zh/tts', payload: { text: '。，！' } });
  t.equal(blank.statusCode, 400);
  t.match(blank.json().message, /^text: nothing to say/);
  const missing = await ctx.api({ method: 'POST', url: '/api/prompts/holiday-notice/en/tts', payload: {} });
  t.equal(missing.statusCode, 400);
  t.match(missing.json().message, /text/);
  t.same(ctx.app.promptsRepository.versions('holiday-notice', 'zh').map((v) => v.version), [1], 'the refused texts stored nothing');
});

t.test('a 44.1 kHz stereo WAV upload is converted for the telephone', async (t) => {
  const { ctx, dir } = await setUp(t);
  const res = await upload(ctx, 'welcome', await tone(t, 'wav', 2));
  t.equal(res.statusCode, 201, res.body);
  t.match(res.json(), { version: 2, source: 'upload', text: null, durationMs: 2000, sizeBytes: 44 + 2 * 8000 * 2 });
  await isTelephoneWav(t, join(dir, 'zh', 'welcome.wav'));
  const listed = (await ctx.api({ method: 'GET', url: '/api/prompts' })).json().find((p: { name: string }) => p.name === 'welcome');
  t.match(listed.languages.find((l: { language: string }) => l.language === 'zh'), { version: 2, source: 'upload', text: null, durationMs: 2000 });
});

t.test('an MP3 upload is converted too', async (t) => {
  const { ctx, dir } = await setUp(t);
  const res = await upload(ctx, 'closed-notice', await tone(t, 'mp3', 3), 'audio/mpeg', 'en');
  t.equal(res.statusCode, 201, res.body);
  const saved = res.json();
  t.match(saved, { version: 1, source: 'upload' });
  t.ok(Math.abs(saved.durationMs - 3000) < 100, `${saved.durationMs} ms, about the 3 s recorded`);
  await isTelephoneWav(t, join(dir, 'en', 'closed-notice.wav'));
});

t.test('garbage, empty, too long or too large uploads are a 400 naming the problem, and nothing is stored', async (t) => {
  const { ctx, dir } = await setUp(t);
  const refused = async (res: Awaited<ReturnType<typeof upload>>, message: RegExp) => {
    t.equal(res.statusCode, 400, res.body);
    t.match(res.json(), { code: 'INVALID_INPUT', message });
  };
  await refused(await upload(ctx, 'notice', Buffer.from('this is not a sound at all, just words')), /^audio: not a readable WAV file/);
  await refused(await upload(ctx, 'notice', Buffer.from('ID3 but not really an mp3'), 'audio/mpeg'), /^audio: not a readable MP3 file/);
  await refused(await upload(ctx, 'notice', Buffer.alloc(0)), /^audio: the upload is empty/);
  await refused(await upload(ctx, 'notice', await tone(t, 'wav', 200, 8000, 1)), /^audio: the audio lasts 200 s; a prompt may last at most 180 s/);
  await refused(await upload(ctx, 'notice', Buffer.alloc(11 * 1024 * 1024, 1)), /^audio: larger than 10 MB/);
  await refused(await upload(ctx, 'notice', Buffer.from('hello'), 'text/plain'), /^content-type: send audio as audio\/wav/);

  t.notOk(ctx.app.promptsRepository.languagesByName().has('notice'), 'no prompt row');
  for (const language of ['zh', 'en']) {
    const folder = join(dir, language);
    const files = existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).filter((f) => f.startsWith('notice') || f.includes('incoming') || f.endsWith('.partial')) : [];
    t.same(files, [], `no file left in ${language}/`);
  }
});

t.test('every version is kept; restoring an old one makes it current again as a new version', async (t) => {
  const { ctx, dir } = await setUp(t);
  await ctx.api({ method: 'POST', url: '/api/prompts/notice/zh/tts', payload: { text: '您好' } });
  const spoken = readFileSync(join(dir, 'zh', 'notice.wav'));
  await upload(ctx, 'notice', await tone(t, 'wav', 1));
  t.notSame(readFileSync(join(dir, 'zh', 'notice.wav')), spoken, 'the upload is what Asterisk plays now');

  const restored = await ctx.api({ method: 'POST', url: '/api/prompts/notice/zh/restore', payload: { version: 1 } });
  t.equal(restored.statusCode, 201, restored.body);
  t.match(restored.json(), { version: 3, source: 'tts', text: '您好', restoredFrom: 1 });
  t.same(readFileSync(join(dir, 'zh', 'notice.wav')), spoken, 'version 1’s audio is played again');

  const versions = (await ctx.api({ method: 'GET', url: '/api/prompts/notice/zh/versions' })).json();
  t.same(versions.map((v: { version: number; source: string }) => [v.version, v.source]), [[3, 'tts'], [2, 'upload'], [1, 'tts']]);
  t.ok(versions.every((v: { createdBy: number; createdAt: number; sizeBytes: number; durationMs: number }) => v.createdBy && v.createdAt && v.sizeBytes > 44 && v.durationMs > 0), 'who, when, size and duration of each');
  const v2 = await ctx.api({ method: 'GET', url: '/api/prompts/notice/zh/audio?version=2' });
  t.equal(Number(v2.headers['content-length']), versions[1].sizeBytes, 'an old version can still be heard');

  t.equal((await ctx.api({ method: 'POST', url: '/api/prompts/notice/zh/restore', payload: { version: 9 } })).statusCode, 404);
  t.equal((await ctx.api({ method: 'GET', url: '/api/prompts/notice/en/versions' })).statusCode, 404, 'no English version yet');
  const audit = (await ctx.api({ method: 'GET', url: '/api/audit?entity=prompt&entityId=notice' })).json();
  t.same(audit.map((e: { action: string; detail: { version: number } }) => [e.action, e.detail.version]), [['restored', 3], ['uploaded', 2], ['synthesised', 1]], 'each change is in the audit log, newest first');
  t.match(audit[2], { username: 'admin', detail: { language: 'zh', text: '您好' } });
  await ctx.api({ method: 'DELETE', url: '/api/prompts/notice' });
  t.match((await ctx.api({ method: 'GET', url: '/api/audit?entity=prompt&entityId=notice' })).json()[0], { action: 'deleted', detail: { languages: ['zh'] } });
});

t.test('a supervisor’s browser plays a prompt with the token in the URL, and can seek', async (t) => {
  const { ctx } = await setUp(t);
  await upload(ctx, 'notice', await tone(t, 'wav', 1));
  const supervisor = await ctx.userToken('supervisor');
  const res = await ctx.app.inject({ method: 'GET', url: `/api/prompts/notice/zh/audio?token=${supervisor}` });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'audio/wav');
  t.equal(res.rawPayload.subarray(0, 4).toString('ascii'), 'RIFF');
  const part = await ctx.app.inject({ method: 'GET', url: `/api/prompts/notice/zh/audio?token=${supervisor}`, headers: { range: 'bytes=0-11' } });
  t.equal(part.statusCode, 206);
  t.equal(part.rawPayload.length, 12);

  t.equal((await ctx.app.inject({ method: 'GET', url: '/api/prompts/notice/zh/audio' })).statusCode, 401, 'no token');
  t.equal((await ctx.app.inject({ method: 'GET', url: '/api/prompts/notice/zh/audio?token=nonsense' })).statusCode, 401);
  t.equal((await ctx.api({ method: 'GET', url: '/api/prompts/ghost/zh/audio' })).statusCode, 404);
});

t.test('a prompt the published menu plays cannot be deleted; once the menu drops it, it can', async (t) => {
  const { ctx, dir } = await setUp(t);
  await ctx.api({ method: 'POST', url: '/api/prompts/holiday-notice/zh/tts', payload: { text: '节日快乐' } });
  await upload(ctx, 'holiday-notice', await tone(t, 'wav', 1), 'audio/wav', 'en');
  await publishMenuUsing(ctx, 'holiday-notice');

  const refused = await ctx.api({ method: 'DELETE', url: '/api/prompts/holiday-notice' });
  t.equal(refused.statusCode, 409);
  t.equal(refused.json().message, 'prompt "holiday-notice" is used by menu "12345" node "main"; take it out of the menu first');
  t.ok(existsSync(join(dir, 'zh', 'holiday-notice.wav')), 'still there for the callers');

  await publishMenuUsing(ctx, null);
  t.equal((await ctx.api({ method: 'DELETE', url: '/api/prompts/holiday-notice' })).statusCode, 204);
  t.notOk(ctx.app.promptsRepository.languagesByName().has('holiday-notice'));
  for (const language of ['zh', 'en']) {
    t.same(readdirSync(join(dir, language), { recursive: true }).map(String).filter((f) => f.includes('holiday-notice')), [], `its ${language} files are gone`);
  }
  t.equal((await ctx.api({ method: 'DELETE', url: '/api/prompts/holiday-notice' })).statusCode, 404);
  const builtIn = await ctx.api({ method: 'DELETE', url: '/api/prompts/digit-7' });
  t.equal(builtIn.statusCode, 409);
  t.match(builtIn.json().message, /built in/);
});

t.test('admins write, supervisors read, agents and strangers neither; bad names and languages are 400s naming them', async (t) => {
  const { ctx } = await setUp(t);
  const supervisor = await ctx.userToken('supervisor');
  const agent = await ctx.userToken('agent', 1);
  t.equal((await ctx.api({ method: 'GET', url: '/api/prompts' }, supervisor)).statusCode, 200);
  t.equal((await ctx.api({ method: 'GET', url: '/api/prompts/welcome/zh/versions' }, supervisor)).statusCode, 200);
  t.equal((await ctx.api({ method: 'POST', url: '/api/prompts/welcome/zh/tts', payload: { text: '您好' } }, supervisor)).statusCode, 403);
  t.equal((await ctx.api({ method: 'POST', url: '/api/prompts/welcome/zh/restore', payload: { version: 1 } }, supervisor)).statusCode, 403);
  t.equal((await ctx.api({ method: 'DELETE', url: '/api/prompts/welcome' }, supervisor)).statusCode, 403);
  t.equal((await ctx.api({ method: 'GET', url: '/api/prompts' }, agent)).statusCode, 403);
  t.equal((await ctx.api({ method: 'GET', url: `/api/prompts/welcome/zh/audio?token=${agent}` }, agent)).statusCode, 403);
  t.equal((await ctx.app.inject({ method: 'GET', url: '/api/prompts' })).statusCode, 401);
  t.equal((await ctx.app.inject({ method: 'PUT', url: '/api/prompts/welcome/zh/audio', payload: Buffer.from('x'), headers: { 'content-type': 'audio/wav' } })).statusCode, 401);

  const badName = await ctx.api({ method: 'POST', url: '/api/prompts/bad.name/zh/tts', payload: { text: '您好' } });
  t.equal(badName.statusCode, 400);
  t.match(badName.json().message, /name/);
  const badLanguage = await ctx.api({ method: 'GET', url: '/api/prompts/welcome/fr/versions' });
  t.equal(badLanguage.statusCode, 400);
  t.match(badLanguage.json().message, /language/);
});
