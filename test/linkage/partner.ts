import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Test } from 'tap';
import type { TestContext } from '../helpers/app.js';

/** How the partner answers one delivery: with a status, or not at all (a hang past our timeout). */
export type Answer = number | 'hang';

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export const SECRET = 'partner-shared-secret-0123456789';

/**
 * A linkage target's system (110's dispatch platform, say) on a real local port: it answers
 * deliveries as scripted, then 200 once the script runs out, and keeps what it received.
 */
export async function partnerSystem(t: Test, script: Answer[] = []) {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = script.shift() ?? 200;
      if (answer === 'hang') hanging.push(res);
      else res.writeHead(answer, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hotline/tickets`, received };
}

/** An admin points the target at the partner's system (or at nothing), with our shared secret. */
export async function connectTarget(ctx: TestContext, code: string, settings: { webhookUrl: string | null; ticketTravels?: boolean; webhookSecret?: string | null }) {
  const current = (await ctx.api({ method: 'GET', url: `/api/linkage-targets/${code}` })).json();
  const { code: _code, hasWebhookSecret: _has, ...rest } = current;
  const res = await ctx.api({ method: 'PUT', url: `/api/linkage-targets/${code}`, payload: { ...rest, webhookSecret: SECRET, ...settings } });
  if (res.statusCode !== 200) throw new Error(`target ${code} refused: ${res.body}`);
}

let calls = 0;

/** A call as the call log knows it once agent `agentId` answered it; the call code's own events are added by the test. */
export function answeredCall(ctx: TestContext, agentId: number, caller = '13912345678'): string {
  calls += 1;
  const id = `call-linkage-${calls}`;
  ctx.app.callLog.open({ id, channelId: `chan-${calls}`, caller, dialed: '12345', startedAt: Date.now() });
  ctx.app.callLog.record(id, 'agent-answered', { agentId }, { agentId, phase: 'talking', agentAnsweredAt: Date.now() });
  return id;
}

export const draft = { type: 'complaint', category: 'enterprise', title: '商户拒不退还押金', content: '某健身房闭店，押金三千元未退。', citizenName: '李先生', address: '高新区科技路 1 号' };

/** The agent saves the call's ticket from the desktop. */
export async function takeTicket(ctx: TestContext, callId: string, token?: string): Promise<{ number: string; caller: string; callId: string }> {
  const res = await ctx.api({ method: 'POST', url: '/api/tickets', payload: { callId, ...draft } }, token);
  if (res.statusCode !== 201) throw new Error(`ticket refused: ${res.body}`);
  return res.json();
}
