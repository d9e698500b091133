// The call scenarios against a real Asterisk 22, with SIPp as the citizen and the agent's
// phone. Runs when REAL_ARI_URL, REAL_ARI_USER and REAL_ARI_PASSWORD are set; see
// docs/real-asterisk.md for the Asterisk set-up it expects.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/client.js';
import { createLogger } from '../../src/log.js';
import { AriTelephony } from '../../src/telephony/ari-telephony.js';
import { defaultMenu } from '../../src/ivr/default-menu.js';
import { agentBusyScenario, agentPhoneScenario, citizenScenario, type CitizenStep } from './sipp-scenarios.js';

const url = process.env.REAL_ARI_URL;
const user = process.env.REAL_ARI_USER;
const password = process.env.REAL_ARI_PASSWORD;
const sipTarget = process.env.REAL_SIP_TARGET ?? '127.0.0.1:5060';

if (!url || !user || !password) {
  t.plan(0, 'no real Asterisk: set REAL_ARI_URL, REAL_ARI_USER and REAL_ARI_PASSWORD');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-sipp-'));
  t.comment(`SIPp scenarios and logs in ${dir}`);

  const sipp = (name: string, xml: string, args: string[]) => {
    const file = join(dir, `${name}.xml`);
    writeFileSync(file, xml);
    writeFileSync(join(dir, 'caller.csv'), 'SEQUENTIAL\n13800005678\n');
    return new Promise<number>((resolve) => {
      const out = openSync(join(dir, `${name}.log`), 'w');
      const child = spawn('sipp', ['-sf', file, '-i', '127.0.0.1', '-m', '1', '-nostdin', '-timeout', '60s', ...args], { cwd: dir, stdio: ['ignore', out, out] });
      child.on('exit', (code) => resolve(code ?? -1));
    });
  };
  const citizen = (steps: CitizenStep[], end: 'hang-up' | 'wait-for-bye' = 'hang-up') =>
    sipp('citizen', citizenScenario(steps, end), ['-inf', join(dir, 'caller.csv'), '-s', '12345', '-p', '5070', sipTarget]);
  const agentPhone = (ringMs: number, talkMs: number | null) => sipp('agent', agentPhoneScenario(ringMs, talkMs), ['-p', '5080']);
  const busyAgentPhone = () => sipp('agent', agentBusyScenario(), ['-p', '5080']);
  /** SIPp as 110's switchboard behind the linkage trunk (the scratch Asterisk's linkage contact is 127.0.0.1:5090). */
  const police = (ringMs: number) => sipp('police', agentPhoneScenario(ringMs, null), ['-p', '5090']);
  /** SIPp as a citizen's phone the service calls (through the linkage trunk, see the call back below): answers, keys, waits for BYE. */
  const calledCitizen = (ringMs: number, steps: CitizenStep[]) => sipp('called-citizen', agentPhoneScenario(ringMs, null, steps), ['-p', '5090']);
  const busyPolice = () => sipp('police', agentBusyScenario(), ['-p', '5090']);
  const recordingsDir = join(dir, 'recordings');
  const ari = (method: string, path: string) =>
    fetch(`${url}/ari${path}`, { method, headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });
  const ariBridges = async () => (await (await ari('GET', '/bridges')).json()) as Array<{ id: string; channels: string[] }>;
  // A run that was killed mid-call leaves its channels up and bridges standing on the switch
  // (each scenario's service starts on an empty database, so it cannot know them); they would be
  // taken for this run's.
  t.before(async () => {
    for (const c of (await (await ari('GET', '/channels')).json()) as Array<{ id: string }>) await ari('DELETE', `/channels/${c.id}`);
    for (const b of (await (await ari('GET', '/bridges')).json()) as Array<{ id: string }>) await ari('DELETE', `/bridges/${b.id}`);
  });
  const until = async (what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const start = async (t: Test, clock?: () => number) => {
    // The 智能回访 is dialled by the scenario's own tick, not the timer.
    const config = loadConfig({ ARI_URL: url, ARI_USER: user, ARI_PASSWORD: password, ADMIN_USER: 'admin', ADMIN_PASSWORD: 'admin-password', DATABASE_PATH: ':memory:', RECORDINGS_DIR: recordingsDir, RETRY_BASE_MS: '200', CALLBACK_DIAL: 'PJSIP/{number}@linkage', CALLBACK_SURVEY_INTERVAL_MS: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const log = createLogger(config.LOG_LEVEL);
    const telephony = new AriTelephony({ url, user, password, app: config.ARI_APP, logger: log });
    const app = await buildApp({ config, telephony, db: openDatabase(':memory:'), logger: log, ...(clock ? { clock } : {}) });
    await app.ready();
    t.teardown(() => app.close());
    const deadline = Date.now() + 10_000;
    while (!telephony.connected) {
      if (Date.now() > deadline) throw new Error('could not connect to the real Asterisk');
      await new Promise((r) => setTimeout(r, 50));
    }
    app.agentService.apply(1, { type: 'login' });
    return app;
  };
  const lastCall = async (app: Awaited<ReturnType<typeof start>>) => {
    await new Promise((r) => setTimeout(r, 500));
    await app.callFlow.settled();
    const call = app.callLog.list({ limit: 1, offset: 0 }).items[0]!;
    return { ...call, events: app.callLog.events(call.id).map((e) => e.type) };
  };

  t.test('real: citizen presses 1, agent 1001 answers, citizen hangs up', async (t) => {
    const app = await start(t);
    const phone = agentPhone(500, null);
    t.equal(await citizen([{ waitMs: 1500 }, { keys: '1' }, { waitMs: 9000 }]), 0, 'the citizen call ran to its end');
    t.equal(await phone, 0, 'the agent phone was rung, answered and hung up by the service');
    const call = await lastCall(app);
    t.match(call, { caller: '13800005678', queue: 'general', agentId: 1, outcome: 'completed' });
    t.same(call.ivrPath.map((s) => [s.nodeId, s.key]), [['main', null], ['general', '1']]);
    t.match(app.agentsRepository.get(1), { state: 'wrap-up' });
  });

  t.test('real: the agent hangs up after talking; the citizen keys the survey and is hung up after the thanks', async (t) => {
    const app = await start(t);
    const phone = agentPhone(500, 3000);
    // Keys only rise through 1 2 … 9 * # on the real Asterisk (see above): 1 for the menu, so 2 (基本满意) for the survey.
    const code = await citizen([{ waitMs: 1500 }, { keys: '1' }, { waitMs: 9000 }, { keys: '2' }], 'wait-for-bye');
    t.equal(code, 0, 'the citizen keyed the survey and was hung up by the service');
    t.equal(await phone, 0, 'the agent phone answered and hung up');
    const call = await lastCall(app);
    t.match(call, { queue: 'general', agentId: 1, outcome: 'completed', surveyResult: 'basically-satisfied' });
    t.ok(app.callLog.events(call.id).some((e) => e.type === 'survey' && e.data.key === '2'), 'the key is on the call log');
    t.match(app.agentsRepository.get(1), { state: 'wrap-up' });
  });

  t.test('real: citizen hangs up during the welcome prompt', async (t) => {
    const app = await start(t);
    t.equal(await citizen([{ waitMs: 1000 }]), 0);
    const call = await lastCall(app);
    t.match(call, { outcome: 'abandoned-in-ivr', hangupCause: 16 });
  });

  // SIPp replays Debian's fixed DTMF pcaps, and Asterisk drops an RFC 2833 event whose RTP
  // sequence number or timestamp is below the last one seen; only 1 2 … 9 * # rise in both,
  // so each call keys digits in that order, and this one uses 5-digit ticket numbers.
  t.test('real: ticket progress by keyed number and #', async (t) => {
    const app = await start(t);
    const menu = structuredClone(defaultMenu);
    for (const node of menu.nodes) if (node.kind === 'collect') node.minDigits = 5;
    app.menusRepository.publish(menu, null);
    app.ticketsRepository.create({ number: '56789', caller: '13800005678', status: 'handling', title: '路灯不亮' });
    t.equal(await citizen([{ waitMs: 1500 }, { keys: '4' }, { waitMs: 1000 }, { keys: '56789#' }, { waitMs: 6000 }]), 0);
    const call = await lastCall(app);
    t.same(call.ivrPath.map((s) => s.nodeId), ['main', 'ticket-progress', 'main']);
    t.ok(call.events.includes('ivr-action'));
    t.match(call, { outcome: 'abandoned-in-ivr' });
  });

  t.test('real: 9 repeats the menu', async (t) => {
    const app = await start(t);
    t.equal(await citizen([{ waitMs: 1500 }, { keys: '9' }, { waitMs: 1000 }]), 0);
    const call = await lastCall(app);
    t.same(call.ivrPath.map((s) => [s.nodeId, s.key]), [['main', null], ['main', '9']]);
  });

  t.test('real: the agent phone is busy, the agent is paused and the caller keeps waiting', async (t) => {
    const app = await start(t);
    const phone = busyAgentPhone();
    t.equal(await citizen([{ waitMs: 1500 }, { keys: '1' }, { waitMs: 8000 }]), 0);
    await phone;
    const call = await lastCall(app);
    t.ok(call.events.includes('agent-no-answer'), call.events.join(' '));
    t.match(call, { outcome: 'abandoned-in-queue' });
    t.match(app.agentsRepository.get(1), { state: 'paused', pauseReason: 'no-answer' });
  });

  t.test('real: three-way with 110, the agent leaves, citizen and 110 talk on; the bridge recording is fetched', async (t) => {
    const app = await start(t);
    const phone = agentPhone(500, null);
    const target = police(500);
    const caller = citizen([{ waitMs: 1500 }, { keys: '1' }, { waitMs: 16000 }]);
    await until('the citizen talking to agent 1001', () => app.callFlow.liveCalls().some((s) => s.phase === 'talking' && s.agentLeg?.answered === true));
    const session = app.callFlow.liveCalls()[0]!;
    await app.linkageCalls.start(session, '110', 'three-way', 'test');
    await until('110 to answer', () => session.link?.state === 'connected');
    // Asterisk answers addChannel before the channel has joined, so the bridge may list it a moment later.
    await until('110 to join the bridge', async () => (await ariBridges()).find((b) => b.id === `call-${session.id}`)?.channels.length === 3, 5000);
    t.pass('citizen, agent and 110 in one bridge on the real Asterisk');
    await new Promise((r) => setTimeout(r, 2000));
    await app.linkageCalls.leave(session, 'test');
    t.equal(await phone, 0, 'the agent phone was hung up by the service when the agent left');
    const after = (await ariBridges()).find((b) => b.id === `call-${session.id}`);
    t.equal(after?.channels.length, 2, 'citizen and 110 still bridged');
    t.match(app.agentsRepository.get(1), { state: 'wrap-up' });
    t.equal(await caller, 0, 'the citizen call ran to its end');
    t.equal(await target, 0, '110 was hung up when the citizen left');
    const call = await lastCall(app);
    t.match(call, { outcome: 'completed' });
    t.ok(call.events.includes('agent-left') && call.events.includes('linkage-connected'), call.events.join(' '));
    await until('the recording to be stored', () => app.recordings.ofCall(call.id)[0]?.status === 'stored');
    const recording = app.recordings.ofCall(call.id)[0]!;
    t.ok((recording.durationMs ?? 0) > 3000, `recorded ${recording.durationMs} ms, ${recording.sizeBytes} bytes`);
    t.comment(`recording ${recording.path}: ${recording.durationMs} ms, ${recording.sizeBytes} bytes`);
  });

  t.test('real: 110 is busy; the agent is told and the citizen stays with the agent', async (t) => {
    const app = await start(t);
    const phone = agentPhone(500, null);
    const target = busyPolice();
    const caller = citizen([{ waitMs: 1500 }, { keys: '1' }, { waitMs: 14000 }]);
    const told: string[] = [];
    app.linkageCalls.onFailed((_agent, notice) => told.push(notice.reason));
    await until('the citizen talking to agent 1001', () => app.callFlow.liveCalls().some((s) => s.phase === 'talking' && s.agentLeg?.answered === true));
    const session = app.callFlow.liveCalls()[0]!;
    await app.linkageCalls.start(session, '110', 'consult', 'test');
    await until('the failure to be told', () => told.length > 0);
    t.same(told, ['busy']);
    t.equal(session.held, false, 'the citizen is off hold again');
    const bridge = (await ariBridges()).find((b) => b.id === `call-${session.id}`);
    t.equal(bridge?.channels.length, 2, 'citizen and agent bridged again');
    await target;
    t.equal(await phone, 0);
    t.equal(await caller, 0);
    const call = await lastCall(app);
    t.ok(call.events.includes('linkage-failed'), call.events.join(' '));
  });

  // The scratch Asterisk has no carrier trunk to dial out through, so CALLBACK_DIAL sends the
  // call back through the linkage trunk to a SIPp playing the citizen's phone on 5090.
  t.test('real: nobody answers in time; after the overflow prompt the citizen leaves a message, ended with #, fetched and on the callback list', async (t) => {
    const app = await start(t);
    app.agentService.apply(1, { type: 'pause', reason: 'rest' });
    app.queuesRepository.upsert({ ...app.queuesRepository.get('general')!, maxWaitSeconds: 2 });
    // 1 at once; then the transferring prompt (~5 s), 2 s in the queue, the overflow prompt (~17 s) and the tone; ~7 s of message; #.
    const code = await citizen([{ waitMs: 500 }, { keys: '1' }, { waitMs: 26_000 }, { speak: true }, { keys: '#' }], 'wait-for-bye');
    t.equal(code, 0, 'the service thanked the citizen and hung up');
    const call = await lastCall(app);
    t.equal(call.outcome, 'overflowed');
    t.ok(call.events.includes('overflowed'));
    await until('the message to be stored', () => app.recordings.ofCall(call.id)[0]?.status === 'stored');
    const message = app.recordings.ofCall(call.id)[0]!;
    t.ok((message.durationMs ?? 0) > 3000, `the message was fetched (${message.sizeBytes} bytes, ${message.durationMs} ms)`);
    t.ok(app.callLog.pendingCallbacks().some((c) => c.callId === call.id), 'the citizen is on the callback list, where the message is linked by its call');
  });

  t.test('real: a transfer node puts the caller through to 110 with no agent; they talk until the caller hangs up', async (t) => {
    const app = await start(t);
    app.menuEditing.saveAndPublish('12345', {
      name: '12345',
      start: 'main',
      nodes: [
        { id: 'main', kind: 'menu', label: '主菜单', prompt: ['welcome'], keys: { '5': 'police' }, timeoutSeconds: 8, maxTries: 2, timeoutPrompt: ['no-input'], invalidPrompt: ['invalid-key'], fallback: 'bye' },
        { id: 'police', kind: 'transfer', label: '转110', target: '110', prompt: ['transferring-linkage'], fallback: 'bye' },
        { id: 'bye', kind: 'hangup', label: '再见' },
      ],
    }, 1);
    const policePhone = police(500);
    let bridged = 0;
    // 5 at once; the transferring prompt (~4 s); 110 rings 0.5 s; 5 s of talk; the citizen hangs up.
    const caller = citizen([{ waitMs: 500 }, { keys: '5' }, { waitMs: 10_000 }]);
    await until('110 to be bridged with the caller', async () => {
      bridged = (await ariBridges()).find((b) => b.id.startsWith('call-'))?.channels.length ?? 0;
      return bridged === 2;
    });
    t.equal(bridged, 2, 'caller and 110 in one bridge on the real Asterisk');
    t.equal(await caller, 0);
    t.equal(await policePhone, 0, '110 was hung up when the caller left');
    const call = await lastCall(app);
    t.equal(call.outcome, 'transferred');
    t.ok(call.events.includes('ivr-transfer-connected'));
  });

  t.test('real: on a Sunday the hours node sends the caller to English and a message; it is recorded and on the callback list', async (t) => {
    const sunday = Date.parse('2026-11-29T10:00:00+08:00');
    const app = await start(t, () => sunday);
    app.menuEditing.saveAndPublish('12345', {
      name: '12345',
      start: 'hours',
      nodes: [
        { id: 'hours', kind: 'hours', label: '工作时间', calendar: 'default', open: 'general', closed: 'english' },
        { id: 'general', kind: 'queue', label: '人工', queue: 'general' },
        { id: 'english', kind: 'language', label: 'English', language: 'en', next: 'message' },
        { id: 'message', kind: 'message', label: '留言', prompt: ['after-hours'], maxSeconds: 30, thanksPrompt: ['message-thanks'] },
      ],
    }, 1);
    // The English after-hours prompt (~10 s) and the tone; ~7 s of message; #; thanks; the service hangs up.
    const code = await citizen([{ waitMs: 12_000 }, { speak: true }, { keys: '#' }], 'wait-for-bye');
    t.equal(code, 0, 'the service thanked the caller and hung up');
    const call = await lastCall(app);
    t.equal(call.outcome, 'message-left');
    t.ok(call.events.includes('language-set'));
    await until('the message to be stored', () => app.recordings.ofCall(call.id)[0]?.status === 'stored');
    const message = app.recordings.ofCall(call.id)[0]!;
    t.ok((message.durationMs ?? 0) > 3000, `the message was fetched (${message.sizeBytes} bytes, ${message.durationMs} ms)`);
    t.match(app.callLog.pendingCallbacks().find((c) => c.callId === call.id), { reason: 'ivr-message' }, 'a callback request with its message');
  });

  t.test('real: click-to-call from the callback list rings the agent, then the citizen, and bridges them', async (t) => {
    const app = await start(t);
    const row = app.callLog.open({ id: 'abandoned-1', channelId: 'gone-1', caller: '13800005678', dialed: '12345', startedAt: Date.now() });
    app.callLog.close(row.id, 'abandoned-in-queue', { cause: 16, causeText: 'Normal Clearing' });
    app.callLog.requestCallback(row.id, '13800005678', 'general', 'abandoned');
    const callback = app.callLog.pendingCallbacks()[0]!;
    const phone = agentPhone(500, null);
    const citizenPhone = police(800);
    const session = await app.callbackCalls.call(callback.id, 1, 'test');
    await until('the citizen to answer', () => session.phase === 'talking');
    const bridge = (await ariBridges()).find((b) => b.id === `call-${session.id}`);
    t.equal(bridge?.channels.length, 2, 'agent and citizen in one bridge on the real Asterisk');
    t.match(app.callLog.callback(callback.id), { status: 'done', doneBy: 1, callbackCallId: session.id });
    await new Promise((r) => setTimeout(r, 1500));
    await app.callControls.hangup(session, 'test');
    t.equal(await phone, 0);
    t.equal(await citizenPhone, 0, 'the citizen side was hung up');
    await until('the call back to end', () => app.callLog.get(session.id)?.phase === 'ended');
    t.match(app.callLog.get(session.id), { outcome: 'completed', agentId: 1 });
    await until('its recording to be stored', () => app.recordings.ofCall(session.id)[0]?.status === 'stored');
  });

  t.test('real: the 智能回访 calls the citizen of a completed ticket, who keys 1 during the introduction; the ticket is closed', async (t) => {
    const tuesday = Date.parse('2026-11-24T10:00:00+08:00');
    const app = await start(t, () => tuesday);
    await until('the survey calls to be reconciled', () => app.callbackSurveyCalls.ready);
    app.ticketsRepository.create({ number: '202611240001', caller: '13800005678', status: 'replied', title: '小区噪音扰民' }, tuesday);
    app.ticketLifecycle.accept('202611240001', { actor: { kind: 'hotline', role: 'supervisor' }, userId: 1 }, null, false);
    // Rings 0.5 s; 3 s into the introduction (~8 s) the citizen keys 1; the thanks; the service hangs up.
    const phone = calledCitizen(500, [{ waitMs: 3000 }, { keys: '1' }]);
    t.equal(app.callbackSurveyScheduler.tick(), 1, 'one survey call placed');
    t.equal(await phone, 0, 'the citizen answered, keyed and was hung up by the service');
    await app.callbackSurveyCalls.settled();
    const ticket = app.ticketsRepository.findByNumber('202611240001')!;
    t.equal(ticket.status, 'closed');
    t.match(app.callbackSurveys.latestOf(ticket.id), { survey: { status: 'done', result: 'satisfied', attempts: 1 }, attempts: [{ key: '1', failure: null }] });
  });
}
