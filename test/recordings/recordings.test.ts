import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { build } from '../helpers/app.js';
import { loginAgents, talkTo, until, waitForBridged, waitForGone } from '../helpers/calls.js';
import { deleteExpiredRecordings } from '../../src/recordings/retention.js';
import { recordings } from '../../src/db/schema/index.js';

async function setUp(t: Test, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-recordings-'));
  const ctx = await build(t, { env: { RECORDINGS_DIR: dir, RETRY_BASE_MS: '20', RETRY_MAX_MS: '200', ...env } });
  await loginAgents(ctx, 1);
  return { ctx, dir };
}

/** A call talked for about `talkMs`, then the citizen hangs up; resolves with the call once its recording is stored. */
async function recordedCall(ctx: Awaited<ReturnType<typeof setUp>>['ctx'], talkMs = 300) {
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  await until(() => ctx.asterisk.recordings().live.some((r) => r.state === 'recording'), 'the bridge recording to start');
  await new Promise((r) => setTimeout(r, talkMs));
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  return storedCall(ctx, callId);
}

/** The call, through the API, once its recording is in the store. */
async function storedCall(ctx: Awaited<ReturnType<typeof setUp>>['ctx'], callId: string) {
  let call: any;
  await until(async () => {
    call = (await ctx.api({ method: 'GET', url: `/api/calls/${callId}` })).json();
    return call.recordings[0]?.status === 'stored';
  }, 'the recording to be stored', 5000);
  return call;
}

t.test('the talk bridge is recorded from the agent’s answer; when it ends the file is fetched into the store', async (t) => {
  const { ctx, dir } = await setUp(t);
  const { citizen, leg } = await talkTo(ctx, '1', 'PJSIP/1001');
  const callId = ctx.app.callFlow.liveCalls()[0]!.id;
  await until(() => ctx.asterisk.recordings().live.some((r) => r.target === `bridge:call-${callId}`), 'a recording of the call bridge');
  t.match(ctx.asterisk.recordings().live[0], { name: `call-${callId}-1`, format: 'wav' });

  // A three-way leg joins the same bridge, so the same recording covers it.
  await ctx.api({ method: 'POST', url: `/api/calls/${callId}/linkage`, payload: { target: '110', mode: 'three-way' } }, await ctx.userToken('agent', 1));
  const police = await ctx.asterisk.waitForOriginate('PJSIP/110@linkage');
  ctx.asterisk.answerLeg(police.id);
  await waitForBridged(ctx, citizen, police.id);
  t.equal(ctx.asterisk.recordings().live.length, 1, 'one recording for all three legs');

  await new Promise((r) => setTimeout(r, 400));
  ctx.asterisk.hangup(citizen);
  await waitForGone(ctx, leg.id);
  const call = await storedCall(ctx, callId);
  const [recording] = call.recordings;
  t.ok(recording.durationMs >= 350 && recording.durationMs < 3000, `duration ${recording.durationMs} ms from the WAV header`);
  t.equal(recording.sizeBytes, 44 + Math.round((recording.durationMs * 16000) / 1000 / 2) * 2, 'size is the file’s');
  const row = ctx.app.recordings.get(recording.id)!;
  t.equal(statSync(join(dir, row.path!)).size, recording.sizeBytes, 'the file is in the recordings directory');
  t.match(row.path, /^\d{4}\/\d{2}\/\d{2}\/call-.+-1\.wav$/);
  await until(() => ctx.asterisk.recordings().stored.length === 0, 'the recording deleted from Asterisk once safe with us');
  t.ok(call.events.some((e: any) => e.type === 'recording-stored' && e.data.recordingId === recording.id), 'the call log links the recording');
});

