import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'tap';
import { build, type BuildOptions, type TestContext } from './app.js';

/** China Standard Time, as people at the hotline read clocks. */
export const cst = (iso: string) => Date.parse(`${iso}+08:00`);

export interface TicketWorld {
  ctx: TestContext;
  /** Moves the service's clock. */
  setNow(iso: string): void;
  units: { city: number; market: number; housing: number };
  tokens: { agent: string; supervisor: string; market: string; housing: string };
  /** Takes a ticket in (as the agent) and returns its number. */
  intake(title?: string): Promise<string>;
  /** POST /api/tickets/:number/<action> as `token`. */
  act(number: string, action: string, token: string, payload?: Record<string, unknown>): ReturnType<TestContext['api']>;
  ticket(number: string, token?: string): Promise<Record<string, any>>;
}

/**
 * A hotline with a city, two of its departments and a user for each (市场监管局, 住建局), an
 * agent and a supervisor, on a clock the test sets (by default Tuesday 24 November 2026, 09:00).
 */
export async function ticketWorld(t: Test, env: Record<string, string> = {}, options: Pick<BuildOptions, 'asterisk' | 'databasePath'> = {}): Promise<TicketWorld> {
  let now = cst('2026-11-24T09:00:00');
  const attachments = mkdtempSync(join(tmpdir(), 'hotline-test-attachments-'));
  t.teardown(() => rmSync(attachments, { recursive: true, force: true }));
  const ctx = await build(t, { ...options, clock: () => now, env: { SUPERVISION_INTERVAL_MS: '0', CALLBACK_SURVEY_INTERVAL_MS: '0', ATTACHMENTS_DIR: attachments, ...env } });
  const unit = async (code: string, name: string, kind: string, parentId?: number) => {
    const res = await ctx.api({ method: 'POST', url: '/api/units', payload: { code, name, kind, parentId } });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as number;
  };
  const city = await unit('yinchuan', '银川市人民政府', 'city');
  const market = await unit('yc-market', '银川市市场监督管理局', 'department', city);
  const housing = await unit('yc-housing', '银川市住房和城乡建设局', 'department', city);
  const tokens = {
    agent: await ctx.userToken('agent', 1),
    supervisor: await ctx.userToken('supervisor'),
    market: await ctx.userToken('unit', market),
    housing: await ctx.userToken('unit', housing),
  };
  const world: TicketWorld = {
    ctx,
    setNow: (iso) => {
      now = cst(iso);
    },
    units: { city, market, housing },
    tokens,
    async intake(title = '商户拒绝退还预付卡余额') {
      const res = await ctx.api(
        { method: 'POST', url: '/api/tickets', payload: { caller: '13912345678', type: 'complaint', category: 'market', title, content: '某健身房闭店，预付卡余额 3000 元无法退还。' } },
        tokens.agent,
      );
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json().number as string;
    },
    act: (number, action, token, payload = {}) => ctx.api({ method: 'POST', url: `/api/tickets/${number}/${action}`, payload }, token),
    async ticket(number, token) {
      return (await ctx.api({ method: 'GET', url: `/api/tickets/${number}` }, token)).json();
    },
  };
  return world;
}

/** A reply that says what was found and done. */
export const goodReply = '经核查，该健身房经营者已于11月25日到场协商，同意分两期退还预付卡余额3000元，首期已退还1500元，已电话告知来电人。';
