import { Writable } from 'node:stream';
import pino from 'pino';
import t from 'tap';
import { loggerOptions, logUrl } from '../../src/log.js';

t.test('query strings in the request log keep only the last four digits of a number, and no token', (t) => {
  t.equal(logUrl('/api/calls?caller=13800001234&limit=5'), '/api/calls?caller=*******1234&limit=5');
  t.equal(logUrl('/api/calls?caller=3800001&agentId=2'), '/api/calls?caller=***0001&agentId=2', 'part of a number, as the call log searches');
  t.equal(logUrl('/ws?token=abc'), '/ws?token=%5Bredacted%5D');
  t.equal(logUrl('/api/agents'), '/api/agents');
  t.end();
});

t.test('a log line with a caller number is masked', (t) => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  const log = pino(loggerOptions('info'), sink);
  log.info({ caller: '13800001234', req: { method: 'GET', url: '/api/calls?caller=13800001234' } }, 'x');
  t.notMatch(lines.join(''), /13800001234/);
  t.match(lines.join(''), /\*{7}1234/);
  t.end();
});
