import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Engine, SentEvent } from './engine.js';
import { timestamp } from './model.js';

/**
 * GET /ari/events: one WebSocket per app name. A newer connection for an app takes it over
 * and the older one is told ApplicationReplaced (and hears nothing more for that app), as
 * Asterisk does. Nothing is replayed on connect: Asterisk does not resend StasisStart.
 */
export class EventSockets {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly owners = new Map<string, WebSocket>();
  private readonly onEvent = (event: SentEvent) => this.deliver(event);

  constructor(
    private readonly engine: Engine,
    private readonly authorised: (user: string, password: string) => boolean,
    private readonly booting: () => boolean,
  ) {
    engine.on('event', this.onEvent);
  }

  apps(): string[] {
    return [...this.owners.keys()];
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (this.booting()) return reject(socket, 503, 'Service Unavailable');
    if (url.pathname !== '/ari/events') return reject(socket, 404, 'Not Found');
    const key = url.searchParams.get('api_key') ?? basicCredentials(req.headers.authorization) ?? '';
    const colon = key.indexOf(':');
    if (colon < 0 || !this.authorised(key.slice(0, colon), key.slice(colon + 1))) return reject(socket, 401, 'Unauthorized');
    const apps = url.searchParams.getAll('app').flatMap((a) => a.split(',')).filter(Boolean);
    if (!apps.length) return reject(socket, 400, 'Bad Request');
    this.server.handleUpgrade(req, socket, head, (ws) => this.register(ws, apps));
  }

  private register(ws: WebSocket, apps: string[]): void {
    for (const app of apps) {
      const previous = this.owners.get(app);
      if (previous && previous !== ws) {
        previous.send(JSON.stringify({ type: 'ApplicationReplaced', timestamp: timestamp(), application: app, asterisk_id: this.engine.options.asteriskId }));
      }
      this.owners.set(app, ws);
    }
    ws.on('close', () => {
      for (const [app, owner] of this.owners) if (owner === ws) this.owners.delete(app);
      this.engine.emit('change');
    });
    this.engine.emit('change');
  }

  private deliver(event: SentEvent): void {
    const ws = this.owners.get(event.app);
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(event.body));
  }

  /** Drops every connection, as a network failure would; the apps re-register when clients reconnect. */
  dropAll(): void {
    for (const ws of this.server.clients) ws.terminate();
    this.owners.clear();
  }

  close(): void {
    this.engine.off('event', this.onEvent);
    this.dropAll();
    this.server.close();
  }
}

function basicCredentials(header: string | undefined): string | null {
  if (!header?.startsWith('Basic ')) return null;
  return Buffer.from(header.slice(6), 'base64').toString('utf8');
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
