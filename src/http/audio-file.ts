import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';

/**
 * One byte range from a Range header (RFC 9110 §14): `bytes=a-b`, `bytes=a-`, `bytes=-n`.
 * null: no usable range, serve the whole file (several ranges are allowed to be ignored);
 * 'unsatisfiable': the range lies outside the file, a 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

export type ByteRange = { start: number; end: number };

/**
 * Streams a WAV file to a browser's <audio>, whole or the one range it asked for, so it can
 * seek; a range outside the file is a 416 naming `what`. `served` hears the range before the
 * bytes go out (null: the whole file), for a caller that counts listens.
 */
export function sendWav(reply: FastifyReply, file: string, size: number, rangeHeader: string | undefined, what: string, served?: (range: ByteRange | null) => void): FastifyReply {
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    return reply.code(416).header('Content-Range', `bytes */${size}`).send({ statusCode: 416, code: 'RANGE_NOT_SATISFIABLE', error: 'Range Not Satisfiable', message: `Range: ${what} has ${size} bytes` });
  }
  served?.(range);
  reply.header('Accept-Ranges', 'bytes').header('Content-Type', 'audio/wav').header('Cache-Control', 'private, no-store');
  if (!range) return reply.header('Content-Length', size).send(createReadStream(file));
  return reply
    .code(206)
    .header('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
    .header('Content-Length', range.end - range.start + 1)
    .send(createReadStream(file, { start: range.start, end: range.end }));
}
