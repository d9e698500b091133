import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Engine } from './engine.js';
import { HttpError } from './model.js';
import { Params } from './params.js';
import { route, type Reply } from './routes.js';

export interface RequestLogEntry {
  method: string;
  /** Without the query string, e.g. /ari/channels/1700000000.1/answer. */
  path: string;
  query: string;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface HttpOptions {
  engine: Engine;
  authorised: (user: string, password: string) => boolean;
  apps: () => string[];
  log: (entry: RequestLogEntry) => void;
  /** While true, answer 503 to everything, as Asterisk does before it has fully booted. */
  booting: () => boolean;
}

/** The REST half of ARI: Basic auth, Asterisk's status codes, JSON bodies, empty 204s. */
export function createAriServer(options: HttpOptions): Server {
  return createServer((req, res) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const reply = handle(options, req, url, Buffer.concat(chunks).toString('utf8'));
      if (!url.pathname.startsWith('/ari/api-docs/')) {
        options.log({ method: req.method ?? 'GET', path: url.pathname, query: url.search, status: reply.status, at });
      }
      send(res, reply);
    });
  });
}

function handle(options: HttpOptions, req: IncomingMessage, url: URL, rawBody: string): Reply {
  if (options.booting()) return { status: 503, body: { message: 'Asterisk is not fully booted' } };
  if (!authorised(req, url, options.authorised)) return { status: 401, body: { error: 'Authentication required' } };
  try {
    let body: Record<string, unknown> = {};
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        throw new HttpError(400, 'Invalid JSON body');
      }
    }
    const { handler, path } = route(req.method ?? 'GET', url.pathname);
    const baseUrl = `http://${req.headers.host ?? 'localhost'}`;
    return handler({ engine: options.engine, params: new Params(url.searchParams, body), path, baseUrl, apps: options.apps });
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, body: { message: err.message } };
    return { status: 500, body: { message: err instanceof Error ? err.message : String(err) } };
  }
}

/** Asterisk accepts Basic auth or ?api_key=user:password on every request. */
function authorised(req: IncomingMessage, url: URL, check: HttpOptions['authorised']): boolean {
  let key = url.searchParams.get('api_key');
  const header = req.headers.authorization;
  if (!key && header?.startsWith('Basic ')) key = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = key?.indexOf(':') ?? -1;
  return key !== null && colon >= 0 && check(key.slice(0, colon), key.slice(colon + 1));
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="Asterisk REST Interface"');
  if (reply.location) res.setHeader('Location', reply.location);
  if (reply.raw) {
    res.writeHead(reply.status, { 'Content-Type': reply.raw.contentType, 'Content-Length': reply.raw.data.length });
    res.end(reply.raw.data);
    return;
  }
  if (reply.body === undefined) {
    res.writeHead(reply.status);
    res.end();
    return;
  }
  const json = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}
