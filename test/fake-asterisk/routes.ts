import { resourceJson, resourcesJson } from './api-docs.js';
import type { Engine } from './engine.js';
import { bridgeJson, channelJson, HttpError, playbackJson, recordingJson } from './model.js';
import { originate } from './originate.js';
import type { Params } from './params.js';

export interface Reply {
  status: number;
  body?: unknown;
  /** Raw bytes (a stored recording's file). */
  raw?: { data: Buffer; contentType: string };
  location?: string;
}

export interface RouteContext {
  engine: Engine;
  params: Params;
  /** Decoded path parameters, in order. */
  path: string[];
  baseUrl: string;
  apps: () => string[];
}

type Handler = (ctx: RouteContext) => Reply;
type Route = [method: string, pattern: string, handler: Handler];

const ok = (body: unknown): Reply => ({ status: 200, body });
const created = (body: Record<string, unknown>, location: string): Reply => ({ status: 201, body, location });
const noContent = (fn: () => void): Reply => {
  fn();
  return { status: 204 };
};

const applicationJson = (engine: Engine, name: string) => ({
  name,
  channel_ids: [...engine.channels.values()].filter((c) => engine.appOf(c) === name).map((c) => c.id),
  bridge_ids: engine.bridges.list().filter((b) => b.app === name).map((b) => b.id),
  endpoint_ids: [],
  device_names: [],
  events_allowed: [],
  events_disallowed: [],
});

const endpointJson = (engine: Engine, endpoint: string, state: string) => {
  const [technology = '', resource = ''] = endpoint.split('/');
  const channelIds = [...engine.channels.values()].filter((c) => c.origination?.endpoint === endpoint).map((c) => c.id);
  return { technology, resource, state, channel_ids: channelIds };
};

const asteriskInfo = (only: string[]) => {
  const info: Record<string, unknown> = {
    build: { os: 'Linux', kernel: '6.1.0', machine: 'x86_64', options: '', date: '2026-01-01 00:00:00 UTC', user: 'root' },
    system: { version: '22.10.1', entity_id: '00:00:00:00:00:01' },
    config: { name: '', default_language: 'en', setid: { user: '', group: '' } },
    status: { startup_time: '2026-11-24T00:00:00.000+0000', last_reload_time: '2026-11-24T00:00:00.000+0000' },
  };
  return only.length ? Object.fromEntries(Object.entries(info).filter(([k]) => only.includes(k))) : info;
};

