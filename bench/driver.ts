// The far side of the call benchmark, in its own process so its work is not counted as the
// service's: a fake Asterisk, N citizens who press 1 during the welcome prompt, and agents'
// phones that answer at once. Reports each key press's latency to the service's next request.
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { FakeAsterisk } from '../test/fake-asterisk/index.js';

interface Start {
  calls: number;
  talkMs: number;
  /** Agents' desktop pages: each token opens the desktop socket, and the arrival of every pop is noted. */
  desktops?: { url: string; tokens: string[] };
}

/** A moment on this machine's clock, comparable between processes. */
const clock = () => performance.timeOrigin + performance.now();

export type DriverMessage =
  | { type: 'ready'; url: string }
  | {
      type: 'done';
      latencies: number[];
      elapsedMs: number;
      /** When each call's pop reached a desktop, and when its agent's phone was rung (originate reached Asterisk). */
      pops: Array<{ callId: string; at: number }>;
      rings: Array<{ callId: string; at: number }>;
    };

// Every waiting citizen listens for the fake's changes: a thousand listeners is the point here.
EventEmitter.defaultMaxListeners = 0;
const fake = new FakeAsterisk({ user: 'bench', password: 'bench', autoFinishPlaybacksMs: 1000 });
const { url } = await fake.start();
process.send!({ type: 'ready', url });

process.on('message', (message: { type: string } & Start) => {
  if (message.type === 'run') void run(message).then((result) => process.send!(result));
  if (message.type === 'stop') void fake.stop().then(() => process.exit(0));
});

async function openDesktops(desktops: Start['desktops'], pops: Array<{ callId: string; at: number }>): Promise<WebSocket[]> {
  if (!desktops) return [];
  return Promise.all(
    desktops.tokens.map(
      (token) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`${desktops.url}?token=${token}`);
          ws.on('message', (data) => {
            const message = JSON.parse(String(data)) as { type: string; pop?: { callId: string } };
            if (message.type === 'offer') pops.push({ callId: message.pop!.callId, at: clock() });
          });
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        }),
    ),
  );
}

async function run({ calls, talkMs, desktops }: Start): Promise<Extract<DriverMessage, { type: 'done' }>> {
  await fake.waitForApp(undefined, 10_000);
  const pops: Array<{ callId: string; at: number }> = [];
  const sockets = await openDesktops(desktops, pops);
  const pressedAt = new Map<string, number>(); // channel id → when its key was sent
  const watching = new Map<string, string>(); // playback id → channel id
  const latencies: number[] = [];
  let seenRequests = fake.requests.length;
  let seenLegs = 0;
  const pressed = new Set<string>();
  const callers = new Set<string>();
  const hangupScheduled = new Set<string>();
  let finished = 0;
  let resolveAll!: () => void;
  const allDone = new Promise<void>((r) => (resolveAll = r));

  let seenEvents = fake.events.length;
  const stopWatching = fake.onChange(() => {
    // A citizen presses 1 as soon as the welcome prompt starts.
    for (; seenEvents < fake.events.length; seenEvents += 1) {
      const event = fake.events[seenEvents]!;
      if (event.type !== 'PlaybackStarted') continue;
      const playback = event.body.playback as { id: string; target_uri: string };
      const channelId = playback.target_uri.replace('channel:', '');
      if (!callers.has(channelId) || pressed.has(channelId)) continue;
      pressed.add(channelId);
      watching.set(playback.id, channelId);
      pressedAt.set(channelId, performance.now());
      fake.press(channelId, '1');
    }
    // The service's reaction to the key is stopping the welcome prompt (barge-in); a key that
    // arrives after the prompt ended (prompts last a second here) is not measured.
    for (; seenRequests < fake.requests.length; seenRequests += 1) {
      const req = fake.requests[seenRequests]!;
      const id = req.path.split('/')[3] ?? '';
      const channelId = req.method === 'DELETE' ? watching.get(id) : undefined;
      const sent = channelId ? pressedAt.get(channelId) : undefined;
      if (channelId && sent !== undefined) {
        latencies.push(req.at - sent);
        pressedAt.delete(channelId);
        watching.delete(id);
      }
    }
    const legs = fake.originated();
    for (; seenLegs < legs.length; seenLegs += 1) {
      const leg = legs[seenLegs]!;
      setImmediate(() => fake.channel(leg.id) && fake.answerLeg(leg.id));
    }
  });
  // Talking callers hang up after talkMs; checked on a timer, not on every change.
  const hangups = setInterval(() => {
    for (const id of callers) {
      const channel = fake.channel(id);
      if (!channel) {
        callers.delete(id);
        finished += 1;
        if (finished === calls) resolveAll();
      } else if (channel.bridgeId?.startsWith('call-') && !hangupScheduled.has(id)) {
        hangupScheduled.add(id);
        setTimeout(() => fake.channel(id) && fake.hangup(id), talkMs);
      }
    }
  }, 20);

  const startedAt = performance.now();
  for (let i = 0; i < calls; i += 1) callers.add(fake.placeCall({ caller: `1380000${String(i).padStart(4, '0')}` }).id);
  await allDone;
  stopWatching();
  clearInterval(hangups);
  for (const ws of sockets) ws.close();
  // Agent legs are named <callId>-agent<n>; the request's time is on this process's performance clock.
  const rings = fake.requests
    .filter((r) => r.method === 'POST' && r.path === '/ari/channels')
    .map((r) => ({ callId: (new URLSearchParams(r.query).get('channelId') ?? '').replace(/-agent\d+$/, ''), at: performance.timeOrigin + r.at }));
  return { type: 'done', latencies, elapsedMs: performance.now() - startedAt, pops, rings };
}
