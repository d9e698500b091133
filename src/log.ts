import pino, { type Logger, type LoggerOptions } from 'pino';

// Keys whose values are phone numbers; they are masked wherever they appear at the top level of a log line.
const numberKeys = new Set(['caller', 'number', 'callerNumber', 'callerId']);

/** Keeps the last four digits, so a log line can still be matched to a complaint without exposing the citizen. */
export function maskNumber(value: string): string {
  return value.length <= 4 ? '*'.repeat(value.length) : '*'.repeat(value.length - 4) + value.slice(-4);
}

export function maskNumbers(obj: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    if (numberKeys.has(key) && typeof value === 'string') {
      out ??= { ...obj };
      out[key] = maskNumber(value);
    }
  }
  return out ?? obj;
}

/** A request URL fit for the log: phone numbers in the query masked, tokens removed. */
export function logUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) {
    if (key === 'token') params.set(key, '[redacted]');
    else if (numberKeys.has(key)) params.set(key, maskNumber(params.get(key) ?? ''));
  }
  return `${url.slice(0, q)}?${params.toString()}`;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    formatters: { log: maskNumbers },
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: logUrl(req.url), host: req.host, remoteAddress: req.ip }),
    },
    // Tokens and passwords never reach the log, whichever route they came through.
    redact: ['req.headers.authorization', 'password', '*.password', 'token'],
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

/** The part of a logger the services use; both pino and Fastify's logger satisfy it. */
export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Log;
}