/** Every operation the fake serves; `{}` is a path parameter. */
export const routes: Route[] = [
  ['GET', '/ari/api-docs/resources.json', (ctx) => ok(resourcesJson(ctx.baseUrl))],
  ['GET', '/ari/api-docs/{}', (ctx) => {
    const doc = resourceJson(ctx.path[0]!.replace(/\.json$/, ''), ctx.baseUrl);
    if (!doc) throw new HttpError(404, 'Resource not found');
    return ok(doc);
  }],
  ['GET', '/ari/asterisk/info', (ctx) => ok(asteriskInfo(ctx.params.list('only')))],

  ['GET', '/ari/endpoints', ({ engine }) => ok([...engine.endpoints].map(([e, state]) => endpointJson(engine, e, state)))],
  ['GET', '/ari/endpoints/{}', ({ engine, path }) => {
    const found = [...engine.endpoints].filter(([e]) => e.startsWith(`${path[0]}/`));
    if (!found.length) throw new HttpError(404, `No Endpoints found - invalid tech ${path[0]}`);
    return ok(found.map(([e, state]) => endpointJson(engine, e, state)));
  }],
  ['GET', '/ari/endpoints/{}/{}', ({ engine, path }) => {
    const name = `${path[0]}/${path[1]}`;
    const state = engine.endpoints.get(name);
    if (!state) throw new HttpError(404, 'Endpoint not found');
    return ok(endpointJson(engine, name, state));
  }],

  ['GET', '/ari/channels', ({ engine }) => ok([...engine.channels.values()].map(channelJson))],
  ['POST', '/ari/channels', ({ engine, params }) => ok(originate(engine, params))],
  ['GET', '/ari/channels/{}', ({ engine, path }) => ok(channelJson(engine.channel(path[0]!)))],
  ['POST', '/ari/channels/{}', ({ engine, params, path }) => ok(originate(engine, params, path[0]))],
  ['DELETE', '/ari/channels/{}', ({ engine, params, path }) => noContent(() => engine.hangupFromApp(path[0]!, params))],
  ['POST', '/ari/channels/{}/answer', ({ engine, path }) => noContent(() => engine.answer(path[0]!))],
  ['POST', '/ari/channels/{}/ring', ({ engine, path }) => noContent(() => engine.ring(path[0]!, true))],
  ['DELETE', '/ari/channels/{}/ring', ({ engine, path }) => noContent(() => engine.ring(path[0]!, false))],
  ['POST', '/ari/channels/{}/hold', ({ engine, path }) => noContent(() => engine.hold(path[0]!, true))],
  ['DELETE', '/ari/channels/{}/hold', ({ engine, path }) => noContent(() => engine.hold(path[0]!, false))],
  ['POST', '/ari/channels/{}/moh', ({ engine, params, path }) => noContent(() => engine.moh(path[0]!, params.get('mohClass') ?? 'default'))],
  ['DELETE', '/ari/channels/{}/moh', ({ engine, path }) => noContent(() => engine.moh(path[0]!, null))],
  ['POST', '/ari/channels/{}/play', (ctx) => playOnChannel(ctx)],
  ['POST', '/ari/channels/{}/play/{}', (ctx) => playOnChannel(ctx, ctx.path[1])],
  ['POST', '/ari/channels/{}/record', ({ engine, params, path }) => {
    const c = engine.controlled(path[0]!);
    const body = engine.media.record(`channel:${c.id}`, params, c.bridgeId !== null);
    return created(body, `/recordings/live/${encodeURIComponent(String(body.name))}`);
  }],

  ['GET', '/ari/bridges', ({ engine }) => ok(engine.bridges.list().map(bridgeJson))],
  ['POST', '/ari/bridges', ({ engine, params }) => ok(engine.bridges.create(params))],
  ['GET', '/ari/bridges/{}', ({ engine, path }) => ok(bridgeJson(engine.bridges.find(path[0]!)))],
  ['POST', '/ari/bridges/{}', ({ engine, params, path }) => ok(engine.bridges.create(params, path[0]))],
  ['DELETE', '/ari/bridges/{}', ({ engine, path }) => noContent(() => engine.bridges.destroy(path[0]!))],
  ['POST', '/ari/bridges/{}/addChannel', ({ engine, params, path }) => noContent(() => engine.bridges.addChannels(path[0]!, params))],
  ['POST', '/ari/bridges/{}/removeChannel', ({ engine, params, path }) => noContent(() => engine.bridges.removeChannels(path[0]!, params))],
  ['POST', '/ari/bridges/{}/moh', ({ engine, params, path }) => noContent(() => engine.bridges.startMoh(path[0]!, params.get('mohClass') ?? 'default'))],
  ['DELETE', '/ari/bridges/{}/moh', ({ engine, path }) => noContent(() => engine.bridges.stopMoh(path[0]!))],
  ['POST', '/ari/bridges/{}/play', (ctx) => playOnBridge(ctx)],
  ['POST', '/ari/bridges/{}/play/{}', (ctx) => playOnBridge(ctx, ctx.path[1])],
  ['POST', '/ari/bridges/{}/record', ({ engine, params, path }) => {
    const bridge = engine.bridges.find(path[0]!);
    const body = engine.media.record(`bridge:${bridge.id}`, params, false);
    return created(body, `/recordings/live/${encodeURIComponent(String(body.name))}`);
  }],

  ['GET', '/ari/recordings/stored', ({ engine }) => ok([...engine.media.stored].map(([name, s]) => ({ name, format: s.format })))],
  ['GET', '/ari/recordings/stored/{}', ({ engine, path }) => ok({ name: path[0], format: engine.media.storedRecording(path[0]!).format })],
  ['DELETE', '/ari/recordings/stored/{}', ({ engine, path }) => noContent(() => engine.media.storedRecording(path[0]!) && engine.media.stored.delete(path[0]!))],
  ['GET', '/ari/recordings/stored/{}/file', ({ engine, path }) => {
    const s = engine.media.storedRecording(path[0]!);
    if (engine.media.fileFailures > 0) {
      engine.media.fileFailures -= 1;
      throw new HttpError(500, 'Internal Server Error');
    }
    return { status: 200, raw: { data: s.data, contentType: s.format.startsWith('wav') ? 'audio/wav' : 'application/octet-stream' } };
  }],
  ['GET', '/ari/recordings/live/{}', ({ engine, path }) => ok(recordingJson(engine.media.liveRecording(path[0]!)))],
  ['DELETE', '/ari/recordings/live/{}', ({ engine, path }) => noContent(() => engine.media.stopRecording(path[0]!, false))],
  ['POST', '/ari/recordings/live/{}/stop', ({ engine, path }) => noContent(() => engine.media.stopRecording(path[0]!))],

  ['GET', '/ari/sounds', () => ok([])],
  ['GET', '/ari/playbacks/{}', ({ engine, path }) => ok(playbackJson(engine.media.find(path[0]!)))],
  ['DELETE', '/ari/playbacks/{}', ({ engine, path }) => noContent(() => engine.media.finish(path[0]!, 'done'))],
  ['POST', '/ari/playbacks/{}/control', ({ engine, params, path }) => noContent(() => engine.media.control(path[0]!, params))],
  ['GET', '/ari/deviceStates', () => ok([])],
  ['GET', '/ari/mailboxes', () => ok([])],

  ['GET', '/ari/applications', ({ engine, apps }) => ok(apps().map((name) => applicationJson(engine, name)))],
  ['GET', '/ari/applications/{}', ({ engine, apps, path }) => {
    if (!apps().includes(path[0]!)) throw new HttpError(404, 'Application not found');
    return ok(applicationJson(engine, path[0]!));
  }],
];

