import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Engine } from './engine.js';
import { createAriServer } from './http.js';
import { EventSockets } from './websocket.js';
import { Control } from './control.js';

export type { SentEvent } from './engine.js';
export type { RequestLogEntry } from './http.js';
export type { CallHandle, OriginatedLeg, PlaceCallOptions } from './control.js';

export interface FakeAsteriskOptions {
  user?: string;
  password?: string;
  /** The Stasis app that placeCall() sends calls to when several are connected; default hotline12345. */
  app?: string;
  /** Endpoints that exist and are registered, e.g. ["PJSIP/1001"]; when omitted any tech/resource can be originated to. */
  endpoints?: string[];
  /** Finish every playback item this many ms after it starts, instead of waiting for the test. */
  autoFinishPlaybacksMs?: number;
  /** The ChannelDestroyed cause when an originate times out: 19 (Asterisk with the #1660 fix) or 0 (before it). */
  noAnswerCause?: number;
}

/**
 * A fake Asterisk 22 that ari-client cannot tell from the real one: Swagger api-docs, the ARI
 * REST operations the service uses, and events over the /ari/events WebSocket. Tests drive
 * the far end (callers, agents' phones) through the Control methods it inherits.
 */
export class FakeAsterisk extends Control {
  /** While true, every request and WebSocket upgrade is answered 503, as by an Asterisk still booting. */
  booting = false;
  private server: Server | null = null;
  private sockets: EventSockets | null = null;
  private port = 0;
  private readonly user: string;
  private readonly password: string;

  constructor(options: FakeAsteriskOptions = {}) {
    const engine = new Engine({ asteriskId: '02:42:ac:11:00:02', endpoints: options.endpoints, noAnswerCause: options.noAnswerCause ?? 19 });
    super(engine, options.app ?? 'hotline12345');
    this.user = options.user ?? 'asterisk';
    this.password = options.password ?? 'asterisk';
    engine.media.autoFinishMs = options.autoFinishPlaybacksMs ?? null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens on 127.0.0.1; after stop(), on the same port again, so a client can reconnect to it. */
  async start(): Promise<{ url: string; port: number }> {
    if (this.server) return { url: this.url, port: this.port };
    const authorised = (user: string, password: string) => user === this.user && password === this.password;
    const booting = () => this.booting;
    const sockets = new EventSockets(this.engine, authorised, booting);
    const server = createAriServer({
      engine: this.engine,
      authorised,
      apps: () => sockets.apps(),
      booting,
      log: (entry) => {
        this.requests.push(entry);
        this.engine.emit('change');
      },
    });
    server.on('upgrade', (req, socket, head) => sockets.upgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    this.sockets = sockets;
    this.appsOnline = () => sockets.apps();
    return { url: this.url, port: this.port };
  }

  /**
   * Stops like an Asterisk that went away: connections are cut and every channel, bridge and
   * recording in progress is forgotten without a word to the app.
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.sockets?.close();
    this.engine.forget();
    this.server = null;
    this.sockets = null;
    this.appsOnline = () => [];
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Cuts every event WebSocket, as a network failure would; REST and all state stay. */
  dropWebSockets(): void {
    this.sockets?.dropAll();
  }
}
