import type { Engine } from './engine.js';
import { bridgeJson, channelJson, HttpError, timestamp, type FakeBridge, type FakeChannel } from './model.js';
import type { Params } from './params.js';

const bridgeFlags = new Set(['mixing', 'holding', 'dtmf_events', 'proxy_media', 'video_sfu', 'video_single', 'sdp_label']);

/** Stasis bridges: the app whose channels use a bridge hears about it. */
export class Bridges {
  private readonly all = new Map<string, FakeBridge>();

  constructor(private readonly engine: Engine) {}

  get(id: string): FakeBridge | undefined {
    return this.all.get(id);
  }

  list(): FakeBridge[] {
    return [...this.all.values()];
  }

  find(id: string): FakeBridge {
    const b = this.all.get(id);
    if (!b) throw new HttpError(404, 'Bridge not found');
    return b;
  }

  create(params: Params, idFromPath?: string): Record<string, unknown> {
    const id = idFromPath ?? params.get('bridgeId') ?? crypto.randomUUID();
    // Asterisk 22 refuses an id in use, on POST /bridges?bridgeId= and POST /bridges/{id} alike
    // (seen on 22.10.1: it no longer updates the existing bridge).
    if (this.all.has(id)) throw new HttpError(409, `Bridge with id '${id}' already exists`);
    const flags = (params.get('type') ?? 'mixing').split(',').map((f) => f.trim()).filter(Boolean);
    if (flags.some((f) => !bridgeFlags.has(f))) throw new HttpError(500, 'Unable to create bridge');
    // A bridge made over REST belongs to no app until a Stasis channel enters it, so no
    // app hears BridgeCreated.
    const bridge: FakeBridge = { id, name: params.get('name') ?? '', flags, channels: [], moh: null, creationtime: timestamp(), app: null };
    this.all.set(id, bridge);
    this.engine.send(null, 'BridgeCreated', { bridge: bridgeJson(bridge) });
    return bridgeJson(bridge);
  }

  /** Asterisk resolves every channel first (400 unknown, 422 not in Stasis), then adds them. */
  private controls(params: Params): FakeChannel[] {
    const ids = params.list('channel');
    if (!ids.length) throw new HttpError(400, 'Missing parameter channel');
    return ids.map((id) => {
      const c = this.engine.channels.get(id);
      if (!c) throw new HttpError(400, 'Channel not found');
      if (!c.app) throw new HttpError(422, 'Channel not in Stasis application');
      return c;
    });
  }

  addChannels(id: string, params: Params): void {
    const bridge = this.find(id);
    for (const c of this.controls(params)) {
      if (c.bridgeId === bridge.id) continue;
      // A channel already bridged is moved, as Asterisk's control does.
      this.leave(c);
      c.bridgeId = bridge.id;
      bridge.app ??= c.app;
      bridge.channels.push(c.id);
      this.engine.send(c.app, 'ChannelEnteredBridge', { bridge: bridgeJson(bridge), channel: channelJson(c) });
    }
  }

  removeChannels(id: string, params: Params): void {
    const bridge = this.find(id);
    const channels = this.controls(params);
    if (channels.some((c) => c.bridgeId !== bridge.id)) throw new HttpError(422, 'Channel not in this bridge');
    for (const c of channels) this.leave(c);
  }

  leave(c: FakeChannel): void {
    const bridge = c.bridgeId ? this.all.get(c.bridgeId) : undefined;
    c.bridgeId = null;
    if (!bridge) return;
    bridge.channels = bridge.channels.filter((other) => other !== c.id);
    this.engine.send(this.engine.appOf(c) ?? bridge.app, 'ChannelLeftBridge', { bridge: bridgeJson(bridge), channel: channelJson(c) });
  }

  destroy(id: string): void {
    const bridge = this.find(id);
    for (const channelId of [...bridge.channels]) {
      const c = this.engine.channels.get(channelId);
      if (c) this.leave(c);
    }
    this.engine.media.targetGone(`bridge:${id}`);
    this.all.delete(id);
    this.engine.send(bridge.app, 'BridgeDestroyed', { bridge: bridgeJson(bridge) });
  }

  startMoh(id: string, mohClass: string): void {
    this.find(id).moh = mohClass;
    this.engine.emit('change');
  }

  stopMoh(id: string): void {
    const bridge = this.find(id);
    if (bridge.moh === null) throw new HttpError(409, "Bridge isn't playing music on hold");
    bridge.moh = null;
    this.engine.emit('change');
  }

  forget(): void {
    this.all.clear();
  }

  clear(): void {
    for (const id of [...this.all.keys()]) this.destroy(id);
  }
}