function playOnChannel({ engine, params, path }: RouteContext, playbackId?: string): Reply {
  const c = engine.controlledAndAnswerable(path[0]!);
  const body = engine.media.play(`channel:${c.id}`, params, playbackId);
  return created(body, `/playbacks/${encodeURIComponent(String(body.id))}`);
}

function playOnBridge({ engine, params, path }: RouteContext, playbackId?: string): Reply {
  const bridge = engine.bridges.find(path[0]!);
  const body = engine.media.play(`bridge:${bridge.id}`, params, playbackId);
  return created(body, `/playbacks/${encodeURIComponent(String(body.id))}`);
}

/** Finds the handler for a request; 404 for an unknown path, 405 for a known path with another method. */
export function route(method: string, pathname: string): { handler: Handler; path: string[] } {
  const segments = pathname.split('/');
  let pathKnown = false;
  for (const [m, pattern, handler] of routes) {
    const parts = pattern.split('/');
    if (parts.length !== segments.length) continue;
    const values: string[] = [];
    const matches = parts.every((part, i) => {
      if (part === '{}') {
        values.push(decodeURIComponent(segments[i]!));
        return segments[i] !== '';
      }
      return part === segments[i];
    });
    if (!matches) continue;
    if (m === method) return { handler, path: values };
    pathKnown = true;
  }
  throw pathKnown ? new HttpError(405, 'Invalid method') : new HttpError(404, 'Resource not found');
}