t.test('recordings stream with Range to the agent who took the call, supervisors and admins; every listen is logged', async (t) => {
  const { ctx, dir } = await setUp(t);
  const call = await recordedCall(ctx);
  const id = call.recordings[0].id;
  const file = readFileSync(join(dir, ctx.app.recordings.get(id)!.path!));
  const agent = await ctx.userToken('agent', 1);

  const whole = await ctx.api({ method: 'GET', url: `/api/recordings/${id}` }, agent);
  t.equal(whole.statusCode, 200);
  t.equal(whole.headers['content-type'], 'audio/wav');
  t.equal(whole.headers['accept-ranges'], 'bytes');
  t.same(whole.rawPayload, file, 'the whole file');

  const part = await ctx.api({ method: 'GET', url: `/api/recordings/${id}`, headers: { range: 'bytes=100-199' } }, agent);
  t.equal(part.statusCode, 206);
  t.equal(part.headers['content-range'], `bytes 100-199/${file.length}`);
  t.same(part.rawPayload, file.subarray(100, 200));
  const tail = await ctx.api({ method: 'GET', url: `/api/recordings/${id}`, headers: { range: 'bytes=-10' } }, agent);
  t.same(tail.rawPayload, file.subarray(file.length - 10));
  const beyond = await ctx.api({ method: 'GET', url: `/api/recordings/${id}`, headers: { range: `bytes=${file.length}-` } }, agent);
  t.equal(beyond.statusCode, 416);
  t.equal(beyond.headers['content-range'], `bytes */${file.length}`);

  const other = await ctx.api({ method: 'GET', url: `/api/recordings/${id}` }, await ctx.userToken('agent', 2));
  t.equal(other.statusCode, 403, 'another agent may not hear it');
  t.match(other.json().message, /only the agent who took call/);
  const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/recordings/${id}` });
  t.equal(anonymous.statusCode, 401);
  const supervisor = await ctx.userToken('supervisor');
  t.equal((await ctx.api({ method: 'GET', url: `/api/recordings/${id}`, headers: { range: 'bytes=0-' } }, supervisor)).statusCode, 206);

  const listens = await ctx.api({ method: 'GET', url: `/api/recordings/${id}/listens` }, supervisor);
  t.equal(listens.statusCode, 200);
  t.equal(listens.json().length, 2, 'one listen by the agent (its seeks are not new listens), one by the supervisor');
  t.equal((await ctx.api({ method: 'GET', url: `/api/recordings/${id}/listens` }, agent)).statusCode, 403);
  t.equal((await ctx.api({ method: 'GET', url: '/api/recordings/999' })).statusCode, 404);
  t.equal((await ctx.api({ method: 'GET', url: '/api/recordings/abc' })).statusCode, 400);
});

t.test('a failed fetch is retried with backoff until the recording is safe', async (t) => {
  const { ctx } = await setUp(t);
  ctx.asterisk.failRecordingFetches(3);
  const call = await recordedCall(ctx, 100);
  const row = ctx.app.recordings.get(call.recordings[0].id)!;
  t.equal(row.fetchAttempts, 4, 'three failures, then success');
  t.equal(row.lastError, null);
});

t.test('recordings past retention are deleted, logged, and can no longer be played', async (t) => {
  const { ctx, dir } = await setUp(t);
  const call = await recordedCall(ctx, 100);
  const id = call.recordings[0].id;
  const path = join(dir, ctx.app.recordings.get(id)!.path!);
  const log = ctx.app.log;
  t.equal(await deleteExpiredRecordings(ctx.app.recordings, dir, 30, log), 0, 'a fresh recording is kept');
  ctx.app.db.update(recordings).set({ startedAt: Date.now() - 31 * 86_400_000 }).run();
  t.equal(await deleteExpiredRecordings(ctx.app.recordings, dir, 30, log), 1);
  t.notOk(existsSync(path), 'the file is gone');
  t.match(ctx.app.recordings.get(id), { status: 'deleted' });
  const res = await ctx.api({ method: 'GET', url: `/api/recordings/${id}` });
  t.equal(res.statusCode, 409);
  t.match(res.json().message, /past retention/);
  t.equal(await deleteExpiredRecordings(ctx.app.recordings, dir, 0, log), 0, '0 days keeps everything');
});
